package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;

/** Refuses a launch or restart of a run that is going on, or being started by another launch, right now: temporary, retry once it has ended. */
public final class RunInProgressException extends AceException {

    public RunInProgressException(String message) {
        super(ExitCode.UNREACHABLE, message);
    }
}
