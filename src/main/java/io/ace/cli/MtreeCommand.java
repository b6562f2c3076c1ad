package io.ace.cli;

import io.ace.exit.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ace mtree VERB}: the registered operations of the {@code mtree} group as subcommands
 * ({@code ace mtree build} runs {@code mtree-build}). Alone it prints its usage.
 */
@Command(name = "mtree", mixinStandardHelpOptions = true,
        description = "Merkle trees kept current by change capture, so a diff costs in proportion to what changed.")
public class MtreeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return ExitCode.USAGE.code();
    }
}
