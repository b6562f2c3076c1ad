package io.ace.cli;

import io.ace.audit.AuditLog;
import io.ace.batch.DiffProgress;
import io.ace.batch.RunLauncher;
import io.ace.batch.RunQueries;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.exit.UserInput;
import io.ace.launch.ExitCodes;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.Operation;
import io.ace.operation.RequestOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/**
 * Builds the command line: every registered operation, then the commands of this package (Spring
 * beans); errors map to the exit code contract.
 */
public final class CommandLines {

    /** The command of each group operations declare ({@code ace mtree VERB}), which describes the group. */
    private static final Map<String, Class<?>> GROUPS = Map.of("mtree", MtreeCommand.class);

    private CommandLines() {
    }

    public static CommandLine create(ApplicationContext context) {
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                if (cls.getPackageName().equals(CommandLines.class.getPackageName())) {
                    return context.getAutowireCapableBeanFactory().createBean(cls);
                }
                return CommandLine.defaultFactory().create(cls);
            }
        };
        LaunchGrammar grammar = context.getBean(LaunchGrammar.class);
        CommandLine cl = new CommandLine(AceCommand.class, factory);
        ExitCodes.listIn(cl.getCommandSpec());
        Map<String, CommandLine> groups = new LinkedHashMap<>();
        for (Operation<?> operation : grammar.operations().all()) {
            CommandLine command = grammar.command(operation);
            if (!operation.group().isEmpty()) {
                // 'ace mtree build'; 'ace mtree-build' (as launches print themselves) works too, unlisted
                CommandLine group = groups.computeIfAbsent(operation.group(), name -> new CommandLine(GROUPS.get(name), factory));
                group.addSubcommand(operation.verb(), grammar.command(operation));
                group.getSubcommands().get(operation.verb()).getCommandSpec().name(operation.verb());
                command.getCommandSpec().usageMessage().hidden(true);
            }
            cl.addSubcommand(operation.name(), command);
        }
        groups.values().forEach(cl::addSubcommand);
        for (Class<?> command : List.of(JobsCommand.class, ServeCommand.class, WorkerCommand.class, HashPasswordCommand.class,
                ReportsCommand.class)) {
            cl.addSubcommand(new CommandLine(command, factory));
        }
        // an argument '@FILE' is itself, never the file's content: a command line names files by their flags
        cl.setExpandAtFiles(false);
        OperationCommand operations = new OperationCommand(context.getBean(RunLauncher.class), context.getBean(DiffProgress.class),
                context.getBean(RunQueries.class), context.getBean(AuditLog.class));
        cl.setExecutionStrategy(parseResult -> {
            List<CommandLine> parsed = parseResult.asCommandLineList();
            CommandLine last = parsed.get(parsed.size() - 1);
            if (!(last.getCommandSpec().userObject() instanceof RequestOptions<?>)) {
                return new CommandLine.RunLast().execute(parseResult);
            }
            Integer help = CommandLine.executeHelpRequest(parseResult);
            if (help != null) {
                return help;
            }
            try {
                return operations.run(grammar.launch(last));
            } catch (Exception e) {
                throw new CommandLine.ExecutionException(last, e.getMessage() == null ? e.toString() : e.getMessage(), e);
            }
        });
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("ace: " + LaunchGrammar.withoutLongInput(ex.getMessage(), List.of(args)));
            if (ex instanceof CommandLine.UnmatchedArgumentException unmatched) {
                AceGoFlags.instead(unmatched.getUnmatched()).ifPresent(hint -> failed.getErr().println("ace: " + hint));
                CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, failed.getErr());
            }
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            AceException ace = find(ex);
            if (ace != null) {
                commandLine.getErr().println("ace: " + UserInput.escaped(ace.getMessage()));
                return ace.exitCode().code();
            }
            commandLine.getErr().println("ace: unexpected failure: " + ex);
            ex.printStackTrace(commandLine.getErr());
            return ExitCode.FAILED.code();
        });
        return cl;
    }

    private static AceException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof AceException a) {
                return a;
            }
        }
        return null;
    }
}
