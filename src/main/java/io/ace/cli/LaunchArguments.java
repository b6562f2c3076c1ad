package io.ace.cli;

import io.ace.AceException;
import io.ace.batch.LaunchRequest;
import java.util.List;
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
}
