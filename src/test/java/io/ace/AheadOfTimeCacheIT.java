package io.ace;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's ahead-of-time cache (Java 25 or later): trained on a real run when asked, then the
 * start of every command that runs, with the same results, exit codes and messages as without it;
 * help, the version and usage errors are answered as before. Without such a JDK, asking to train
 * is refused before anything runs.
 */
class AheadOfTimeCacheIT {

    private static final String TABLE = "public.aot_t";

    @Test
    void aCacheTrainedOnARealRunStartsCommandsThatRunWithTheSameResults(@TempDir Path dir) throws Exception {
        LocalCluster cluster = LocalCluster.plain();
        cluster.sql("DROP TABLE IF EXISTS " + TABLE + "; CREATE TABLE " + TABLE + " (id int PRIMARY KEY, v text);"
                + "INSERT INTO " + TABLE + " SELECT g, 'v' || g FROM generate_series(1, 500) g", "n1", "n2");
        cluster.sql("UPDATE " + TABLE + " SET v = 'changed' WHERE id IN (7, 300)", "n2");
        String cache = dir.resolve("ace.aot").toString();
        List<String> diff = List.of("table-diff", "local", TABLE, "--nodes", "n1,n2", "--quiet", "--output-dir", dir.resolve("out").toString());

        Ace.Result unaided = run(cluster, dir.resolve("home-0"), Map.of("ACE_AOT", "off"), diff);
        assertThat(unaided.exitCode()).as(unaided.err()).isEqualTo(1);
        List<String> usageLine = List.of("table-diff", "local", TABLE, "--block-siz", "5");
        Ace.Result usageUnaided = run(cluster, dir.resolve("home-0"), Map.of("ACE_AOT", "off"), usageLine);
        assertThat(usageUnaided.exitCode()).isEqualTo(64);

        Ace.Result before = run(cluster, dir.resolve("home-1"), Map.of("ACE_AOT_CACHE", cache), List.of("--version"));
        if (!before.out().contains("ACE_AOT_TRAIN=1")) {
            // no Java 25 here: training is refused, naming what is missing, and nothing runs
            Ace.Result refused = run(cluster, dir.resolve("home-1"), Map.of("ACE_AOT_CACHE", cache, "ACE_AOT_TRAIN", "1"), diff);
            assertThat(refused.exitCode()).isEqualTo(78);
            assertThat(refused.err()).contains("needs Java 25 or later");
            assertThat(refused.out()).isEmpty();
            assertThat(Path.of(cache)).doesNotExist();
            return;
        }

        Ace.Result answered = run(cluster, dir.resolve("home-1"), Map.of("ACE_AOT_CACHE", cache, "ACE_AOT_TRAIN", "1"), List.of("--version"));
        assertThat(answered.exitCode()).isZero();
        assertThat(answered.err()).contains("answered without running anything, so no ahead-of-time cache was trained");
        assertThat(Path.of(cache)).doesNotExist();

        Ace.Result trained = run(cluster, dir.resolve("home-1"), Map.of("ACE_AOT_CACHE", cache, "ACE_AOT_TRAIN", "1"), diff);
        assertThat(trained.exitCode()).as(trained.err()).isEqualTo(1);
        assertThat(trained.err()).contains("ahead-of-time cache written to " + cache);
        assertThat(Path.of(cache)).isNotEmptyFile();
        // the JVM's own messages while it trains go to stderr: stdout holds only what the command says
        assertSameRun(trained, unaided);

        Ace.Result version = run(cluster, dir.resolve("home-2"), Map.of("ACE_AOT_CACHE", cache), List.of("--version"));
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).containsPattern("Java 2[5-9][.0-9]* \\(.*\\), ahead-of-time cache ace\\.aot \\(commands that run\\)")
                .contains("(help, version, usage errors)");

        Ace.Result cached = run(cluster, dir.resolve("home-2"), Map.of("ACE_AOT_CACHE", cache), diff);
        assertThat(cached.exitCode()).as(cached.err()).isEqualTo(1);
        assertSameRun(cached, unaided);
        assertThat(cached.err()).doesNotContain("aot");

        Ace.Result usage = run(cluster, dir.resolve("home-2"), Map.of("ACE_AOT_CACHE", cache), usageLine);
        assertThat(usage.exitCode()).isEqualTo(64);
        assertThat(usage.err()).isEqualTo(usageUnaided.err());
        assertThat(usage.out()).isEqualTo(usageUnaided.out());

        // the runnable line was remembered (by its digest alone, its text masked), the usage error was not; the remembered
        // line runs as before, and so does one that differs from it only in text (here where the reports go)
        Path verdicts = Path.of(cache + ".runnable");
        assertThat(Files.readAllLines(verdicts)).containsExactly(digest(List.of("table-diff", "*", "*", "--nodes", "*", "--quiet", "--output-dir", "*")));
        assertThat(Files.readString(verdicts)).doesNotContain(TABLE);
        Ace.Result again = run(cluster, dir.resolve("home-2"), Map.of("ACE_AOT_CACHE", cache), diff);
        assertThat(again.exitCode()).as(again.err()).isEqualTo(1);
        assertSameRun(again, unaided);
        List<String> elsewhere = new ArrayList<>(diff);
        elsewhere.set(elsewhere.size() - 1, dir.resolve("elsewhere").toString());
        Ace.Result moved = run(cluster, dir.resolve("home-2"), Map.of("ACE_AOT_CACHE", cache), elsewhere);
        assertThat(moved.exitCode()).as(moved.err()).isEqualTo(1);
        assertSameRun(moved, unaided);
        assertThat(moved.diffFile()).startsWith(dir.resolve("elsewhere"));
        assertThat(Files.readAllLines(verdicts)).hasSize(1);
        // a value the parser checks (a number) is kept: another one is another line
        for (String blockSize : List.of("100", "200")) {
            List<String> sized = new ArrayList<>(diff);
            sized.addAll(List.of("--block-size", blockSize));
            Ace.Result blocks = run(cluster, dir.resolve("home-2"), Map.of("ACE_AOT_CACHE", cache), sized);
            assertThat(blocks.exitCode()).as(blocks.err()).isEqualTo(1);
        }
        assertThat(Files.readAllLines(verdicts)).hasSize(3);

        // a line remembered as runnable that is not (a record written by hand) is answered by the run itself, the same way:
        // the unknown flag is kept, the words that are text to the parser are masked
        Files.writeString(verdicts, digest(List.of("table-diff", "*", "*", "--block-siz", "*")) + "\n", StandardOpenOption.APPEND);
        Ace.Result remembered = run(cluster, dir.resolve("home-2"), Map.of("ACE_AOT_CACHE", cache), usageLine);
        assertThat(remembered.exitCode()).isEqualTo(64);
        assertThat(remembered.err()).isEqualTo(usageUnaided.err());
        assertThat(remembered.out()).isEqualTo(usageUnaided.out());
    }

    /** How the launcher names a command line it remembers: the build's jar (time and size) and the line's shape, digested. */
    private static String digest(List<String> shape) throws IOException, NoSuchAlgorithmException {
        Path jar = LocalCluster.projectRoot().resolve("target/ace.jar");
        StringBuilder text = new StringBuilder()
                .append(Files.getLastModifiedTime(jar).to(TimeUnit.SECONDS)).append(' ').append(Files.size(jar)).append('\n');
        shape.forEach(a -> text.append(a).append('\0'));
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The same outcome line, stdout's other lines only the diff file's name, and the same differing keys. */
    private static void assertSameRun(Ace.Result run, Ace.Result reference) {
        assertThat(run.out().lines().findFirst()).isEqualTo(reference.out().lines().findFirst());
        assertThat(run.out().lines().skip(1)).allMatch(l -> l.startsWith("diff file: "), "stdout: " + run.out());
        assertThat(run.diffKeys("id")).containsExactly("300", "7").isEqualTo(reference.diffKeys("id"));
    }

    private static Ace.Result run(LocalCluster cluster, Path home, Map<String, String> env, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(LocalCluster.projectRoot().resolve("scripts/ace").toString()));
        command.addAll(args);
        Files.createDirectories(home);
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(home.resolve("out.txt").toFile()).redirectError(home.resolve("err.txt").toFile());
        pb.environment().put("ACE_PGSERVICEFILE", cluster.serviceFile().toString());
        pb.environment().put("ACE_HOME", home.toString());
        pb.environment().putAll(env);
        Process p = pb.start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("scripts/ace " + String.join(" ", args) + " ended").isTrue();
        return Ace.Result.of(p.exitValue(), Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
                Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
    }
}
