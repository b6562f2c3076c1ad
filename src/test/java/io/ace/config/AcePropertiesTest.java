package io.ace.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The ace.* settings as a start binds them: defaults, the names README documents, and values that stop the start. */
@Tag("fast")
@ExtendWith(OutputCaptureExtension.class)
class AcePropertiesTest {

    @TempDir
    Path home;

    @Test
    void unsetSettingsTakeTheirDocumentedDefaults() {
        AceProperties p = PropertiesOnlyApplication.bound(home);
        assertThat(p.home()).isEqualTo(home);
        assertThat(p.maxPartitionWorkers()).isEqualTo(8);
        assertThat(p.node().maxConnections()).isEqualTo(8);
        assertThat(p.node().connectionWait()).isEqualTo(Duration.ofMinutes(5));
        assertThat(p.reports().retentionDays()).isEqualTo(90);
        assertThat(p.archive().root()).isEqualTo(home.resolve("archive"));
        assertThat(p.archive().retentionDays()).isZero();
        assertThat(p.serve().outputDir()).isEqualTo(home.resolve("reports"));
        assertThat(p.serve().enabled()).isFalse();
        assertThat(p.serve().maxRuns()).isEqualTo(4);
        assertThat(p.partitioning().mode()).isEqualTo(AceProperties.Partitioning.Mode.LOCAL);
        assertThat(p.partitioning().workerTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(p.worker().heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
        // production sets no failure on purpose
        assertThat(p.testing()).isNull();
    }

    @Test
    void environmentVariablesNamedOtherwiseSetTheirProperties() {
        AceProperties p = PropertiesOnlyApplication.bound(home, "ACE_CLUSTER=east", "ACE_REPORTS_DIR=" + home.resolve("elsewhere"),
                "ACE_REPORTS_TEMPLATES=" + home.resolve("templates"));
        assertThat(p.defaultCluster()).isEqualTo("east");
        assertThat(p.serve().outputDir()).isEqualTo(home.resolve("elsewhere"));
        assertThat(p.reports().templatesDir()).isEqualTo(home.resolve("templates"));
        // the property itself wins over its alias
        assertThat(PropertiesOnlyApplication.bound(home, "ACE_CLUSTER=east", "ace.default-cluster=west").defaultCluster()).isEqualTo("west");
    }

    @Test
    void theSingleValueOfEarlierVersionsStillSetsThePartitioningMode() {
        assertThat(PropertiesOnlyApplication.bound(home, "ace.partitioning=remote", "ace.partitioning.worker-timeout=10s").partitioning())
                .isEqualTo(new AceProperties.Partitioning(AceProperties.Partitioning.Mode.REMOTE, Duration.ofMillis(500),
                        Duration.ofSeconds(10)));
        assertThat(PropertiesOnlyApplication.bound(home, "ace.partitioning.mode=remote").partitioning().mode())
                .isEqualTo(AceProperties.Partitioning.Mode.REMOTE);
        assertThat(PropertiesOnlyApplication.bound(home, "ace.partitioning=remote", "ace.partitioning.mode=local").partitioning().mode())
                .isEqualTo(AceProperties.Partitioning.Mode.LOCAL);
    }

    @Test
    void aValueOutOfRangeStopsTheStartNamingThePropertyAndWhereItWasSet(CapturedOutput output) throws IOException {
        Path settings = Files.writeString(home.resolve("serve.properties"), "ace.node.max-connections=0\n");
        assertThatThrownBy(() -> PropertiesOnlyApplication.start(home, "spring.config.import=file:" + settings,
                "ace.archive.retention-days=-1"));
        assertThat(output.getErr()).contains("APPLICATION FAILED TO START").contains("Settings out of range:")
                .contains("ace.node.max-connections '0' (URL [file:" + settings + "] - 1:26): must be greater than or equal to 1")
                .contains("ace.archive.retention-days '-1' (\"ace.archive.retention-days\" from property source \"commandLineArgs\"):"
                        + " must be greater than or equal to 0")
                .contains("Change each setting where it is set");
    }

    @Test
    void everyBoundIsCheckedAndEveryValueOutOfRangeNamedAtOnce(CapturedOutput output) {
        assertThatThrownBy(() -> PropertiesOnlyApplication.start(home, "ace.max-partition-workers=0", "ace.node.connection-wait=-1s",
                "ace.reports.retention-days=-1", "ace.reports.prune-interval=0s", "ace.serve.max-runs=0", "ace.serve.max-paused-runs=-1",
                "ace.serve.login.max-failures=0",
                "ace.serve.login.window=0ms", "ace.serve.login.lockout=0ms", "ace.serve.login.max-lockout=0ms",
                "ace.schedule.reload-seconds=0", "ace.partitioning.poll-interval=0ms", "ace.partitioning.worker-timeout=0ms",
                "ace.worker.poll-interval=0ms", "ace.worker.heartbeat-interval=0ms", "ace.worker.stop-wait=-1s",
                "ace.testing.fail-with=segfault"));
        String err = output.getErr();
        assertThat(err).contains("Settings out of range:");
        for (String line : new String[] {"ace.max-partition-workers '0'", "ace.node.connection-wait '-1s'", "ace.reports.retention-days '-1'",
                "ace.reports.prune-interval '0s'", "ace.serve.max-runs '0'", "ace.serve.max-paused-runs '-1'", "ace.serve.login.max-failures '0'", "ace.serve.login.window '0ms'",
                "ace.serve.login.lockout '0ms'", "ace.serve.login.max-lockout '0ms'", "ace.schedule.reload-seconds '0'",
                "ace.partitioning.poll-interval '0ms'", "ace.partitioning.worker-timeout '0ms'", "ace.worker.poll-interval '0ms'",
                "ace.worker.heartbeat-interval '0ms'", "ace.worker.stop-wait '-1s'", "ace.testing.fail-with 'segfault'"}) {
            assertThat(err).contains("  " + line + " (\"" + line.substring(0, line.indexOf(' ')) + "\" from property source");
        }
        assertThat(err).contains("ace.worker.stop-wait '-1s'").contains("): must not be negative")
                .contains("): must be at least 1ms")
                .contains("): must be one of exception, out-of-memory, stack-overflow");
    }

    @Test
    void aPartitioningModeOtherThanLocalOrRemoteStopsTheStartNamingWhereItWasSet(CapturedOutput output) {
        assertThatThrownBy(() -> PropertiesOnlyApplication.start(home, "ace.partitioning=remot"));
        assertThat(output.getErr()).contains("APPLICATION FAILED TO START").contains("Property: ace.partitioning.mode")
                .contains("Value: \"remot\"").contains("Origin: \"ace.partitioning\" from property source \"commandLineArgs\"")
                .contains("LOCAL").contains("REMOTE");
    }
}
