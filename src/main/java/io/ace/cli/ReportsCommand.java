package io.ace.cli;

import io.ace.exit.ExitCode;
import io.ace.report.archive.ArchiveEntry;
import io.ace.report.archive.ArchivedFile;
import io.ace.report.archive.ReportArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ace reports list|verify|prune}: the audit archive of reports from the command line. */
@Command(name = "reports", mixinStandardHelpOptions = true, description = "Lists, verifies and prunes the archive of reports.",
        subcommands = {ReportsCommand.List.class, ReportsCommand.Verify.class, ReportsCommand.Prune.class})
public class ReportsCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Archived runs, newest first.")
    public static class List implements Callable<Integer> {
        @Option(names = "--limit", description = "How many entries (default: ${DEFAULT-VALUE}).")
        int limit = 20;

        private final ReportArchive archive;

        public List(ReportArchive archive) {
            this.archive = archive;
        }

        @Override
        public Integer call() {
            System.out.printf("%-19s %-9s %-12s %-30s %-10s %s%n", "START", "EXECUTION", "OPERATION", "TARGET", "STATUS", "FILES");
            for (ArchiveEntry e : archive.entries(0, limit)) {
                System.out.printf("%-19s %-9d %-12s %-30s %-10s %s%n",
                        TIME.format(e.startTime().atZoneSameInstant(ZoneId.systemDefault())), e.executionId(), e.operation(),
                        e.target(), e.status(), e.files().stream().map(ArchivedFile::name).collect(Collectors.joining(" ")));
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Recomputes every archived file's sha256 and compares it with the entry's manifest; exit 1 on any problem.")
    public static class Verify implements Callable<Integer> {
        @Option(names = "--archive", paramLabel = "DIR", description = "The archive to verify (default: ace.archive.root).")
        Path root;

        private final ReportArchive archive;

        public Verify(ReportArchive archive) {
            this.archive = archive;
        }

        @Override
        public Integer call() {
            ReportArchive.Verification result = (root == null ? archive : archive.at(root)).verify();
            result.problems().forEach(System.out::println);
            System.out.printf("%d entries, %d files verified, %d problems%n", result.entries(), result.filesVerified(), result.problems().size());
            return result.problems().isEmpty() ? ExitCode.IN_SYNC.code() : ExitCode.DIFFERENCES.code();
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = "Deletes the day directories older than ace.archive.retention-days now.")
    public static class Prune implements Callable<Integer> {
        private final ReportArchive archive;

        public Prune(ReportArchive archive) {
            this.archive = archive;
        }

        @Override
        public Integer call() throws IOException {
            if (archive.retentionDays() == 0) {
                System.out.println("ace.archive.retention-days is 0: the archive keeps every day; nothing deleted");
                return 0;
            }
            java.util.List<Path> deleted = archive.prune();
            deleted.forEach(day -> System.out.println("deleted " + day));
            System.out.printf("%d day directories older than %d days deleted from %s%n", deleted.size(), archive.retentionDays(), archive.root());
            return 0;
        }
    }
}
