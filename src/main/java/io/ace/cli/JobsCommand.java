package io.ace.cli;

import io.ace.audit.AuditLog;
import io.ace.batch.JobControl;
import io.ace.batch.RunLauncher;
import io.ace.batch.RunOutcome;
import io.ace.batch.RunQueries;
import io.ace.batch.RunView;
import io.ace.batch.WorkerView;
import io.ace.batch.Workers;
import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import io.ace.json.IsoTime;
import io.ace.operation.LaunchRequest;
import io.ace.operation.LaunchedBy;
import java.util.concurrent.Callable;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ace jobs list|show|restart|stop|abandon|workers}: the job repository from the command line. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Lists and controls job executions in the job repository.",
        subcommands = {JobsCommand.List.class, JobsCommand.Show.class, JobsCommand.Restart.class, JobsCommand.Stop.class,
            JobsCommand.Abandon.class, JobsCommand.WorkersList.class})
public class JobsCommand {

    static String time(java.time.temporal.Temporal t) {
        return t == null ? "-" : IsoTime.seconds(t);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Recent executions, newest first.")
    public static class List implements Callable<Integer> {
        @Option(names = "--limit", description = "How many executions, 1 to 1000 (default: ${DEFAULT-VALUE}).")
        int limit = 20;

        @Autowired
        private RunQueries queries;

        @Override
        public Integer call() {
            if (limit < 1 || limit > 1000) {
                throw AceException.usage("--limit must be between 1 and 1000, got " + limit);
            }
            System.out.printf("%-6s %-22s %-10s %-4s %-25s %-25s %-30s %s%n", "ID", "JOB", "STATUS", "EXIT", "START", "END", "TARGET", "RUN KEY");
            for (RunView v : queries.find(RunQueries.Filter.all(), 0, limit).runs()) {
                System.out.printf("%-6d %-22s %-10s %-4s %-25s %-25s %-30s %s%n", v.id(), v.label(), v.status(),
                        v.exitCode() == null ? "-" : v.exitCode(), time(v.startTime()), time(v.endTime()),
                        UserInput.escaped(v.cluster() + " " + v.target()), UserInput.escaped(v.runKey()));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One execution: parameters, steps and partitions.")
    public static class Show implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long id;

        @Autowired
        private JobControl control;

        @Override
        public Integer call() {
            RunView v = control.view(id);
            System.out.printf("execution %d of %s (instance %d): %s, exit %s%n", v.id(), v.label(), v.instanceId(), v.status(),
                    v.exitCode() == null ? "-" : v.exitCode());
            System.out.printf("started %s, ended %s%n", time(v.startTime()), time(v.endTime()));
            if (v.paused() != null) {
                System.out.println("paused: " + v.paused());
            }
            System.out.printf("progress %.1f %%%s%n", v.progress() * 100, v.work().units().isEmpty() ? "" : " (" + v.work().text() + ")");
            System.out.println("parameters:");
            v.parameters().forEach(p -> System.out.printf("  %-20s %s%s%n", p.name(), p.value(), p.identifying() ? "" : "  (not identifying)"));
            // a step's written count is what it recorded (a comparison's differing keys, a repair's changes, a build's leaves)
            // when each step started (after the execution did) and how long it took: where a run's time went
            System.out.println("steps (at: seconds after the execution started; written: what each step recorded; the result line says"
                    + " what the run counts):");
            v.steps().forEach(s -> System.out.printf("  %-32s %-10s at %7.2f s took %7.2f s  commits %-5d rollbacks %-3d written %-7d %s%s%s%n",
                    s.name(), s.status(), s.started().toMillis() / 1000.0, s.duration().toMillis() / 1000.0,
                    s.commitCount(), s.rollbackCount(), s.writeCount(), s.work() == null ? "" : s.work().text() + " ",
                    s.worker() == null ? "" : "worker " + s.worker() + " ",
                    s.error() == null ? "" : "error: " + s.error().lines().findFirst().orElse("")));
            if (v.summary() != null) {
                System.out.println("result: " + v.summary());
            }
            return 0;
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Resumes a failed or stopped execution.")
    public static class Restart implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long id;

        @Autowired
        private RunLauncher launcher;
        @Autowired
        private JobControl control;
        @Autowired
        private AuditLog auditLog;

        @Override
        public Integer call() throws Exception {
            // rebuilt from its recorded parameters: the same run key resumes it
            LaunchRequest request = control.recordedRequest(id);
            RunOutcome outcome = new CommandLineAudit(auditLog).launch("restart", "execution " + id + " (" + request.operation() + " "
                    + request.cluster() + " " + request.target() + ")", id, () -> launcher.launch(request, LaunchedBy.commandLine()));
            Outcomes.print(outcome);
            return outcome.exitCode().code();
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Asks a running execution to stop after its current block; it stays restartable.")
    public static class Stop implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long id;

        @Autowired
        private JobControl control;
        @Autowired
        private AuditLog auditLog;

        @Override
        public Integer call() throws Exception {
            System.out.println(new CommandLineAudit(auditLog).control("stop", id, "job execution " + id + " is stopping", control::stop));
            return 0;
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true,
            description = "Marks a stopped or failed execution as never to be resumed.")
    public static class Abandon implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long id;

        @Autowired
        private JobControl control;
        @Autowired
        private AuditLog auditLog;

        @Override
        public Integer call() throws Exception {
            System.out.println(new CommandLineAudit(auditLog).control("abandon", id, "job execution " + id + " is abandoned",
                    control::abandon));
            return 0;
        }
    }

    @Command(name = "workers", mixinStandardHelpOptions = true,
            description = "The worker processes of this job repository: host, pid, region, last heartbeat, partitions running.")
    public static class WorkersList implements Callable<Integer> {

        @Autowired
        private Workers workers;

        @Override
        public Integer call() {
            System.out.printf("%-8s %-24s %-8s %-10s %-5s %-25s %-9s %s%n", "STATE", "HOST", "PID", "REGION", "RUNS", "STARTED", "HEARTBEAT",
                    "PARTITIONS");
            for (WorkerView w : workers.list()) {
                System.out.printf("%-8s %-24s %-8d %-10s %-5d %-25s %-9s %s%n", w.state(), w.host(), w.pid(), w.region() == null ? "-" : w.region(),
                        w.concurrency(), time(w.started()),
                        w.sinceBeat().toSeconds() + " s ago", w.partitions().isEmpty() ? "-" : String.join(", ", w.partitions()));
            }
            return 0;
        }
    }
}
