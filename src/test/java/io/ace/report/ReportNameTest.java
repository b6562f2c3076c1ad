package io.ace.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Report file names are built from safe parts only, inside the output directory, never twice the same. */
class ReportNameTest {

    @Test
    void separatorsAndDotDotNeverLeaveTheDirectory(@TempDir Path dir) throws Exception {
        Path base = ReportName.of(dir, "we/ird", "x/../../escape", "dry-run-n1", List.of(".json"));
        assertThat(base.getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(base.getFileName().toString()).startsWith("we_ird_x_.._.._escape_dry-run-n1-");
        assertThat(ReportName.safe("..")).isEqualTo("__");
        assertThat(ReportName.safe("a\\b\nc d")).isEqualTo("a_b_c_d");
    }

    @Test
    void runsFinishingAtOnceGetNamesOfTheirOwn(@TempDir Path dir) {
        Set<Path> names = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 16).parallel().forEach(i -> {
            try {
                names.add(ReportName.of(dir, "public", "t", "diffs", List.of(".json", ".html")));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(new HashSet<>(names)).hasSize(16);
    }

    @Test
    void anOutputDirectoryThatCannotBeWrittenIsAConfigurationError(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        AceException e = catchThrowableOfType(AceException.class, () -> ReportName.writableDirectory(file.resolve("reports")));
        assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
        assertThat(e.getMessage()).startsWith("output directory " + file.resolve("reports") + " is not writable")
                .endsWith("choose another --output-dir or fix its permissions");
        Path created = ReportName.writableDirectory(dir.resolve("new/reports"));
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(created))).isEqualTo("rwx------");
        try (var left = Files.list(created)) {
            assertThat(left).as("the probe file is gone").isEmpty();
        }
    }
}
