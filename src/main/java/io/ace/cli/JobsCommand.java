package io.ace.cli;

import io.ace.batch.JobControl;
import io.ace.batch.RunLauncher;
import io.ace.batch.RunOutcome;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ace jobs list|show|restart|stop|abandon}: the job repository from the command line. */
@Command(name = "jobs", mixinStandardHelpOptions = true, description = "Lists and controls job executions in the job repository.",
        subcommands = {JobsCommand.List.class, JobsCommand.Show.class, JobsCommand.Restart.class, JobsCommand.Stop.class,
            JobsCommand.Abandon.class})
public class JobsCommand {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    static String time(java.time.LocalDateTime t) {
        return t == null ? "-" : TIME.format(t);
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Recent executions, newest first.")
    public static class List implements Callable<Integer> {
        @Option(names = "--limit", description = "How many executions (default: ${DEFAULT-VALUE}).")
        int limit = 20;

        private final JobRepository repository;

        public List(JobRepository repository) {
            this.repository = repository;
        }

        @Override
        public Integer call() {
            java.util.List<JobExecution> executions = new ArrayList<>();
            for (String name : repository.getJobNames()) {
                for (JobInstance instance : repository.getJobInstances(name, 0, limit)) {
                    executions.addAll(repository.getJobExecutions(instance));
                }
            }
            executions.sort(Comparator.comparingLong(JobExecution::getId).reversed());
            System.out.printf("%-6s %-11s %-10s %-12s %-19s %-19s %-30s %s%n", "ID", "JOB", "STATUS", "EXIT", "START", "END", "TARGET", "RUN KEY");
            executions.stream().limit(limit).forEach(e -> System.out.printf("%-6d %-11s %-10s %-12s %-19s %-19s %-30s %s%n",
                    e.getId(), e.getJobInstance().getJobName(), e.getStatus(), e.getExitStatus().getExitCode(),
                    time(e.getStartTime()), time(e.getEndTime()),
                    e.getJobParameters().getString("cluster", "") + " " + e.getJobParameters().getString("table", ""),
                    e.getJobParameters().getString("run_key", "")));
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One execution: parameters, steps and partitions.")
    public static class Show implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long id;

        private final JobControl control;

        public Show(JobControl control) {
            this.control = control;
        }

        @Override
        public Integer call() {
            JobExecution e = control.execution(id);
            System.out.printf("execution %d of %s (instance %d): %s, exit %s%n", e.getId(), e.getJobInstance().getJobName(),
                    e.getJobInstance().getInstanceId(), e.getStatus(), e.getExitStatus().getExitCode());
            System.out.printf("started %s, ended %s%n", time(e.getStartTime()), time(e.getEndTime()));
            System.out.println("parameters:");
            e.getJobParameters().parameters().forEach(p -> System.out.printf("  %-20s %s%s%n", p.name(), p.value(),
                    p.identifying() ? "" : "  (not identifying)"));
            System.out.println("steps:");
            e.getStepExecutions().stream().sorted(Comparator.comparing(StepExecution::getStepName)).forEach(s -> System.out.printf(
                    "  %-32s %-10s commits %-5d rollbacks %-3d diff rows %-7d %s%n", s.getStepName(), s.getStatus(),
                    s.getCommitCount(), s.getRollbackCount(), s.getWriteCount(),
                    s.getFailureExceptions().isEmpty() ? "" : "error: " + s.getFailureExceptions().get(0).getMessage()));
            String summary = e.getExecutionContext().getString("ace.summary", null);
            if (summary != null) {
                System.out.println("result: " + summary);
            }
            return 0;
        }
    }

    @Command(name = "restart", mixinStandardHelpOptions = true, description = "Resumes a failed or stopped execution.")
    public static class Restart implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long id;

        private final RunLauncher launcher;
        private final JobControl control;

        public Restart(RunLauncher launcher, JobControl control) {
            this.launcher = launcher;
            this.control = control;
        }

        @Override
        public Integer call() throws Exception {
            // rebuilt from its recorded parameters: the same run key resumes it
            RunOutcome outcome = launcher.launch(RunLauncher.recorded(control.execution(id)));
            Outcomes.print(outcome);
            return outcome.exitCode().code();
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true,
            description = "Asks a running execution to stop after its current block; it stays restartable.")
    public static class Stop implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long id;

        private final JobControl control;

        public Stop(JobControl control) {
            this.control = control;
        }

        @Override
        public Integer call() {
            control.stop(id);
            System.out.println("job execution " + id + " is stopping");
            return 0;
        }
    }

    @Command(name = "abandon", mixinStandardHelpOptions = true,
            description = "Marks a stopped or failed execution as never to be resumed.")
    public static class Abandon implements Callable<Integer> {
        @Parameters(paramLabel = "EXECUTION_ID")
        long id;

        private final JobControl control;

        public Abandon(JobControl control) {
            this.control = control;
        }

        @Override
        public Integer call() throws Exception {
            control.abandon(id);
            System.out.println("job execution " + id + " is abandoned");
            return 0;
        }
    }
}
