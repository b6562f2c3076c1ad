package io.ace.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.launch.LaunchFields;
import io.ace.launch.LaunchGrammar;
import io.ace.testing.GrammarWithoutServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.job.parameters.JobParameter;
import org.springframework.batch.core.job.parameters.JobParameters;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What every registered operation owes the front ends, checked on each one without a server: an
 * operation added to the registry is covered here without a line of its own, unless its launches
 * need flags no launch of it can go without ({@link #REQUIRED}).
 */
@Tag("fast")
class RegisteredOperationsTest {

    private static final LaunchGrammar GRAMMAR = GrammarWithoutServer.create();
    /** Flags without which a launch of the operation is refused, with values a launch from the web may give. */
    private static final Map<String, Map<String, Object>> REQUIRED = Map.of(
            "table-repair", Map.of("from-execution", 7, "source-of-truth", "n1"),
            "table-rerun", Map.of("from-execution", 7));
    /** The operations that change tables or objects on the nodes. */
    private static final Set<String> WRITE_TO_NODES = Set.of("table-repair", "mtree-init", "mtree-build", "mtree-update", "mtree-listen",
            "mtree-teardown", "mtree-teardown-table");

    @TempDir
    Path reports;

    static Stream<String> operations() {
        return GRAMMAR.operations().names().stream();
    }

    private static Operation<?> operation(String name) {
        return GRAMMAR.operations().get(name);
    }

    /** A target of the kind the operation's command names ({@code SCHEMA.TABLE}, a set, a schema), or null for none. */
    private static String target(String name) {
        String label = GRAMMAR.targetLabel(name);
        return label == null ? null : label.contains("TABLE") ? "public.orders" : "default";
    }

    /** The operation's launch as the command line types it, with a run key. */
    private List<String> commandLine(String name) {
        List<String> args = new ArrayList<>(List.of(name, "east"));
        if (target(name) != null) {
            args.add(target(name));
        }
        REQUIRED.getOrDefault(name, Map.of()).forEach((flag, value) -> args.addAll(List.of("--" + flag, value.toString())));
        args.addAll(List.of("--run-key", "nightly-1", "--output-dir", reports.toString()));
        return args;
    }

    private LaunchRequest fromWeb(String name) {
        Map<String, Object> flags = new LinkedHashMap<>(REQUIRED.getOrDefault(name, Map.of()));
        flags.put("run-key", "nightly-1");
        return GRAMMAR.parse(new LaunchFields(name, "east", target(name), flags), LaunchGrammar.Door.WEB, reports);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void everyDoorLaunchesTheSameRequest(String name) {
        LaunchRequest typed = GRAMMAR.parse(commandLine(name));
        assertThat(typed.operation()).isEqualTo(name);
        assertThat(typed.cluster()).isEqualTo("east");
        assertThat(typed.target()).isEqualTo(target(name) == null ? "" : target(name));
        assertThat(fromWeb(name)).isEqualTo(typed);
    }

    @ParameterizedTest
    @MethodSource("operations")
    void theRunsIdentityIsRecordedTheSameWayForEveryOperation(String name) {
        Operation<?> operation = operation(name);
        LaunchRequest request = GRAMMAR.parse(commandLine(name));
        JobParameters recorded = operation.parameters(request);
        RunIdentity identity = RunIdentity.of(recorded);
        assertThat(identity).isEqualTo(new RunIdentity(name, "east", request.target(), "nightly-1", reports.toAbsolutePath()));
        String targetName = request instanceof TableRequest ? RunIdentity.TABLE : RunIdentity.TARGET;
        for (String identifying : List.of(RunIdentity.OPERATION, RunIdentity.CLUSTER, targetName, RunIdentity.RUN_KEY)) {
            assertThat(recorded.getParameter(identifying).identifying()).as(identifying).isTrue();
        }
        // where reports go may change when a run resumes
        assertThat(recorded.getParameter(RunIdentity.OUTPUT_DIR).identifying()).isFalse();
    }

    @ParameterizedTest
    @MethodSource("operations")
    void aRestartRebuildsTheRequestAndResumesTheSameJobInstance(String name) {
        Operation<?> operation = operation(name);
        LaunchRequest request = GRAMMAR.parse(commandLine(name));
        JobParameters recorded = operation.parameters(request);
        LaunchRequest restarted = operation.request(recorded);
        assertThat(restarted).isEqualTo(request);
        // the same identifying parameters are the same job instance: a restart resumes, never starts over
        assertThat(identifying(operation.parameters(restarted))).isEqualTo(identifying(recorded)).isNotEmpty();
    }

    @ParameterizedTest
    @MethodSource("operations")
    void itsHelpSaysWhatItDoesAndListsTheExitCodes(String name) {
        CommandSpec spec = GRAMMAR.command(operation(name)).getCommandSpec();
        String help = GRAMMAR.command(operation(name)).getUsageMessage();
        assertThat(spec.usageMessage().description()).as("a description").isNotEmpty();
        // the top-level help lists its first line alone: a whole sentence
        assertThat(spec.usageMessage().description()[0]).as("the first line of the description").endsWith(".");
        assertThat(help).contains("--run-key", "Exit codes:", "64", "bad usage", "78");
        for (OptionSpec option : spec.options()) {
            assertThat(String.join(" ", option.description())).as(option.longestName() + " is described").isNotBlank();
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void itsWebFormOffersOnlyFlagsAWebUserMayGive(String name) {
        CommandSpec spec = GRAMMAR.command(operation(name)).getCommandSpec();
        for (LaunchGrammar.Field field : GRAMMAR.fields(name)) {
            OptionSpec option = spec.findOption("--" + field.name());
            assertThat(option).as(field.name()).isNotNull();
            assertThat(option.longestName()).isEqualTo("--" + field.name());
            assertThat(option.type()).as(field.name() + " names no file on the server").isNotIn(Path.class, java.io.File.class);
            assertThat(field.name()).isNotIn("output-dir", "help", "version");
        }
    }

    @ParameterizedTest
    @MethodSource("operations")
    void aWebUserNeedsARoleThatMayLaunchAndWritesToNodesAreAnAdministrators(String name) {
        Operation<?> operation = operation(name);
        assertThat(operation.role()).isIn(Role.OPERATOR, Role.ADMIN);
        if (WRITE_TO_NODES.contains(name)) {
            assertThat(operation.role()).isEqualTo(Role.ADMIN);
        }
    }

    private static Map<String, Object> identifying(JobParameters parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        parameters.getIdentifyingParameters().stream().sorted(Comparator.comparing(JobParameter::name))
                .forEach(p -> values.put(p.name(), p.value()));
        return values;
    }
}
