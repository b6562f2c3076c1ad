package io.ace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pgEdge ACE user's command lines work as typed: its short aliases, {@code --nodes all}, and a word on flags this tool lacks. */
@OnCluster
class AceGoCommandLinesTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, @TempDir Path home) {
        cluster = localCluster;
        cluster.sql("DROP TABLE IF EXISTS public.habits; CREATE TABLE public.habits (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.habits SELECT g, 'v' FROM generate_series(1, 300) g", "n1", "n2", "n3", "n4");
        cluster.sql("UPDATE public.habits SET v = 'w' WHERE id IN (7, 150)", "n2");
        ace = new Ace(cluster.serviceFile(), home);
    }

    @AfterAll
    static void tearDown() {
        ace.close();
    }

    @Test
    void aceShortAliasesDiffAndRepair() {
        Ace.Result diff = ace.run("table-diff", "local", "public.habits", "-b", "100", "-n", "n1,n2", "-o", "html", "-F", "id < 100",
                "-u", "50", "-c", "1", "-q");
        assertThat(diff.exitCode()).as(diff.toString()).isEqualTo(1);
        // the filter kept key 150 out
        assertThat(diff.diffKeys("id")).containsExactly("7");
        assertThat(ace.outputFiles()).anyMatch(f -> f.toString().endsWith(".html"));

        Ace.Result dryRun = ace.run("table-repair", "local", "public.habits", "-f", diff.diffFile().toString(), "-r", "n1", "-y", "-g",
                "--output-dir", ace.outputDir().toString());
        assertThat(dryRun.exitCode()).as(dryRun.toString()).isIn(0, 1);
        assertThat(dryRun.out()).containsIgnoringCase("dry run");
        Ace.Result unchanged = ace.run("table-diff", "local", "public.habits", "--nodes", "n1,n2");
        assertThat(unchanged.exitCode()).as("a dry run changes nothing").isEqualTo(1);
    }

    @Test
    void nodesAllMeansEveryNode() {
        Ace.Result all = ace.run("table-diff", "local", "public.habits", "-n", "all");
        assertThat(all.exitCode()).as(all.toString()).isEqualTo(1);
        assertThat(all.diff().path("summary").path("nodes")).hasSize(4);
    }

    @Test
    void aceFlagsThisToolLacksSayWhatToDoInstead() {
        Ace.Result dbname = ace.run("table-diff", "local", "public.habits", "--dbname=acedb");
        assertThat(dbname.exitCode()).isEqualTo(64);
        assertThat(dbname.err()).contains("--dbname is a pgEdge ACE flag this tool does not have").contains("service file");
        Ace.Result every = ace.run("table-diff", "local", "public.habits", "-S", "-e", "1h");
        assertThat(every.exitCode()).isEqualTo(64);
        assertThat(every.err()).contains("-S is a pgEdge ACE flag").contains("jobs/");
        Ace.Result typo = ace.run("table-diff", "local", "public.habits", "--block-siz", "100");
        assertThat(typo.exitCode()).isEqualTo(64);
        assertThat(typo.err()).contains("--block-size");
        Ace.Result command = ace.run("tabel-diff", "local", "public.habits");
        assertThat(command.exitCode()).isEqualTo(64);
        assertThat(command.err()).contains("table-diff");
    }
}
