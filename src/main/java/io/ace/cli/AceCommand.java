package io.ace.cli;

import picocli.CommandLine.Command;

/** The {@code ace} command; its subcommands are the registered operations and the commands of this package. */
@Command(name = "ace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Active Consistency Engine: finds, repairs and proves differences between PostgreSQL nodes.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:completed; nodes are in sync",
            "1:completed; differences were found",
            "2:the job failed (restartable with the same --run-key)",
            "3:the job was stopped (restartable)",
            "4:nothing to do: this run key already completed",
            "64:bad usage",
            "75:a node could not be reached, or the run is going on elsewhere (retry later)",
            "78:configuration error"})
public class AceCommand {
}
