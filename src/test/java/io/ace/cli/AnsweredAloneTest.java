package io.ace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.AceApplication;
import io.ace.testing.Ace;
import io.ace.testing.OnCluster;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Help, the version and usage errors are answered before the application starts, in the same
 * words and with the same exit codes as the started application gives them; a command that must
 * run is left to it.
 */
@OnCluster
class AnsweredAloneTest {

    static Ace ace;

    @BeforeAll
    static void setUp(Ace classAce) {
        ace = classAce;
    }

    @ParameterizedTest
    @ValueSource(strings = {"--version", "--help", "tabel-diff", "table-diff --help", "table-diff local public.t --block-size x",
        "table-diff local public.t --block-siz 5", "table-diff local public.t -x", "jobs list --limt 3", "jobs show notanumber",
        "jobs --help", "mtree --help", "mtree build --help", "mtree bild local public.t", "mtree-build --help",
        "reports prune --help", "table-repair local public.t --mode nonsense", "worker --concurrency lots", "-h", "-V", "--bogus"})
    void answeredBeforeTheApplicationStartsAsAfter(String line) {
        String[] args = line.split(" ");
        Ace.Result alone = Ace.runAlone(args);
        Ace.Result started = ace.run(args);
        assertThat(alone.exitCode()).as(alone.toString()).isIn(0, 64).isEqualTo(started.exitCode());
        assertThat(alone.out()).isEqualTo(started.out());
        assertThat(alone.err()).isEqualTo(started.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {"table-diff local public.t", "jobs list", "mtree build local public.t", "reports list", ""})
    void aCommandThatMustRunIsLeftToTheApplication(String line) {
        Ace.Result alone = Ace.runAlone(line.isEmpty() ? new String[0] : line.split(" "));
        assertThat(alone.exitCode()).isEqualTo(-1);
        assertThat(alone.out()).isEmpty();
        assertThat(alone.err()).isEmpty();
    }

    @Test
    void theVersionStartsNoApplication() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-Xlog:class+load", "-cp", System.getProperty("java.class.path"),
                AceApplication.class.getName(), "--version").redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isZero();
        assertThat(printed.lines().filter(l -> !l.contains("class,load"))).containsExactly("ACE dev",
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + "), class data sharing "
                        + (System.getProperty("java.vm.info").contains("sharing") ? "on" : "off"));
        List<String> loaded = printed.lines().filter(l -> l.contains("class,load")).toList();
        assertThat(loaded).anyMatch(l -> l.contains(" picocli.CommandLine "))
                .noneMatch(l -> l.contains(" org.springframework.boot.SpringApplication "))
                .noneMatch(l -> l.contains(" org.springframework.context.support.AbstractApplicationContext "));
    }
}
