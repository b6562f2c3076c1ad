package io.ace.cli;

import picocli.CommandLine.IVersionProvider;

/** The version from the jar's manifest. */
public class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"ACE " + (v == null ? "dev" : v)};
    }
}
