package io.ace.web;

import io.ace.audit.AuditLog;
import io.ace.batch.JobControl;
import io.ace.batch.RunSubmitter;
import io.ace.batch.RunView;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.launch.LaunchFields;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.LaunchRequest;
import io.ace.operation.LaunchedBy;
import io.ace.operation.Role;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;

/**
 * What a person or a script may do to runs from the UI and the API, in one place: each action
 * checks the caller's role, is recorded in the audit log (refusals too), and goes through the
 * same launcher and controls as the command line.
 */
public final class RunActions {

    private static final Logger LOG = LoggerFactory.getLogger(RunActions.class);

    /**
     * How an accepted action answered.
     *
     * @param executionId      the execution it started or acted on (for exit 4, the completed one)
     * @param alreadyCompleted a launch whose run key had already completed: nothing ran
     * @param command          the same launch as a shell command, or null for controls
     * @param message          one line for the operator
     */
    public record Answer(long executionId, boolean alreadyCompleted, String command, String message) {
    }

    private final LaunchGrammar grammar;
    private final RunSubmitter submitter;
    private final JobControl control;
    private final AuditLog audit;
    private final RoleHierarchy roles;
    private final Path outputDir;

    public RunActions(LaunchGrammar grammar, RunSubmitter submitter, JobControl control, AuditLog audit, RoleHierarchy roles,
                      Path outputDir) {
        this.grammar = grammar;
        this.submitter = submitter;
        this.control = control;
        this.audit = audit;
        this.roles = roles;
        this.outputDir = outputDir;
    }

    /**
     * Launches an operation from a web form or API body: the flags by their long names. A web
     * caller names no server path: a diff file is named by the execution that wrote it
     * ({@code --from-execution}), and reports go to the server's output directory.
     */
    public Answer launch(LaunchFields fields, Authentication who) {
        String command = LaunchGrammar.shellText(LaunchGrammar.commandLine(fields));
        return audited(who, "launch", command, null, () -> {
            // the role first: a refused caller learns nothing about files or tables
            require(who, roleToLaunch(fields.operation()), "launch " + fields.operation());
            return start(grammar.parse(fields, LaunchGrammar.Door.WEB, outputDir), command, who);
        });
    }

    /** The role a launch of this operation needs; a name that is no operation needs what any launch needs, then fails as unknown. */
    public Role roleToLaunch(String operation) {
        return grammar.operations().contains(operation) ? grammar.operations().get(operation).role() : Role.OPERATOR;
    }

    /** An execution by id, or a usage error naming it. */
    public RunView execution(long id) {
        return control.view(id);
    }

    /** An error as this caller may read it: the detail from outside the tool (node errors, file content) for administrators only. */
    public String toCaller(RuntimeException e, Authentication who) {
        if (e instanceof AceException ace && !allowed(who, Role.ADMIN)) {
            if (!ace.publicMessage().equals(ace.getMessage())) {
                LOG.info("refused for {}: {}", actor(who), ace.getMessage());
            }
            return ace.publicMessage();
        }
        return e.getMessage();
    }

    /** A view as this caller may read it: only administrators see text from outside the tool (node errors, stack traces). */
    public RunView shown(RunView view, Authentication who) {
        return allowed(who, Role.ADMIN) ? view : view.redacted();
    }

    /**
     * One of the controls of an execution: {@code stop} (after its current block), {@code restart}
     * (resume from its recorded parameters, a new execution), {@code recover} (mark failed an
     * execution whose process died) or {@code abandon} (never to be resumed).
     */
    public Answer act(long id, String action, Authentication who) {
        String subject = "execution " + id;
        return switch (action) {
            case "stop" -> audited(who, action, subject, id, () -> {
                require(who, Role.OPERATOR, "stop " + subject);
                control.stop(id);
                return new Answer(id, false, null, "job execution " + id + " is stopping after its current block");
            });
            case "restart" -> {
                LaunchRequest request = control.recordedRequest(id);
                String restarted = subject + " (" + request.operation() + " " + request.cluster() + " " + request.target() + ")";
                // the launcher itself refuses a run still alive and recovers one whose process died
                yield audited(who, action, restarted, id, () -> {
                    require(who, roleToLaunch(request.operation()), "restart " + restarted);
                    return start(request, LaunchGrammar.shellText(List.of("jobs", "restart", Long.toString(id))), who);
                });
            }
            case "recover" -> audited(who, action, subject, id, () -> {
                require(who, Role.OPERATOR, "recover " + subject);
                control.recover(id);
                return new Answer(id, false, null, "job execution " + id + " is marked failed; it can be restarted");
            });
            case "abandon" -> audited(who, action, subject, id, () -> {
                require(who, Role.ADMIN, "abandon " + subject);
                control.abandon(id);
                return new Answer(id, false, null, "job execution " + id + " is abandoned");
            });
            default -> throw AceException.usage("unknown action '" + action + "'; use stop, restart, recover or abandon");
        };
    }

    /** Submits a launch and waits until its execution exists (or the launch answered without one). */
    private Answer start(LaunchRequest request, String command, Authentication who) {
        RunSubmitter.Submission submission = submitter.submitNow(request, new LaunchedBy(actor(who), LaunchedBy.Door.WEB));
        long execution = submission.awaitStart(RunSubmitter.DEFAULT_START_WAIT_SECONDS);
        boolean done = submission.finished().isDone() && !submission.finished().isCompletedExceptionally()
                && submission.finished().join().exitCode() == ExitCode.ALREADY_COMPLETED;
        String message = done ? submission.finished().join().message() : "started as job execution " + execution;
        return new Answer(execution, done, command, message);
    }

    @FunctionalInterface
    private interface Action {
        Answer run() throws Exception;
    }

    /** Runs an action and records it in the audit log, accepted or refused. */
    private Answer audited(Authentication who, String action, String subject, Long id, Action body) {
        try {
            Answer answer = body.run();
            audit.record(actor(who), action, subject, answer.executionId(), answer.message());
            return answer;
        } catch (RuntimeException e) {
            audit.record(actor(who), action, subject, id, refusal(e));
            throw e;
        } catch (Exception e) {
            audit.record(actor(who), action, subject, id, refusal(e));
            throw new AceException(ExitCode.FAILED, action + " of " + subject + " failed", e.getMessage(), e);
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

    /** A refusal as the audit log (which viewers read) records it: our own words only. */
    private static String refusal(Exception e) {
        String reason = e instanceof AceException ace ? ace.publicMessage()
                : e instanceof AccessDeniedException && e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return "refused: " + reason;
    }
}
