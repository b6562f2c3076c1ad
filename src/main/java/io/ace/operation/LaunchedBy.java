package io.ace.operation;

/**
 * Who asked for a launch, through which door: the web user for the UI and the API, the schedule's
 * definition for a scheduled launch, the operating-system user for the command line. Recorded
 * with the run ({@link RunIdentity#LAUNCHED_BY}) and in the audit log.
 */
public record LaunchedBy(String who, Door door) {

    public enum Door {
        COMMAND_LINE("command line"), WEB("web"), SCHEDULE("schedule");

        private final String words;

        Door(String words) {
            this.words = words;
        }
    }

    /** The user running this process, launching from the command line. */
    public static LaunchedBy commandLine() {
        return new LaunchedBy(System.getProperty("user.name"), Door.COMMAND_LINE);
    }

    /** As reports and the audit log say it: {@code alice (web)}, {@code nightly-orders (schedule)}. */
    public String text() {
        return who + " (" + door.words + ")";
    }
}
