package io.ace.difffile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read of a diff file that must have a recorded sha256 fails when the bytes it read are not that file's. */
@Tag("fast")
class VerifiedReadTest {

    private static final String FILE = "{\"summary\": {\"schema\": \"public\", \"table\": \"t\", \"nodes\": [\"n1\", \"n2\"]},"
            + " \"diffs\": {\"n1/n2\": {\"rows\": {\"n1\": [{\"id\": 1, \"v\": \"a\"}], \"n2\": []}}}}";

    @Test
    void theRecordedFileIsReadWhole(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("d.json"), FILE);
        List<String> nodes = new ArrayList<>();
        new DiffFileReader(file, Sha256.of(file)).rows(row -> nodes.add(row.node()));
        assertThat(nodes).containsExactly("n1");
    }

    @Test
    void aFileSwappedAfterItsDigestWasTakenFailsTheReadWithExit64(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("d.json"), FILE);
        String recorded = Sha256.of(file);
        Files.writeString(file, FILE.replace("\"n2\": []", "\"n2\": [{\"id\": 2, \"v\": \"forged\"}]"));
        assertThatThrownBy(() -> new DiffFileReader(file, recorded).rows(row -> { }))
                .isInstanceOfSatisfying(AceException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageContaining("diff file " + file).hasMessageContaining(recorded.substring(0, 12))
                .hasMessageContaining(Sha256.of(file).substring(0, 12));
    }
}
