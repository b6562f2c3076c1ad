package io.ace.web;

import io.ace.AceException;
import io.ace.ExitCode;
import io.ace.audit.AuditLog;
import io.ace.batch.JobControl;
import io.ace.batch.LaunchRequest;
import io.ace.batch.RunLauncher;
import io.ace.batch.RunSubmitter;
import io.ace.cli.LaunchArguments;
import io.ace.web.security.Role;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;

/**
 * What a person or a script may do to runs from the UI and the API, in one place: each action
 * checks the caller's role, is recorded in the audit log (refusals too), and goes through the
 * same launcher and controls as the command line.
 */
public final class RunActions {

    /** How an accepted launch answered: the execution it started (or the completed one, exit 4). */
    public record Launched(long executionId, boolean alreadyCompleted, String command, String message) {
    }

    private final LaunchArguments arguments;
    private final RunSubmitter submitter;
    private final JobControl control;
    private final AuditLog audit;
    private final RoleHierarchy roles;
    private final Path outputDir;

    public RunActions(LaunchArguments arguments, RunSubmitter submitter, JobControl control, AuditLog audit, RoleHierarchy roles,
                      Path outputDir) {
        this.arguments = arguments;
        this.submitter = submitter;
        this.control = control;
        this.audit = audit;
        this.roles = roles;
        this.outputDir = outputDir;
    }

    /** Launches the command line {@code args} (as typed after {@code ace}); reports go to the server's output directory unless given. */
    public Launched launch(List<String> args, Authentication who) {
        List<String> all = new ArrayList<>(args);
        if (!all.contains("--output-dir")) {
            all.add("--output-dir");
            all.add(outputDir.toString());
        }
        String command = LaunchArguments.shellText(all);
        try {
            // the role first: a refused caller learns nothing about files or tables
            require(who, Role.toLaunch(all.get(0)), "launch " + all.get(0));
            LaunchRequest request = arguments.parse(all);
            RunSubmitter.Submission submission = submitter.submit(request);
            JobExecution execution = submission.awaitStart(RunSubmitter.DEFAULT_START_WAIT_SECONDS);
            boolean done = submission.finished().isDone() && !submission.finished().isCompletedExceptionally()
                    && submission.finished().join().exitCode() == ExitCode.ALREADY_COMPLETED;
            String message = done ? submission.finished().join().message() : "started as job execution " + execution.getId();
            audit.record(actor(who), "launch", command, execution.getId(), message);
            return new Launched(execution.getId(), done, command, message);
        } catch (RuntimeException e) {
            audit.record(actor(who), "launch", command, null, refusal(e));
            throw e;
        }
    }

    /** An execution by id, or a usage error naming it. */
    public JobExecution execution(long id) {
        return control.execution(id);
    }

    public void stop(long id, Authentication who) {
        act(id, who, Role.OPERATOR, "stop", () -> control.stop(id));
    }

    /** Resumes a failed or stopped execution from its recorded parameters; answers with the new execution. */
    public Launched restart(long id, Authentication who) {
        JobExecution previous = control.execution(id);
        LaunchRequest request = RunLauncher.recorded(previous);
        String subject = "execution " + id + " (" + request.operation() + " " + request.cluster() + " " + request.table() + ")";
        try {
            require(who, Role.toLaunch(request.operation()), "restart " + subject);
            if (previous.isRunning()) {
                throw AceException.usage("job execution " + id + " is still running (" + previous.getStatus() + "); stop it or recover it first");
            }
            RunSubmitter.Submission submission = submitter.submit(request);
            JobExecution execution = submission.awaitStart(RunSubmitter.DEFAULT_START_WAIT_SECONDS);
            String message = "restarted as job execution " + execution.getId();
            audit.record(actor(who), "restart", subject, execution.getId(), message);
            return new Launched(execution.getId(), false, LaunchArguments.shellText(List.of("jobs", "restart", Long.toString(id))), message);
        } catch (RuntimeException e) {
            audit.record(actor(who), "restart", subject, id, refusal(e));
            throw e;
        }
    }

    /** Marks an execution left running by a process that died as failed, so it can be restarted. */
    public void recover(long id, Authentication who) {
        act(id, who, Role.OPERATOR, "recover", () -> control.recover(id));
    }

    public void abandon(long id, Authentication who) {
        act(id, who, Role.ADMIN, "abandon", () -> control.abandon(id));
    }

    @FunctionalInterface
    private interface Action {
        void run() throws Exception;
    }

    private void act(long id, Authentication who, Role role, String action, Action body) {
        String subject = "execution " + id;
        try {
            require(who, role, action + " " + subject);
            body.run();
            audit.record(actor(who), action, subject, id, "accepted");
        } catch (RuntimeException e) {
            audit.record(actor(who), action, subject, id, refusal(e));
            throw e;
        } catch (Exception e) {
            audit.record(actor(who), action, subject, id, refusal(e));
            throw new AceException(ExitCode.FAILED, action + " of " + subject + " failed: " + e.getMessage(), e);
        }
    }

    /** Whether the caller holds the role (or one above it). */
    public boolean allowed(Authentication who, Role role) {
        return who != null && roles.getReachableGrantedAuthorities(who.getAuthorities()).stream()
                .anyMatch(a -> role.authority().equals(a.getAuthority()));
    }

    private void require(Authentication who, Role role, String what) {
        if (!allowed(who, role)) {
            throw new AccessDeniedException(actor(who) + " may not " + what + ": it needs the " + role + " role");
        }
    }

    private static String actor(Authentication who) {
        return who == null ? "anonymous" : who.getName();
    }

    private static String refusal(Exception e) {
        return "refused: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }
}
