package io.ace.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.repository.JobRepository;

/** Where reports go: inside --output-dir whatever the table is called, and nowhere when the directory cannot be written. */
class ReportFilesTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(@TempDir Path home) {
        cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS public.\"x/../../escape\"; CREATE TABLE public.\"x/../../escape\" (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.\"x/../../escape\" SELECT g, 'v' FROM generate_series(1, 50) g", "n1", "n2");
        cluster.sql("UPDATE public.\"x/../../escape\" SET v = 'w' WHERE id = 7", "n2");
        ace = new Ace(cluster.serviceFile(), home);
    }

    @AfterAll
    static void tearDown() {
        ace.close();
    }

    @Test
    void aTableNamedWithSlashesAndDotDotGetsItsReportsInsideTheOutputDirectory(@TempDir Path root) throws Exception {
        Path out = root.resolve("a/b/out");
        Ace.Result r = ace.run("table-diff", "local", "public.\"x/../../escape\"", "--nodes", "n1,n2", "--output", "html",
                "--output-dir", out.toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.diff().get("summary").get("table").asString()).isEqualTo("x/../../escape");
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).toList()).hasSize(2)
                    .allSatisfy(f -> {
                        assertThat(f.getParent()).isEqualTo(out);
                        assertThat(f.getFileName().toString()).startsWith("public_x_.._.._escape_diffs-");
                    });
        }
        Ace.Result rerun = ace.run("table-rerun", "local", "public.\"x/../../escape\"", "--diff-file", r.diffFile().toString(),
                "--output-dir", out.toString());
        assertThat(rerun.exitCode()).as(rerun.toString()).isEqualTo(1);
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.filter(Files::isRegularFile).filter(f -> !f.getParent().equals(out)).toList()).isEmpty();
        }
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenExits78BeforeAnyWork(@TempDir Path root) throws Exception {
        Path notADirectory = Files.writeString(root.resolve("file"), "x");
        JobRepository repository = ace.context().getBean(JobRepository.class);
        int before = repository.getJobInstances("table-diff", 0, 1000).size();
        Ace.Result r = ace.run("table-diff", "local", "public.\"x/../../escape\"", "--nodes", "n1,n2",
                "--output-dir", notADirectory.resolve("out").toString());
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(78);
        assertThat(r.err()).contains("output directory " + notADirectory.resolve("out") + " is not writable");
        assertThat(repository.getJobInstances("table-diff", 0, 1000)).as("no run recorded").hasSize(before);
    }
}
