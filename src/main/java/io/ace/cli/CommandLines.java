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
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;
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

    /** The commands of this package, after the operations. */
    private static final List<Class<?>> COMMANDS = List.of(JobsCommand.class, ServeCommand.class, WorkerCommand.class,
            HashPasswordCommand.class, ReportsCommand.class);

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
        // Only the command the first argument names is built: parsing it needs no other. Without one (top-level
        // help, a mistyped command), the others are their names and descriptions, which is all the top-level
        // help lists and what a mistyped command is compared with; a fraction of the cost of building them.
        Set<CommandSpec> sketches = Collections.newSetFromMap(new IdentityHashMap<>());
        CommandLine cl = tree(operations, CommandLine.defaultFactory(), forms(operations, args, Form.SKETCH), sketches);
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

    /** Every command in full, made the way the command line is parsed before the application starts. */
    static CommandLine whole(OperationRegistry operations) {
        return tree(operations, CommandLine.defaultFactory(), name -> Form.FULL, new HashSet<>());
    }

    /**
     * The command line that runs {@code args}, its commands made by the application's context: the
     * command the first argument names is built, not the others, which it does not need.
     */
    public static CommandLine create(ApplicationContext context, String[] args) {
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
        CommandLine cl = tree(grammar.operations(), factory, forms(grammar.operations(), args, Form.FULL), new HashSet<>());
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

    /** How much of a top-level command a tree holds. */
    private enum Form {
        /** The command with its options and subcommands. */
        FULL,
        /** Its name and description (stand-in while the command line is only parsed before the application starts). */
        SKETCH,
        /** Nothing. */
        NONE
    }

    /**
     * How each top-level command, and each verb of a group ({@code "mtree build"}), is held to parse
     * {@code args}: the one the arguments name in full and no other, or every one in form
     * {@code others} when they name none (the top-level help, a mistyped command, a group's help).
     */
    private static Function<String, Form> forms(OperationRegistry operations, String[] args, Form others) {
        String first = args.length == 0 ? "" : args[0];
        String verb = args.length < 2 ? "" : first + " " + args[1];
        boolean named = topLevelNames(operations).contains(first);
        boolean verbNamed = operations.all().stream().anyMatch(o -> verb.equals(o.group() + " " + o.verb()));
        return name -> {
            boolean isVerb = name.indexOf(' ') >= 0;
            if (name.equals(isVerb ? verb : first)) {
                return Form.FULL;
            }
            return (isVerb ? verbNamed : named) ? Form.NONE : others;
        };
    }

    /** The top-level commands: the registered operations, their groups, and the commands of this package. */
    private static Set<String> topLevelNames(OperationRegistry operations) {
        Set<String> names = new HashSet<>();
        for (Operation<?> operation : operations.all()) {
            names.add(operation.name());
            names.add(operation.group());
        }
        COMMANDS.forEach(c -> names.add(c.getAnnotation(Command.class).name()));
        names.remove("");
        return names;
    }

    /**
     * Every command and its options, and how a usage error is told; {@code factory} makes the
     * commands of this package (their collaborators come with the application's context). Each
     * top-level command, and each verb of a group by its two words, is held in the {@code form}
     * its name is given; sketches are added to {@code sketches}.
     */
    private static CommandLine tree(OperationRegistry operations, CommandLine.IFactory factory, Function<String, Form> form,
                                    Set<CommandSpec> sketches) {
        CommandLine cl = new CommandLine(AceCommand.class, factory);
        ExitCodes.listIn(cl.getCommandSpec());
        Map<String, CommandLine> groups = new LinkedHashMap<>();
        for (Operation<?> operation : operations.all()) {
            String group = operation.group();
            Form groupForm = group.isEmpty() ? Form.NONE : form.apply(group);
            if (groupForm != Form.NONE) {
                // 'ace mtree build'; 'ace mtree-build' (as launches print themselves) works too, unlisted
                CommandLine groupCommand = groups.computeIfAbsent(group, name -> made(groupForm, name, GROUPS.get(name),
                        () -> new CommandLine(GROUPS.get(name), factory), sketches));
                Form verbForm = form.apply(group + " " + operation.verb());
                if (groupForm == Form.FULL && verbForm != Form.NONE) {
                    groupCommand.addSubcommand(operation.verb(), made(verbForm, operation.verb(), operation.options(),
                            () -> LaunchGrammar.command(operation), sketches));
                    groupCommand.getSubcommands().get(operation.verb()).getCommandSpec().name(operation.verb());
                }
            }
            Form operationForm = form.apply(operation.name());
            if (operationForm != Form.NONE) {
                CommandLine command = made(operationForm, operation.name(), operation.options(),
                        () -> LaunchGrammar.command(operation), sketches);
                command.getCommandSpec().usageMessage().hidden(!group.isEmpty());
                cl.addSubcommand(operation.name(), command);
            }
        }
        groups.values().forEach(cl::addSubcommand);
        for (Class<?> command : COMMANDS) {
            String name = command.getAnnotation(Command.class).name();
            Form commandForm = form.apply(name);
            if (commandForm != Form.NONE) {
                cl.addSubcommand(name, made(commandForm, name, command, () -> new CommandLine(command, factory), sketches));
            }
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

    /** A command in its form; a sketch is described by {@code annotated}'s {@code @Command}. */
    private static CommandLine made(Form form, String name, Class<?> annotated, Supplier<CommandLine> full, Set<CommandSpec> sketches) {
        if (form == Form.FULL) {
            return full.get();
        }
        CommandSpec sketch = CommandSpec.create().name(name);
        sketch.usageMessage().description(annotated.getAnnotation(Command.class).description());
        sketches.add(sketch);
        return new CommandLine(sketch);
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
