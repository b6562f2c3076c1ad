package io.ace.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.testing.Ace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A service file that says one thing twice, a port that is not one, a key ACE would ignore or a
 * section that misses its cluster by case is a configuration error naming where and the fix.
 */
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
            Files.writeString(file, CLUSTER.replace("port=5433", "PORT=6201"));
            Ace.Result miscased = ace.run("table-diff", "local", "public.t");
            assertThat(miscased.exitCode()).as(miscased.toString()).isEqualTo(78);
            assertThat(miscased.err()).contains("section [local.n2]: 'PORT' is not a setting: keys are lower case, write 'port'");
        }
    }

    @Test
    void aKeyInAnotherCaseIsNotIgnored(@TempDir Path dir) throws Exception {
        // ignored, PORT=6201 had ACE connect to 5432 with the node's credentials
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER.replace("port=5433", "PORT=6201"));
        AceException e = error(file, "local");
        assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(e.getMessage()).isEqualTo(file + ":9: section [local.n2]: 'PORT' is not a setting: keys are lower case, write 'port'");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "hostaddr=10.9.9.9      | libpq's 'hostaddr' is not used by ACE, which would connect without it; remove it",
        "target_session_attrs=read-write | libpq's 'target_session_attrs' is not used by ACE",
        "colour=blue            | 'colour' is not a setting ACE knows; correct or remove it. Settings ACE uses: dbname, filter_check_timeout, host, password, port, region, sslcert",
        "Region=eu              | 'Region' is not a setting: keys are lower case, write 'region'",
    })
    void aKeyAceWouldNotActOnIsRefusedInTheClustersSections(String line, String problem, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER.replace("dbname=acedb", "dbname=acedb\n" + line));
        AceException e = error(file, "local");
        assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(e.getMessage()).startsWith(file + ":4: section [local]: " + problem);
    }

    @Test
    void sectionsOfOtherServicesAreLeftToTheirPrograms(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER + "\n[reporting]\nhostaddr=10.1.1.1\nconnect_timeout=3\n");
        ClusterRegistry registry = new ClusterRegistry(Map.of("ACE_PGSERVICEFILE", file.toString())::get, dir, null);
        assertThat(registry.cluster("local").nodes()).containsOnlyKeys("n1", "n2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "[LOCAL.n3] | 11 | section [LOCAL.n3] differs from cluster 'local' only by case, so it would be left out; section names are case-sensitive: write [local.n3]",
        "[Local]    | 11 | section [Local] differs from cluster 'local' only by case, so it would be left out; section names are case-sensitive: write [local]",
    })
    void aSectionThatMissesTheClusterByCaseIsRefused(String header, int line, String message, @TempDir Path dir) throws Exception {
        // left out, [LOCAL.n2] dropped a node and the comparison of the others said "in sync"
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER + "\n" + header + "\nport=5434\n");
        AceException e = error(file, "local");
        assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(e.getMessage()).isEqualTo(file + ":" + line + ": " + message);
    }

    @Test
    void timeoutsAreReadPerNodeAndNeverShownAsConnectionSettings(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER.replace("dbname=acedb", "dbname=acedb\nstatement_timeout=90s")
                .replace("port=5433", "port=5433\nfilter_check_timeout=1500ms\nstatement_timeout=2h"));
        ClusterRegistry registry = new ClusterRegistry(Map.of("ACE_PGSERVICEFILE", file.toString())::get, dir, null);
        ClusterDefinition cluster = registry.cluster("local");
        assertThat(cluster.nodes().get("n1").statementTimeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(cluster.nodes().get("n1").filterCheckTimeout()).isEqualTo(NodeDefinition.DEFAULT_FILTER_CHECK_TIMEOUT);
        assertThat(cluster.nodes().get("n2").statementTimeout()).isEqualTo(Duration.ofHours(2));
        assertThat(cluster.nodes().get("n2").filterCheckTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(cluster.nodes().get("n2").connectionString()).isEqualTo("dbname=acedb host=127.0.0.1 port=5433");
    }

    @ParameterizedTest
    @ValueSource(strings = {"30", "0s", "ten minutes", "25d", "99999999h"})
    void aTimeoutThatIsNotOneNamesTheNodeAndTheForm(String value, @TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("pg_service.conf"), CLUSTER.replace("port=5433", "port=5433\nstatement_timeout=" + value));
        AceException e = error(file, "local");
        assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(e.getMessage()).isEqualTo(file + ": node n2: statement_timeout must be a duration such as 30min, 90s or 500ms,"
                + " greater than 0 and at most 24 days: '" + value + "'");
    }
}
