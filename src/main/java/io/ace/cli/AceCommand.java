package io.ace.cli;

import picocli.CommandLine.Command;

/** The {@code ace} command; its subcommands are the registered operations and the commands of this package; its help lists the exit codes. */
@Command(name = "ace", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Active Consistency Engine: finds, repairs and proves differences between PostgreSQL nodes.")
public class AceCommand {
}
