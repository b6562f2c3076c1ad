package io.ace.launch;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import io.ace.operation.DiffFiles;
import io.ace.operation.LaunchRequest;
import io.ace.operation.Operation;
import io.ace.operation.OperationRegistry;
import io.ace.operation.RequestOptions;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * The command line of every registered operation: its own options plus what every launch shares
 * ({@code --run-key}, {@code --output-dir}, {@code --quiet}). The command line, the UI, the API
 * and the scheduler all launch through it, so a launch from any of them is exactly a command an
 * operator could paste into a shell, with the same checks and messages.
 *
 * <p>Launches from the UI, the API and schedule files come as named fields ({@link LaunchFields}),
 * never as a command line: each field must name a declared option, and after parsing, what the
 * parser matched must be exactly the fields given. No {@code @file} is ever expanded.
 */
public final class LaunchGrammar {

    /** Who launches from named fields, which decides whether a launch may name a file on the server. */
    public enum Door {
        /** A web form or API body: files on the server are named by the server alone. */
        WEB,
        /** A schedule file, written on the server by its administrator. */
        SCHEDULE
    }

    private static final String RUN = "run";
    private static final String PROGRESS = "progress";
    /** The optional first argument of every operation's command line. */
    private static final String CLUSTER = "[CLUSTER]";
    /** A flag's name as a field gives it: what picocli's long names look like without their dashes. */
    private static final Pattern FLAG_NAME = Pattern.compile("[a-z][a-z0-9-]{0,39}");
    private static final String OUTPUT_DIR = "--output-dir";

    private final OperationRegistry operations;
    private final DiffFiles diffFiles;
    private final UnaryOperator<String> clusters;
    private final Path repairPlans;

    /**
     * @param clusters    the cluster a launch names, or the default one when it names none
     * @param repairPlans the directory of the repair plans a launch may name
     */
    public LaunchGrammar(OperationRegistry operations, DiffFiles diffFiles, UnaryOperator<String> clusters, Path repairPlans) {
        this.operations = operations;
        this.repairPlans = repairPlans;
        this.diffFiles = diffFiles;
        this.clusters = clusters;
    }

    public OperationRegistry operations() {
        return operations;
    }

    /** A parsed launch: the operation, its checked request, whether the terminal wants no progress bar, and debug logging. */
    public record Launch(Operation<?> operation, LaunchRequest request, boolean quiet, boolean debug) {
    }

    /** A fresh command of one operation, ready to parse its arguments; {@code @file} arguments are taken as they are. */
    public static CommandLine command(Operation<?> operation) {
        CommandSpec spec;
        try {
            spec = CommandSpec.forAnnotatedObject(CommandLine.defaultFactory().create(operation.options()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot create the options of " + operation.name(), e);
        }
        spec.addMixin(RUN, CommandSpec.forAnnotatedObject(new RunOptions()));
        spec.addMixin(PROGRESS, CommandSpec.forAnnotatedObject(new ProgressOptions()));
        ExitCodes.listIn(spec);
        return new CommandLine(spec).setExpandAtFiles(false);
    }

    /** The launch an operation's command describes, once picocli has parsed its arguments into it. */
    public Launch launch(CommandLine parsed) {
        CommandSpec spec = parsed.getCommandSpec();
        // by its options, whatever name the command line gave the command ('mtree build' is mtree-build)
        Operation<?> operation = operations.all().stream().filter(o -> o.options().isInstance(spec.userObject())).findFirst()
                .orElseGet(() -> operations.get(spec.name()));
        RequestOptions<?> options = (RequestOptions<?>) spec.userObject();
        RunOptions run = (RunOptions) spec.mixins().get(RUN).userObject();
        ProgressOptions progress = (ProgressOptions) spec.mixins().get(PROGRESS).userObject();
        return new Launch(operation, options.request(run.basics(diffFiles, clusters, repairPlans)), progress.quiet, progress.debug);
    }

    /**
     * A launch from named fields, with reports written to {@code outputDir}. Refused (exit 64)
     * before anything runs: a field that is no option of the operation, a switch given a value,
     * a value that is not text, a number or a list of them, and, for {@link Door#WEB}, any option
     * that names a file on the server. Messages quote input only where it is name-sized.
     */
    public LaunchRequest parse(LaunchFields fields, Door door, Path outputDir) {
        Operation<?> operation = operation(fields.operation());
        CommandLine command = command(operation);
        CommandSpec spec = command.getCommandSpec();
        // what the parser must match: each option with its values exactly as the fields give them
        Map<ArgSpec, List<String>> expected = new IdentityHashMap<>();
        List<String> args = new ArrayList<>();
        fields.flags().forEach((field, value) -> {
            OptionSpec option = declared(spec, operation, field);
            if (option.longestName().equals(OUTPUT_DIR)) {
                throw AceException.usage(OUTPUT_DIR + " is decided by the server: reports go to its output directory");
            }
            List<String> values = values(option, value);
            if (values != null) {
                // a switch matched is recorded by the parser as the value it set
                expected.put(option, values.isEmpty() ? List.of(Boolean.TRUE.toString()) : values);
                args.add(option.longestName());
                args.addAll(values);
            }
        });
        OptionSpec output = spec.findOption(OUTPUT_DIR);
        expected.put(output, List.of(outputDir.toString()));
        args.add(OUTPUT_DIR);
        args.add(outputDir.toString());
        // after '--' nothing is an option, whatever it looks like
        args.add("--");
        List<String> positional = fields.positional();
        args.addAll(positional);
        ParseResult result;
        try {
            result = command.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw AceException.usage(withoutLongInput(e.getMessage(), args));
        }
        for (OptionSpec matched : result.matchedOptions()) {
            if (door == Door.WEB && matched != output && namesServerFile(matched)) {
                throw AceException.usage(matched.longestName() + " names a file on the server, which a web request cannot do; "
                        + (matched.longestName().equals("--diff-file") ? "name the execution that wrote the diff file with --from-execution"
                        : "the server reads only what its administrator configured"));
            }
            if (!matched.originalStringValues().equals(expected.get(matched))) {
                throw notAsGiven(operation, matched.longestName() + " " + matched.originalStringValues() + " " + expected.get(matched));
            }
        }
        List<String> matchedPositional = result.matchedPositionals().stream().distinct()
                .flatMap(p -> p.originalStringValues().stream()).toList();
        if (!matchedPositional.equals(positional) || result.isUsageHelpRequested() || result.isVersionHelpRequested()) {
            throw notAsGiven(operation, "the cluster and target");
        }
        return launch(command).request();
    }

    private static AceException notAsGiven(Operation<?> operation, String what) {
        return AceException.usage("the fields of this " + operation.name() + " launch were not read as given (" + what + "); nothing was started");
    }

    /** {@code args} as typed after {@code ace}, e.g. {@code table-diff local public.t --nodes n1,n2}: the command line's own grammar. */
    public LaunchRequest parse(List<String> args) {
        if (args.isEmpty() || !operations.contains(args.get(0))) {
            throw AceException.usage((args.isEmpty() ? "nothing" : UserInput.quoted(args.get(0))) + " is not an operation; this version runs "
                    + String.join(", ", operations.names()));
        }
        CommandLine command = command(operations.get(args.get(0)));
        try {
            command.parseArgs(args.subList(1, args.size()).toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw AceException.usage(withoutLongInput(e.getMessage(), args));
        }
        return launch(command).request();
    }

    /** A parser's message with every input longer than a name (or carrying control characters) replaced by its length. */
    public static String withoutLongInput(String message, List<String> input) {
        String text = message;
        for (String arg : input) {
            String shown = UserInput.quoted(arg);
            if (!arg.isEmpty() && !shown.startsWith("'")) {
                text = text.replace(arg, "<" + shown + ">");
            }
        }
        return UserInput.escaped(text);
    }

    /** Whether an option's value names a file or directory on the machine that runs the launch. */
    public static boolean namesServerFile(OptionSpec option) {
        Class<?> type = option.typeInfo().getType();
        return Path.class.isAssignableFrom(type) || File.class.isAssignableFrom(type);
    }

    private Operation<?> operation(String name) {
        if (name == null || !operations.contains(name)) {
            throw AceException.usage(UserInput.quoted(name) + " is not an operation; this version runs " + String.join(", ", operations.names()));
        }
        return operations.get(name);
    }

    /** The option a field names: one of the operation's own long names, never help, version or the terminal's progress bar. */
    private static OptionSpec declared(CommandSpec spec, Operation<?> operation, String field) {
        String name = field == null ? "" : field.replace('_', '-');
        OptionSpec option = FLAG_NAME.matcher(name).matches() ? spec.findOption("--" + name) : null;
        if (option == null || !option.longestName().equals("--" + name) || serverDecides(spec, option)) {
            throw AceException.usage("field " + UserInput.quoted(field) + " is not a flag of " + operation.name() + "; its flags are "
                    + String.join(", ", spec.options().stream().filter(o -> !serverDecides(spec, o)).map(o -> o.longestName().substring(2)).toList()));
        }
        return option;
    }

    /** Help, version and the progress bar belong to a terminal, not to a launch from fields. */
    private static boolean serverDecides(CommandSpec spec, OptionSpec option) {
        return option.usageHelp() || option.versionHelp() || spec.mixins().get(PROGRESS).options().stream()
                .anyMatch(o -> o.longestName().equals(option.longestName()));
    }

    /** A field's value as the option's arguments; null to leave the option out (a switch set false, or no value). */
    private static List<String> values(OptionSpec option, Object value) {
        if (option.typeInfo().isBoolean()) {
            if (Boolean.TRUE.equals(value) || "true".equals(value) || "on".equals(value)) {
                return List.of();
            }
            if (value == null || Boolean.FALSE.equals(value) || "false".equals(value)) {
                return null;
            }
            throw AceException.usage(option.longestName() + " is a switch: give true or false");
        }
        if (value == null) {
            return null;
        }
        if (value instanceof Collection<?> list && !list.isEmpty() && list.stream().allMatch(LaunchGrammar::scalar)) {
            return List.of(joined(list));
        }
        if (scalar(value) && !(value instanceof Boolean)) {
            return List.of(String.valueOf(value));
        }
        throw AceException.usage(option.longestName() + " needs " + option.paramLabel() + ": a value or a list of values");
    }

    /** A list of values as one argument, as the command line takes it: {@code n1,n2}. */
    private static String joined(Collection<?> list) {
        return String.join(",", list.stream().map(String::valueOf).toList());
    }

    private static boolean scalar(Object value) {
        return value instanceof String || value instanceof Number || value instanceof Boolean;
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

    /** The flags a web form offers for an operation, in the order its help lists them: none the server decides or that names a server file. */
    public List<Field> fields(String operation) {
        CommandSpec spec = command(operations.get(operation)).getCommandSpec();
        List<Field> fields = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (serverDecides(spec, o) || namesServerFile(o)) {
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

    /** The command line named fields stand for, as an operator would type it: {@code true} a bare flag, lists joined with commas. */
    public static List<String> commandLine(LaunchFields fields) {
        List<String> args = new ArrayList<>(List.of(String.valueOf(fields.operation())));
        args.addAll(fields.positional());
        fields.flags().forEach((name, value) -> {
            String flag = "--" + String.valueOf(name).replace('_', '-');
            if (value instanceof Boolean b) {
                if (b) {
                    args.add(flag);
                }
            } else if (value instanceof Collection<?> list) {
                args.add(flag);
                args.add(joined(list));
            } else if (value != null) {
                args.add(flag);
                args.add(String.valueOf(value));
            }
        });
        return args;
    }

    /** The command line as an operator would type it, each argument quoted for a POSIX shell where needed. */
    public static String shellText(List<String> args) {
        StringBuilder text = new StringBuilder("scripts/ace");
        for (String a : args) {
            text.append(' ').append(a.matches("[A-Za-z0-9_./:=,%+-][A-Za-z0-9_./:=,@%+-]*") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return text.toString();
    }
}
