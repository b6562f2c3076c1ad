package io.ace.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ace.Operations;
import io.ace.batch.BatchResources;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.operation.DiffFiles;
import io.ace.operation.LaunchRequest;
import io.ace.operation.RecordedDiffFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Launches from named fields reach no parser feature they did not ask for; checked on the grammar alone, no server. */
@Tag("fast")
class LaunchGrammarTest {

    static final String SECRET = "planted-secret-4242";

    @TempDir
    Path dir;

    private final LaunchGrammar grammar = new LaunchGrammar(new Operations().operationRegistry(
            new BatchResources(null, null, null, null, null, "test", 1, null, null)),
            (id, table) -> new RecordedDiffFile(Path.of("execution-" + id + ".json"), "0".repeat(64)), given -> given == null ? "local" : given);

    private static Map<String, Object> flags(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private AceException refused(LaunchFields fields, LaunchGrammar.Door door) {
        try {
            grammar.parse(fields, door, dir);
        } catch (AceException e) {
            return e;
        }
        throw new AssertionError("accepted: " + fields);
    }

    @Test
    void noArgumentIsExpandedFromAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("args"), "public.t --nodes n1,n2 " + SECRET + "\n");
        for (LaunchGrammar.Door door : LaunchGrammar.Door.values()) {
            AceException target = refused(new LaunchFields("table-diff", "local", "@" + file, Map.of()), door);
            assertThat(target.exitCode()).isEqualTo(ExitCode.USAGE);
            assertThat(target.getMessage()).contains("'@" + file + "' must be schema-qualified").doesNotContain(SECRET);
        }
        // the command line's own grammar takes '@FILE' as itself too
        assertThatThrownBy(() -> grammar.parse(List.of("table-diff", "local", "@" + file))).isInstanceOf(AceException.class)
                .hasMessageNotContaining(SECRET);
        LaunchRequest filtered = grammar.parse(new LaunchFields("table-diff", "local", "public.t", flags("table_filter", "@" + file)),
                LaunchGrammar.Door.WEB, dir);
        assertThat(filtered.toString()).doesNotContain(SECRET);
    }

    @Test
    void aFieldMustNameADeclaredFlagByItsLongName() {
        for (String field : List.of("diff-file=/etc/passwd", "--diff-file", "quiet", "q", "help", "version", "block-siz", "Block-Size",
                "output-dir", "", "nodes n1")) {
            AceException e = refused(new LaunchFields("table-rerun", "local", "public.t", flags(field, true)), LaunchGrammar.Door.WEB);
            assertThat(e.exitCode()).as(field).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).as(field).containsAnyOf("is not a flag of table-rerun", "decided by the server");
        }
    }

    @Test
    void aWebLaunchNamesNoServerFileAScheduleMay() throws Exception {
        Path diff = Files.writeString(dir.resolve("d.json"), "{}");
        for (String field : List.of("diff-file", "diff_file")) {
            AceException e = refused(new LaunchFields("table-rerun", "local", "public.t", flags(field, diff.toString())),
                    LaunchGrammar.Door.WEB);
            assertThat(e.getMessage()).startsWith("--diff-file names a file on the server");
        }
        assertThat(refused(new LaunchFields("repset-diff", "local", "default", flags("skip-file", diff.toString())),
                LaunchGrammar.Door.WEB).getMessage()).startsWith("--skip-file names a file on the server");
        // a schedule file is the administrator's: it names server files, and only by declared flags
        LaunchRequest scheduled = grammar.parse(new LaunchFields("table-rerun", "local", "public.t", flags("diff-file", diff.toString())),
                LaunchGrammar.Door.SCHEDULE, dir);
        assertThat(scheduled.toString()).contains(diff.toString());
    }

    @Test
    void aValueThatLooksLikeAFlagStaysAValue() {
        for (LaunchFields fields : List.of(
                new LaunchFields("table-rerun", "local", "--diff-file=/etc/passwd", Map.of()),
                new LaunchFields("table-rerun", "--diff-file=/etc/passwd", "public.t", Map.of()),
                new LaunchFields("table-diff", "local", "public.t", flags("nodes", "--diff-file=/etc/passwd")),
                new LaunchFields("table-diff", "local", "public.t", flags("block-size", Map.of("x", 1))),
                new LaunchFields("table-diff", "local", "public.t", flags("no-recheck", "--output-dir=/tmp")))) {
            AceException e = refused(fields, LaunchGrammar.Door.WEB);
            assertThat(e.exitCode()).as(fields.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).as(fields.toString()).doesNotContain("names a file");
        }
        // a list's items are values of the flag, whatever they look like: here names of nodes
        LaunchRequest nodes = grammar.parse(new LaunchFields("table-diff", "local", "public.t",
                flags("nodes", List.of("n1", "--output-dir", "/tmp"))), LaunchGrammar.Door.WEB, dir);
        assertThat(nodes.toString()).contains("--output-dir").contains("outputDir=" + dir);
    }

    @Test
    void refusalsQuoteNoInputLongerThanAName() {
        String longValue = SECRET.repeat(10);
        AceException size = refused(new LaunchFields("table-diff", "local", "public.t", flags("block-size", longValue)), LaunchGrammar.Door.WEB);
        assertThat(size.getMessage()).contains("--block-size").contains("a value of " + longValue.length() + " characters")
                .doesNotContain(SECRET);
        AceException field = refused(new LaunchFields("table-diff", "local", "public.t", flags(longValue, true)), LaunchGrammar.Door.WEB);
        assertThat(field.getMessage()).doesNotContain(SECRET);
        AceException target = refused(new LaunchFields("table-diff", "local", longValue, Map.of()), LaunchGrammar.Door.WEB);
        assertThat(target.getMessage()).doesNotContain(SECRET);
        AceException runKey = refused(new LaunchFields("table-diff", "local", "public.t", flags("run-key", "k\u001b[2J\nforged")),
                LaunchGrammar.Door.WEB);
        assertThat(runKey.getMessage()).contains("--run-key").doesNotContain("\u001b").doesNotContain("\n");
    }

    @Test
    void everyNumberHasAnUpperBound() {
        for (Object[] flag : new Object[][] {{"table-diff", "max-html-rows", 100_000_000}, {"table-diff", "max-diff-rows", "99999999999"},
                {"table-diff", "max-load", 1_000_000}, {"table-diff", "max-lag", 100_000}, {"table-diff", "block-size", 20_000_000},
                {"table-diff", "compare-unit-size", 2_000_000}, {"table-rerun", "compare-unit-size", 2_000_000},
                {"repset-diff", "max-connections", 5_000}, {"table-repair", "max-html-rows", 300_000_000}}) {
            Map<String, Object> given = flags((String) flag[1], flag[2]);
            if (flag[0].equals("table-rerun") || flag[0].equals("table-repair")) {
                given.put("from-execution", 1);
            }
            if (flag[0].equals("table-repair")) {
                given.put("source-of-truth", "n1");
            }
            AceException e = refused(new LaunchFields((String) flag[0], "local", flag[0].equals("repset-diff") ? "default" : "public.t", given),
                    LaunchGrammar.Door.WEB);
            assertThat(e.exitCode()).as(flag[1].toString()).isEqualTo(ExitCode.USAGE);
            assertThat(e.getMessage()).as(flag[1].toString()).contains("--" + flag[1]);
        }
    }

    @Test
    void anOrdinaryLaunchParsesAsTheCommandLineWould() {
        LaunchFields fields = new LaunchFields("table-diff", "local", "public.t", flags("nodes", List.of("n1", "n2"), "block_size", 100,
                "no-recheck", true, "dry-run-unknown-false", null, "table-filter", "id > 0", "run-key", "nightly:2026-11-22T02:30+01:00"));
        AceException unknown = refused(fields, LaunchGrammar.Door.WEB);
        assertThat(unknown.getMessage()).contains("'dry-run-unknown-false' is not a flag of table-diff");
        Map<String, Object> known = new LinkedHashMap<>(fields.flags());
        known.remove("dry-run-unknown-false");
        LaunchFields good = new LaunchFields("table-diff", "local", "public.t", known);
        LaunchRequest viaFields = grammar.parse(good, LaunchGrammar.Door.WEB, dir);
        List<String> typed = new java.util.ArrayList<>(LaunchGrammar.commandLine(good));
        typed.addAll(List.of("--output-dir", dir.toString()));
        assertThat(viaFields).isEqualTo(grammar.parse(typed));
        assertThat(LaunchGrammar.shellText(LaunchGrammar.commandLine(good))).isEqualTo("scripts/ace table-diff local public.t"
                + " --nodes n1,n2 --block-size 100 --no-recheck --table-filter 'id > 0' --run-key nightly:2026-11-22T02:30+01:00");
    }
}
