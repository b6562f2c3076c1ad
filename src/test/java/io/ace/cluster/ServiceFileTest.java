package io.ace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.testing.Ace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A service file that says one thing twice, or a port that is not one, is a configuration error naming where. */
class ServiceFileTest {

    private static final String CLUSTER = """
            [local]
            host=127.0.0.1
            dbname=acedb

            [local.n1]
            port=5432

            [local.n2]
            port=5433
            """;

    private static AceException error(Path file, String cluster) {
        ClusterRegistry registry = new ClusterRegistry(Map.of("ACE_PGSERVICEFILE", file.toString())::get, file.getParent(), null);
        return catchThrowableOfType(AceException.class, () -> registry.cluster(cluster));
    }

    @Test
    void aSectionDefinedTwiceNamesFileLineAndSection(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER + "\n[local.n1]\nhost=10.9.9.9\n");
        AceException e = error(file, "local");
        assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(e.getMessage()).isEqualTo(file + ":11: section [local.n1] is defined again (first at line 5); merge the two sections or rename one");
    }

    @Test
    void aSettingGivenTwiceInASectionNamesBoth(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER + "port=5434\n");
        assertThat(error(file, "local").getMessage()).isEqualTo(file + ":10: 'port' is set again in section [local.n2] (first at line 9); keep one");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "99999", "0", "-1", "5432x"})
    void aPortThatIsNotOneNamesTheNodeAndTheRange(String port, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER.replace("port=5433", "port=" + port));
        AceException e = error(file, "local");
        assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(e.getMessage()).isEqualTo(file + ": node n2: its port is not a port number; it must be between 1 and 65535: '" + port + "'");
    }

    @Test
    void theCommandLineExits78WithoutAStackTrace(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER.replace("port=5433", "port=99999"));
        try (Ace ace = new Ace(file, dir.resolve("home"))) {
            Ace.Result r = ace.run("table-diff", "local", "public.t");
            assertThat(r.exitCode()).as(r.toString()).isEqualTo(78);
            assertThat(r.err()).contains("node n2: its port is not a port number; it must be between 1 and 65535: '99999'")
                    .doesNotContain("\tat ");
            Files.writeString(file, CLUSTER + "\n[local.n1]\nhost=10.9.9.9\n");
            Ace.Result twice = ace.run("table-diff", "local", "public.t");
            assertThat(twice.exitCode()).as(twice.toString()).isEqualTo(78);
            assertThat(twice.err()).contains("section [local.n1] is defined again");
        }
    }
}
