package io.ace.cli;

import io.ace.exit.AceException;
import io.ace.batch.LaunchRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * Turns the command line of an operation into its request, with the command line's own checks and
 * messages. The UI, the API and the scheduler launch through this, so a launch from any of them is
 * exactly a command an operator could paste into a shell.
 */
public final class LaunchArguments {

    private final ApplicationContext context;

    public LaunchArguments(ApplicationContext context) {
        this.context = context;
    }

    /** {@code args} as typed after {@code ace}, e.g. {@code table-diff local public.t --nodes n1,n2}. */
    public LaunchRequest parse(List<String> args) {
        CommandLine.ParseResult parsed;
        try {
            parsed = CommandLines.create(context).parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw AceException.usage(e.getMessage());
        }
        if (!parsed.hasSubcommand() || !(parsed.subcommand().commandSpec().userObject() instanceof LaunchCommand command)) {
            throw AceException.usage("'" + String.join(" ", args) + "' does not launch an operation");
        }
        return command.request();
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

    /** Flags a server decides for itself: where reports go, and the terminal's progress bar. */
    private static final java.util.Set<String> SERVER_DECIDES = java.util.Set.of("--output-dir", "--quiet", "--help", "--version");

    /** The flags of an operation, in the order its help lists them, from the command line's own definition. */
    public List<Field> fields(String operation) {
        CommandLine command = CommandLines.create(context).getSubcommands().get(operation);
        if (command == null || !(command.getCommandSpec().userObject() instanceof LaunchCommand)) {
            throw AceException.usage("unknown operation '" + operation + "'");
        }
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
