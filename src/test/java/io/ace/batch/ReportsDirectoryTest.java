package io.ace.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recorded path is inside the reports directory or the archive only as the file system resolves
 * it: {@code ..} and links (to files, to directories, dangling) that lead out are refused; paths
 * not created yet are judged by the part that exists.
 */
@Tag("fast")
class ReportsDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void pathsAreJudgedWhereTheyLead() throws IOException {
        Path reports = Files.createDirectories(dir.resolve("reports"));
        Path archive = dir.resolve("archive");
        Path secret = Files.writeString(dir.resolve("serve.properties"), "secret");
        ReportsDirectory directory = new ReportsDirectory(reports, archive, true);

        assertThat(directory.contains(Files.writeString(reports.resolve("a.json"), "{}"))).isTrue();
        assertThat(directory.contains(reports.resolve("later/b.json"))).as("not created yet").isTrue();
        assertThat(directory.contains(archive.resolve("2026/01/01/1-x/a.json"))).isTrue();
        assertThat(directory.contains(reports)).isTrue();

        assertThat(directory.contains(secret)).isFalse();
        assertThat(directory.contains(reports.resolve("../serve.properties"))).isFalse();
        assertThat(directory.contains(dir.resolve("reports-other/a.json"))).as("a sibling sharing the prefix").isFalse();
        assertThat(directory.contains(Files.createSymbolicLink(reports.resolve("link.json"), secret))).isFalse();
        Path linkedDir = Files.createSymbolicLink(reports.resolve("up"), dir);
        assertThat(directory.contains(linkedDir.resolve("serve.properties"))).isFalse();
        assertThat(directory.contains(linkedDir.resolve("new/file.json"))).isFalse();
        assertThat(directory.contains(Files.createSymbolicLink(reports.resolve("dangling.json"), dir.resolve("nowhere"))))
                .as("a link that points nowhere").isFalse();

        assertThatThrownBy(() -> directory.require(secret, "the diff file job execution 3 records", "name it with --diff-file"))
                .isInstanceOfSatisfying(AceException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.CONFIG);
                    assertThat(e.publicMessage()).startsWith("the diff file job execution 3 records lies outside the reports directories")
                            .contains("name it with --diff-file").doesNotContain("serve.properties");
                });
        // a command-line process uses what its own repository records, where the operator's runs wrote
        assertThat(new ReportsDirectory(reports, archive, false).require(secret, "the diff file", "")).isEqualTo(secret);
    }
}
