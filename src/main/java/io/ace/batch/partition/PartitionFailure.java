package io.ace.batch.partition;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Why a partition failed on a worker, kept in its execution context: the repository records a
 * failure only as text, and the manager's run must end with the same exit code and message as a
 * local run (a node the worker could not reach is exit 75, named; a worker's heap or stack
 * exhausted is said in words, with the setting to change).
 */
final class PartitionFailure {

    private static final String EXIT = "ace.partition.failure.exit";
    private static final String MESSAGE = "ace.partition.failure.message";
    private static final String PUBLIC = "ace.partition.failure.public";
    private static final String JVM_ERROR = "ace.partition.failure.jvm-error";

    private PartitionFailure() {
    }

    /** Records the partition's first failure, the ACE error in its causes first. */
    static void record(StepExecution step) {
        Throwable first = step.getFailureExceptions().stream().findFirst().orElse(null);
        if (first == null) {
            return;
        }
        record(step.getExecutionContext(), first);
    }

    static void record(ExecutionContext context, Throwable failure) {
        AceException ace = null;
        for (Throwable c = failure; c != null && ace == null; c = c.getCause()) {
            ace = c instanceof AceException a ? a : null;
        }
        context.putString(MESSAGE, ace != null ? ace.getMessage() : String.valueOf(failure.getMessage()));
        if (ace != null) {
            context.putString(EXIT, ace.exitCode().name());
            context.putString(PUBLIC, ace.publicMessage());
        } else if (failure instanceof OutOfMemoryError || failure instanceof StackOverflowError) {
            context.putString(JVM_ERROR, failure.getClass().getSimpleName());
        }
    }

    /** Forgets an earlier attempt's failure, before the partition runs again. */
    static void clear(ExecutionContext context) {
        context.remove(MESSAGE);
        context.remove(EXIT);
        context.remove(PUBLIC);
        context.remove(JVM_ERROR);
    }

    /**
     * Adds the recorded failure to a failed partition, as the exception the worker saw (an ACE error
     * keeps its exit code, a JVM error its kind).
     */
    static void restore(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        if (!step.getStatus().isUnsuccessful() || !context.containsKey(MESSAGE)) {
            return;
        }
        String message = context.getString(MESSAGE);
        if (context.containsKey(EXIT)) {
            String shown = context.getString(PUBLIC, message);
            step.addFailureException(new AceException(ExitCode.valueOf(context.getString(EXIT)), message) {
                @Override
                public String publicMessage() {
                    return shown;
                }
            });
        } else {
            step.addFailureException(switch (context.getString(JVM_ERROR, "")) {
                case "OutOfMemoryError" -> new OutOfMemoryError(message);
                case "StackOverflowError" -> new StackOverflowError(message);
                default -> new IllegalStateException(message);
            });
        }
    }
}
