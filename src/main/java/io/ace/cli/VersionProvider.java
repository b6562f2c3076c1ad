package io.ace.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest, and the Java it runs on: whether class data sharing is on
 * (as the JVM itself says) and which archive the launcher gave it ({@code ace.startup.archive},
 * set by scripts/ace), so a slow start can be told from a missing archive at a glance. When the
 * launcher starts commands that run on another JDK, with its ahead-of-time cache, it says which
 * ({@code ace.startup.runs}), or how to make that cache ({@code ace.startup.note}).
 */
public class VersionProvider implements IVersionProvider {

    /** The system property through which the launcher names the start-up archive it used. */
    public static final String STARTUP_ARCHIVE = "ace.startup.archive";
    /** The Java and cache of commands that run, when not this process's own. */
    public static final String STARTUP_RUNS = "ace.startup.runs";
    /** What the launcher would use with one more step (a JDK found whose cache is not made yet). */
    public static final String STARTUP_NOTE = "ace.startup.note";

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        String archive = System.getProperty(STARTUP_ARCHIVE);
        boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
        String runs = System.getProperty(STARTUP_RUNS, "");
        String note = System.getProperty(STARTUP_NOTE, "");
        List<String> lines = new ArrayList<>();
        lines.add("ACE " + (v == null ? "dev" : v));
        lines.add("Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + "), class data sharing "
                + (sharing ? "on" + (archive == null || archive.isBlank() ? "" : ", archive " + archive) : "off")
                + (runs.isBlank() ? "" : " (help, version, usage errors)"));
        if (!runs.isBlank()) {
            lines.add(runs + " (commands that run)");
        }
        if (!note.isBlank()) {
            lines.add(note);
        }
        return lines.toArray(String[]::new);
    }
}
