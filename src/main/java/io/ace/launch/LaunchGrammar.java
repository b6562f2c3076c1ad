package io.ace.launch;

import io.ace.exit.AceException;
import io.ace.operation.DiffFiles;
import io.ace.operation.LaunchRequest;
import io.ace.operation.Operation;
import io.ace.operation.OperationRegistry;
import io.ace.operation.RequestOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The command line of every registered operation: its own options plus what every launch shares
 * ({@code --run-key}, {@code --output-dir}, {@code --quiet}). The command line, the UI, the API
 * and the scheduler all launch through it, so a launch from any of them is exactly a command an
 * operator could paste into a shell, with the same checks and messages.
 */
public final class LaunchGrammar {

    /** Flags that name a file on the server: a web caller never gives them (it names a diff file by --from-execution). */
    public static final List<String> SERVER_PATHS = List.of("--diff-file", "--output-dir", "--skip-file");

    private static final String RUN = "run";
    private static final String PROGRESS = "progress";
    /** Flags a server decides for itself: where files are, and the terminal's progress bar. */
    private static final Set<String> SERVER_DECIDES = Set.of("--diff-file", "--output-dir", "--skip-file", "--quiet", "--help", "--version");
    /** The optional first argument of every operation's command line. */
    private static final String CLUSTER = "[CLUSTER]";

    private final OperationRegistry operations;
    private final DiffFiles diffFiles;

    public LaunchGrammar(OperationRegistry operations, DiffFiles diffFiles) {
        this.operations = operations;
        this.diffFiles = diffFiles;
    }

    public OperationRegistry operations() {
        return operations;
    }

    /** A parsed launch: the operation, its checked request, and whether the terminal wants no progress bar. */
    public record Launch(Operation<?> operation, LaunchRequest request, boolean quiet) {
    }

    /** A fresh command of one operation, ready to parse its arguments. */
    public CommandLine command(Operation<?> operation) {
        CommandSpec spec;
        try {
            spec = CommandSpec.forAnnotatedObject(CommandLine.defaultFactory().create(operation.options()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the options of " + operation.name(), e);
        }
        spec.addMixin(RUN, CommandSpec.forAnnotatedObject(new RunOptions()));
        spec.addMixin(PROGRESS, CommandSpec.forAnnotatedObject(new ProgressOptions()));
        return new CommandLine(spec);
    }

    /** The launch an operation's command describes, once picocli has parsed its arguments into it. */
    public Launch launch(CommandLine parsed) {
        CommandSpec spec = parsed.getCommandSpec();
        Operation<?> operation = operations.get(spec.name());
        RequestOptions<?> options = (RequestOptions<?>) spec.userObject();
        RunOptions run = (RunOptions) spec.mixins().get(RUN).userObject();
        ProgressOptions progress = (ProgressOptions) spec.mixins().get(PROGRESS).userObject();
        return new Launch(operation, options.request(run.basics(diffFiles)), progress.quiet);
    }

    /** {@code args} as typed after {@code ace}, e.g. {@code table-diff local public.t --nodes n1,n2}. */
    public LaunchRequest parse(List<String> args) {
        if (args.isEmpty() || !operations.contains(args.get(0))) {
            throw AceException.usage("'" + String.join(" ", args) + "' does not launch an operation; this version runs "
                    + String.join(", ", operations.names()));
        }
        CommandLine command = command(operations.get(args.get(0)));
        try {
            command.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw AceException.usage(e.getMessage());
        }
        return launch(command).request();
    }

    /**
     * One flag of an operation, for a launch form.
     *
     * @param name        the long name without dashes ({@code block-size})
     * @param label       what the value is ({@code ROWS})
     * @param description the command line's help text
     * @param flag        a bare switch (a checkbox) rather than a value
     * @param defaultText the default as the help shows it, or empty
     * @param required    whether the command needs it
     */
    public record Field(String name, String label, String description, boolean flag, String defaultText, boolean required) {
    }

    /**
     * What an operation works on, as its command line names it after the cluster ({@code SCHEMA.TABLE},
     * {@code REPSET}, {@code SCHEMA}); null for an operation on the whole cluster.
     */
    public String targetLabel(String operation) {
        String label = command(operations.get(operation)).getCommandSpec().positionalParameters().stream()
                .map(CommandLine.Model.PositionalParamSpec::paramLabel).findFirst().orElse(CLUSTER);
        String target = label.replace(CLUSTER, "").strip();
        return target.isEmpty() ? null : target;
    }

    /** The flags a web form offers for an operation, in the order its help lists them, from the command line's own definition. */
    public List<Field> fields(String operation) {
        CommandLine command = command(operations.get(operation));
        List<Field> fields = new ArrayList<>();
        for (CommandLine.Model.OptionSpec o : command.getCommandSpec().options()) {
            if (SERVER_DECIDES.contains(o.longestName())) {
                continue;
            }
            boolean flag = o.typeInfo().isBoolean();
            Object initial = o.initialValue();
            String def = flag || initial == null || initial instanceof Collection<?> c && c.isEmpty() ? "" : String.valueOf(initial);
            fields.add(new Field(o.longestName().substring(2), o.paramLabel(), String.join(" ", o.description())
                    .replace("${DEFAULT-VALUE}", def), flag, def, o.required()));
        }
        return fields;
    }

    /**
     * The command line of an operation from named fields (API bodies, schedule files): each flag
     * by its name without dashes ({@code block-size} or {@code block_size}); {@code true} is a bare
     * flag, {@code false} or null leaves it out, a list is joined with commas.
     */
    public static List<String> commandLine(String operation, String cluster, String target, Map<String, ?> flags) {
        List<String> args = new ArrayList<>(List.of(operation));
        if (cluster != null && !cluster.isBlank()) {
            args.add(cluster);
        }
        if (target != null && !target.isBlank()) {
            args.add(target);
        }
        flags.forEach((name, value) -> args.addAll(flagArguments(name, value)));
        return args;
    }

    /** One flag's arguments: {@code true} a bare flag, {@code false} or null none, a list joined with commas. */
    public static List<String> flagArguments(String name, Object value) {
        String flag = "--" + name.replace('_', '-');
        if (value instanceof Boolean b) {
            return b ? List.of(flag) : List.of();
        }
        if (value instanceof Collection<?> list) {
            return List.of(flag, String.join(",", list.stream().map(String::valueOf).toList()));
        }
        return value == null ? List.of() : List.of(flag, String.valueOf(value));
    }

    /** The command line as an operator would type it, each argument quoted for a POSIX shell where needed. */
    public static String shellText(List<String> args) {
        StringBuilder text = new StringBuilder("scripts/ace");
        for (String a : args) {
            text.append(' ').append(a.matches("[A-Za-z0-9_./:=,@%+-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return text.toString();
    }
}
