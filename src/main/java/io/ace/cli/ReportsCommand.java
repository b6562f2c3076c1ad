package io.ace.cli;

import io.ace.batch.ReportPruning;
import io.ace.exit.ExitCode;
import io.ace.exit.UserInput;
import io.ace.json.IsoTime;
import io.ace.report.archive.ArchiveEntry;
import io.ace.report.archive.ArchivedFile;
import io.ace.report.archive.ReportArchive;
import io.ace.report.archive.ReportRetention;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ace reports list|verify|prune}: the audit archive of reports from the command line. */
@Command(name = "reports", mixinStandardHelpOptions = true, description = "Lists, verifies and prunes the archive of reports.",
        subcommands = {ReportsCommand.List.class, ReportsCommand.Verify.class, ReportsCommand.Prune.class})
public class ReportsCommand {

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Archived runs, newest first.")
    public static class List implements Callable<Integer> {
        @Option(names = "--limit", description = "How many entries (default: ${DEFAULT-VALUE}).")
        int limit = 20;

        @Autowired
        private ReportArchive archive;

        @Override
        public Integer call() {
            System.out.printf("%-25s %-9s %-12s %-30s %-10s %s%n", "START", "EXECUTION", "OPERATION", "TARGET", "STATUS", "FILES");
            for (ArchiveEntry e : archive.entries(0, limit)) {
                System.out.printf("%-25s %-9d %-12s %-30s %-10s %s%n",
                        IsoTime.seconds(e.startTime()), e.executionId(), e.operation(),
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

        @Autowired
        private ReportArchive archive;

        @Override
        public Integer call() {
            ReportArchive.Verification result = (root == null ? archive : archive.at(root)).verify();
            result.problems().forEach(System.out::println);
            System.out.printf("%d entries, %d files verified, %d problems%n", result.entries(), result.filesVerified(), result.problems().size());
            return result.problems().isEmpty() ? ExitCode.IN_SYNC.code() : ExitCode.DIFFERENCES.code();
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true,
            description = {"Applies the retention now: deletes report files of the reports directory (ace.serve.output-dir) older than"
                + " ace.reports.retention-days, then the oldest beyond ace.reports.max-total-size, and archive day directories older"
                + " than ace.archive.retention-days. Files of runs still going are kept; links are not followed;"
                + " what is deleted is listed in the archive's pruned.jsonl."})
    public static class Prune implements Callable<Integer> {
        @Autowired
        private ReportPruning pruning;
        @Autowired
        private ReportArchive archive;

        @Override
        public Integer call() throws IOException {
            ReportRetention retention = pruning.retention();
            ReportRetention.Pruned pruned = pruning.prune("command line");
            pruned.files().keySet().forEach(file -> System.out.println("deleted " + UserInput.escaped(file.toString())));
            pruned.archiveDays().forEach(day -> System.out.println("deleted " + UserInput.escaped(day.toString())));
            System.out.printf("%d report files (%d bytes) deleted from %s (retention %s, size limit %s); %d archive day directories"
                    + " deleted from %s (retention %s)%n", pruned.files().size(), pruned.bytes(), retention.reports(),
                    days(retention.retentionDays()), retention.maxTotalBytes() == 0 ? "none" : retention.maxTotalBytes() + " bytes",
                    pruned.archiveDays().size(), archive.root(), days(archive.retentionDays()));
            return 0;
        }

        private static String days(int days) {
            return days == 0 ? "none" : days + " days";
        }
    }
}
