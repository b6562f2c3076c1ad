package io.ace.batch;

import io.ace.exit.AceException;
import io.ace.exit.ExitCode;

/** Refuses a launch while the most runs this server runs at once are going on: temporary, retry later. */
public final class RunsBusyException extends AceException {

    public RunsBusyException(int maxRuns) {
        super(ExitCode.UNREACHABLE, maxRuns + " runs are going on, the most this server runs at once (ace.serve.max-runs); retry when one has ended");
    }
}
