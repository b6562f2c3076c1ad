package io.ace.launch;

import io.ace.exit.ExitCode;
import picocli.CommandLine.Model.CommandSpec;

/** The exit codes in a command's help: a scheduler's author reads them where they read the flags. */
public final class ExitCodes {

    private ExitCodes() {
    }

    public static void listIn(CommandSpec spec) {
        spec.usageMessage().exitCodeListHeading("%nExit codes:%n").exitCodeList(ExitCode.descriptions());
    }
}
