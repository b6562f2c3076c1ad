package io.ace.exit;

import java.util.LinkedHashMap;
import java.util.Map;

/** Process exit codes: the diff(1) convention, extended for schedulers; README, "Exit codes". */
public enum ExitCode {
    IN_SYNC(0, "completed; nodes are in sync"),
    DIFFERENCES(1, "completed; differences were found"),
    FAILED(2, "the job failed (restartable with the same --run-key)"),
    STOPPED(3, "the job was stopped (restartable)"),
    ALREADY_COMPLETED(4, "nothing to do: this run key already completed"),
    USAGE(64, "bad usage"),
    UNREACHABLE(75, "a node could not be reached, or the run is going on elsewhere (retry later)"),
    CONFIG(78, "configuration error");

    private final int code;
    private final String description;

    ExitCode(int code, String description) {
        this.code = code;
        this.description = description;
    }

    /** Every exit code with what it tells a scheduler, in order, as help lists them. */
    public static Map<String, String> descriptions() {
        Map<String, String> all = new LinkedHashMap<>();
        for (ExitCode c : values()) {
            all.put(Integer.toString(c.code), c.description);
        }
        return all;
    }

    public int code() {
        return code;
    }

    /** What an exit code means, in words ({@code differences}, {@code config}, ...), or {@code unknown}. */
    public static String meaning(int code) {
        return of(code).map(c -> c.name().toLowerCase().replace('_', ' ')).orElse("unknown");
    }

    /** The exit code of that number, if it is one of the contract's. */
    public static java.util.Optional<ExitCode> of(int code) {
        return java.util.Arrays.stream(values()).filter(c -> c.code == code).findFirst();
    }
}
