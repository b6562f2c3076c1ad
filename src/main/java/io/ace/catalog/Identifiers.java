package io.ace.catalog;

/** Quoting of SQL identifiers taken from catalog data. */
public final class Identifiers {

    private Identifiers() {
    }

    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
