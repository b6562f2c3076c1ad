package io.ace.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.ace.catalog.TableName;
import io.ace.exit.AceException;
import io.ace.launch.LaunchFields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Definition files: what they turn into, and errors that name the file, line and column. */
@Tag("fast")
class DefinitionLoaderTest {

    @TempDir
    Path dir;

    private static final Consumer<LaunchFields> ACCEPT_ALL = launch -> { };
    private static final List<String> OPERATIONS = List.of("table-diff", "table-rerun", "table-repair");

    private void write(String file, String yaml) throws IOException {
        Files.writeString(dir.resolve(file), yaml);
    }

    private DefinitionLoader.Loaded load() {
        return new DefinitionLoader(OPERATIONS, ACCEPT_ALL).load(dir);
    }

    private DefinitionError onlyError() {
        DefinitionLoader.Loaded loaded = load();
        assertThat(loaded.errors()).hasSize(1);
        return loaded.errors().get(0);
    }

    @Test
    void aFullDefinitionBecomesTheCommandLineOfEachFire() throws IOException {
        write("orders.yml", """
                name: nightly-orders
                cron: "0 30 2 * * *"
                time_zone: Europe/Berlin
                operation: table-diff
                cluster: local
                target: public.orders
                flags:
                  block-size: 10000
                  nodes: [n1, n2]
                  no-recheck: true
                  output: false
                """);
        write("notes.txt", "not a definition");
        DefinitionLoader.Loaded loaded = load();
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.definitions()).hasSize(1);
        ScheduleDefinition d = loaded.definitions().get(0);
        assertThat(d.name()).isEqualTo("nightly-orders");
        assertThat(d.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(d.enabled()).isTrue();
        OffsetDateTime fire = OffsetDateTime.parse("2026-11-22T02:30+01:00");
        assertThat(d.runKey(fire)).isEqualTo("scheduled:nightly-orders:2026-11-22T02:30+01:00");
        LaunchFields launch = d.launch(fire);
        assertThat(launch.target()).isEqualTo("public.orders");
        assertThat(launch.flags()).containsExactly(entry("block-size", "10000"), entry("nodes", List.of("n1", "n2")),
                entry("no-recheck", true), entry("output", false), entry("run-key", "scheduled:nightly-orders:2026-11-22T02:30+01:00"));
        assertThat(d.commandLine(fire)).isEqualTo("scripts/ace table-diff local public.orders --block-size 10000 --nodes n1,n2"
                + " --no-recheck --run-key scheduled:nightly-orders:2026-11-22T02:30+01:00");
    }

    @Test
    void defaultsAndShellQuoting() throws IOException {
        write("minimal.yaml", """
                name: minimal
                cron: "0 0 * * * *"
                operation: table-diff
                target: public.t
                enabled: false
                flags:
                  table-filter: "note <> 'x'"
                """);
        ScheduleDefinition d = load().definitions().get(0);
        assertThat(d.zone()).isEqualTo(ZoneId.systemDefault());
        assertThat(d.cluster()).isNull();
        assertThat(d.enabled()).isFalse();
        assertThat(d.commandLine(OffsetDateTime.parse("2026-01-01T00:00Z"))).isEqualTo(
                "scripts/ace table-diff public.t --table-filter 'note <> '\\''x'\\''' --run-key scheduled:minimal:2026-01-01T00:00Z");
    }

    @Test
    void yamlSyntaxErrorNamesTheLine() throws IOException {
        write("broken.yml", """
                name: broken
                cron: "0 0 * * * *"
                operation: table-diff
                target: [public.t
                """);
        DefinitionError error = onlyError();
        assertThat(error.file()).isEqualTo(dir.resolve("broken.yml"));
        assertThat(error.line()).isEqualTo(5);
        assertThat(error.message()).startsWith("bad YAML: ");
    }

    @Test
    void unknownAndMissingFields() throws IOException {
        write("fields.yml", """
                name: fields
                cron: "0 0 * * * *"
                operation: table-diff
                tagret: public.t
                """);
        List<DefinitionError> errors = load().errors();
        assertThat(errors).extracting(DefinitionError::line, DefinitionError::column, DefinitionError::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple(4, 1, "unknown field 'tagret'; expected one of cluster, cron, enabled, flags, name,"
                        + " operation, target, time_zone"),
                org.assertj.core.groups.Tuple.tuple(1, 1, "missing field 'target'"));
    }

    @Test
    void anUnknownOperationIsReportedAtItsLine() throws IOException {
        write("op.yml", """
                name: op
                cron: "0 0 * * * *"
                operation: table-fix
                target: public.orders
                """);
        List<DefinitionError> errors = load().errors();
        assertThat(errors).extracting(DefinitionError::line).containsExactly(3);
        assertThat(errors.get(0).message()).contains("operation 'table-fix' is not one of table-diff, table-rerun, table-repair");
    }

    @Test
    void aTargetTheOperationRefusesIsReportedAtItsLine() throws IOException {
        write("target.yml", """
                name: target
                cron: "0 0 * * * *"
                operation: table-diff
                target: orders
                """);
        // the operation's own parsing of its target, as the command line does it
        List<DefinitionError> errors = new DefinitionLoader(OPERATIONS, launch -> TableName.parse(launch.target())).load(dir).errors();
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(4);
            assertThat(e.message()).contains("'orders' must be schema-qualified");
        });
    }

    @Test
    void flagsTheSchedulerSetsAreRefused() throws IOException {
        write("keys.yml", """
                name: keys
                cron: "0 0 * * * *"
                operation: table-diff
                target: public.t
                flags:
                  block-size: 100
                  run-key: mine
                  --output-dir: /tmp
                  output-dir: /tmp
                """);
        List<DefinitionError> errors = load().errors();
        assertThat(errors).extracting(DefinitionError::line).containsExactly(7, 8, 9);
        assertThat(errors.get(0).message()).isEqualTo("flag 'run-key' is set by the scheduler and cannot be given");
        assertThat(errors.get(1).message()).contains("without leading dashes");
        assertThat(errors.get(2).message()).isEqualTo("flag 'output-dir' is set by the scheduler and cannot be given");
    }

    @Test
    void aCommandTheParserRefusesIsReportedAtTheFlagItNames() throws IOException {
        write("size.yml", """
                name: size
                cron: "0 0 * * * *"
                operation: table-diff
                target: public.t
                flags:
                  max-load: 2
                  block-size: -5
                """);
        Consumer<LaunchFields> parser = launch -> {
            Object size = launch.flags().get("block-size");
            if (size != null && size.toString().startsWith("-")) {
                throw AceException.usage("--block-size must be between 10 and 10000000, got " + size);
            }
        };
        DefinitionLoader.Loaded loaded = new DefinitionLoader(OPERATIONS, parser).load(dir);
        assertThat(loaded.definitions()).isEmpty();
        assertThat(loaded.errors()).singleElement().satisfies(e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.column()).isEqualTo(3);
            assertThat(e.message()).isEqualTo("command refused: --block-size must be between 10 and 10000000, got -5");
        });
    }

    @Test
    void aDuplicateNameNamesBothFilesAndKeepsTheFirst() throws IOException {
        String yaml = """
                name: same
                cron: "0 0 * * * *"
                operation: table-diff
                target: public.t
                """;
        write("a.yml", yaml);
        write("b.yml", "# the same job again\n" + yaml);
        DefinitionLoader.Loaded loaded = load();
        assertThat(loaded.definitions()).singleElement().extracting(ScheduleDefinition::file).isEqualTo(dir.resolve("a.yml"));
        assertThat(loaded.errors()).singleElement().satisfies(e -> {
            assertThat(e.file()).isEqualTo(dir.resolve("b.yml"));
            assertThat(e.line()).isEqualTo(2);
            assertThat(e.message()).isEqualTo("name 'same' is already used by " + dir.resolve("a.yml") + " line 1");
        });
    }

    @Test
    void oneBadFileDoesNotStopTheOthers() throws IOException {
        write("good.yml", """
                name: good
                cron: "0 0 * * * *"
                operation: table-rerun
                target: public.t
                """);
        write("empty.yml", "");
        write("list.yml", "- name: x\n");
        write("dup.yml", """
                name: dup
                name: dup2
                cron: "0 0 * * * *"
                operation: table-diff
                target: public.t
                enabled: maybe
                """);
        DefinitionLoader.Loaded loaded = load();
        assertThat(loaded.definitions()).extracting(ScheduleDefinition::name).containsExactly("good");
        assertThat(loaded.errors()).extracting(e -> e.file().getFileName() + ":" + e.line() + ": " + e.message()).containsExactly(
                "dup.yml:2: field 'name' appears twice",
                "dup.yml:6: enabled must be true or false, got 'maybe'",
                "empty.yml:1: empty definition; expected the fields name, cron, operation, target",
                "list.yml:1: expected a mapping of fields (name: ..., cron: ...)");
    }
}
