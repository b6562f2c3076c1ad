package io.ace.cli;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import org.springframework.context.ApplicationContext;
import picocli.CommandLine;

/** Builds the command line: commands are Spring beans, errors map to the exit code contract. */
public final class CommandLines {

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
        CommandLine cl = new CommandLine(AceCommand.class, factory);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine failed = ex.getCommandLine();
            failed.getErr().println("ace: " + ex.getMessage());
            failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCode.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            AceException ace = find(ex);
            if (ace != null) {
                commandLine.getErr().println("ace: " + ace.getMessage());
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
