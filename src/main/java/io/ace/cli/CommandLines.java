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
import io.ace.operation.OperationRegistry;
import io.ace.operation.RequestOptions;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.AutowiredAnnotationBeanPostProcessor;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Builds the command line: every registered operation, then the commands of this package (Spring
 * beans); errors map to the exit code contract.
 */
public final class CommandLines {

    /** The command of each group operations declare ({@code ace mtree VERB}), which describes the group. */
    private static final Map<String, Class<?>> GROUPS = Map.of("mtree", MtreeCommand.class);

    private CommandLines() {
    }

    /**
     * What the command line can answer before the application starts, and so at once: the help of
     * any command, the version, and every usage error (unknown command or flag, a bad value), with
     * the same words and exit codes as once it has started. Empty when the command must run.
     */
    public static OptionalInt answeredAlone(OperationRegistry operations, String[] args) {
        // only the command the arguments name is built in full: the others are their names and descriptions
        // (top-level help lists them, an unknown command is compared with them), which cost a fraction
        String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse("");
        Set<CommandSpec> sketches = Collections.newSetFromMap(new IdentityHashMap<>());
        CommandLine cl = tree(operations, CommandLine.defaultFactory(), (name, annotated) -> {
            if (name.equals(named)) {
                return null;
            }
            CommandSpec sketch = CommandSpec.create().name(name);
            sketch.usageMessage().description(annotated.getAnnotation(Command.class).description());
            sketches.add(sketch);
            return new CommandLine(sketch);
        });
        try {
            CommandLine.ParseResult parsed = cl.parseArgs(args);
            if (parsed.asCommandLineList().stream().anyMatch(c -> sketches.contains(c.getCommandSpec()))) {
                return OptionalInt.empty();
            }
            Integer help = CommandLine.executeHelpRequest(parsed);
            return help == null ? OptionalInt.empty() : OptionalInt.of(help);
        } catch (CommandLine.ParameterException e) {
            if (sketches.contains(e.getCommandLine().getCommandSpec())) {
                return OptionalInt.empty();
            }
            try {
                return OptionalInt.of(cl.getParameterExceptionHandler().handleParseException(e, args));
            } catch (Exception unexpected) {
                throw new IllegalStateException(unexpected);
            }
        }
    }

    /** The command line that runs a command, its commands made by the application's context. */
    public static CommandLine create(ApplicationContext context) {
        // this package's commands get their collaborators injected into their fields, the same way whether the
        // context was built from configuration or from code generated at build time
        AutowiredAnnotationBeanPostProcessor injection = new AutowiredAnnotationBeanPostProcessor();
        injection.setBeanFactory(context.getAutowireCapableBeanFactory());
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                K command = CommandLine.defaultFactory().create(cls);
                if (cls.getPackageName().equals(CommandLines.class.getPackageName())) {
                    injection.processInjection(command);
                }
                return command;
            }
        };
        LaunchGrammar grammar = context.getBean(LaunchGrammar.class);
        CommandLine cl = tree(grammar.operations(), factory, (name, annotated) -> null);
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

    /**
     * A command's stand-in while the command line is only parsed before the application starts,
     * or null for the command itself.
     */
    @FunctionalInterface
    private interface StandIn {
        /** @param annotated the class whose {@code @Command} describes it */
        CommandLine of(String name, Class<?> annotated);
    }

    /**
     * Every command and its options, and how a usage error is told; {@code factory} makes the
     * commands of this package (their collaborators come with the application's context), and a
     * top-level command with a {@code standIn} is not built.
     */
    private static CommandLine tree(OperationRegistry operations, CommandLine.IFactory factory, StandIn standIn) {
        CommandLine cl = new CommandLine(AceCommand.class, factory);
        ExitCodes.listIn(cl.getCommandSpec());
        Set<CommandLine> standIns = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<String, CommandLine> groups = new LinkedHashMap<>();
        for (Operation<?> operation : operations.all()) {
            if (!operation.group().isEmpty()) {
                // 'ace mtree build'; 'ace mtree-build' (as launches print themselves) works too, unlisted
                CommandLine group = groups.computeIfAbsent(operation.group(), name -> standInOr(standIn.of(name, GROUPS.get(name)),
                        () -> new CommandLine(GROUPS.get(name), factory), standIns));
                if (!standIns.contains(group)) {
                    group.addSubcommand(operation.verb(), LaunchGrammar.command(operation));
                    group.getSubcommands().get(operation.verb()).getCommandSpec().name(operation.verb());
                }
            }
            CommandLine command = standInOr(standIn.of(operation.name(), operation.options()), () -> LaunchGrammar.command(operation),
                    standIns);
            command.getCommandSpec().usageMessage().hidden(!operation.group().isEmpty());
            cl.addSubcommand(operation.name(), command);
        }
        groups.values().forEach(cl::addSubcommand);
        for (Class<?> command : List.of(JobsCommand.class, ServeCommand.class, WorkerCommand.class, HashPasswordCommand.class,
                ReportsCommand.class)) {
            String name = command.getAnnotation(Command.class).name();
            cl.addSubcommand(name, standInOr(standIn.of(name, command), () -> new CommandLine(command, factory), standIns));
        }
        // an argument '@FILE' is itself, never the file's content: a command line names files by their flags
        cl.setExpandAtFiles(false);
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
        return cl;
    }

    private static CommandLine standInOr(CommandLine standIn, Supplier<CommandLine> built, Set<CommandLine> standIns) {
        if (standIn == null) {
            return built.get();
        }
        standIns.add(standIn);
        return standIn;
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
