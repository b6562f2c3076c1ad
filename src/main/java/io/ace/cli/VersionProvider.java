package io.ace.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version from the jar's manifest, and the Java it runs on: whether class data sharing is on
 * (as the JVM itself says) and which archive the launcher gave it ({@code ace.startup.archive},
 * set by scripts/ace), so a slow start can be told from a missing archive at a glance.
 */
public class VersionProvider implements IVersionProvider {

    /** The system property through which the launcher names the start-up archive it used. */
    public static final String STARTUP_ARCHIVE = "ace.startup.archive";

    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        String archive = System.getProperty(STARTUP_ARCHIVE);
        boolean sharing = System.getProperty("java.vm.info", "").contains("sharing");
        return new String[] {"ACE " + (v == null ? "dev" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.vendor") + "), class data sharing "
                    + (sharing ? "on" + (archive == null || archive.isBlank() ? "" : ", archive " + archive) : "off")};
    }
}
