package io.ace.catalog;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;

/** A schema-qualified table name as the user typed it: {@code schema.table}, either part may be double-quoted. */
public record TableName(String schema, String table) {

    public static TableName parse(String text) {
        String[] parts = splitQualified(text);
        if (parts == null) {
            throw AceException.usage("table " + UserInput.quoted(text) + " must be schema-qualified: SCHEMA.TABLE (quote names that contain dots)");
        }
        return new TableName(parts[0], parts[1]);
    }

    /** A name as {@link #toString()} recorded it ({@code schema.table}, unquoted): split at the first dot. */
    public static TableName fromRecorded(String schemaDotTable) {
        int dot = schemaDotTable.indexOf('.');
        if (dot <= 0 || dot == schemaDotTable.length() - 1) {
            throw AceException.usage("recorded table '" + schemaDotTable + "' is not schema.table");
        }
        return new TableName(schemaDotTable.substring(0, dot), schemaDotTable.substring(dot + 1));
    }

    private static String[] splitQualified(String text) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        StringBuilder sb = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    sb.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                    wasQuoted = true;
                }
            } else if (c == '.' && !quoted) {
                parts.add(wasQuoted ? sb.toString() : sb.toString().toLowerCase(java.util.Locale.ROOT));
                sb.setLength(0);
                wasQuoted = false;
            } else {
                sb.append(c);
            }
        }
        parts.add(wasQuoted ? sb.toString() : sb.toString().toLowerCase(java.util.Locale.ROOT));
        if (quoted || parts.size() != 2 || parts.get(0).isEmpty() || parts.get(1).isEmpty()) {
            return null;
        }
        return parts.toArray(String[]::new);
    }

    /** The quoted, qualified name for SQL. */
    public String sql() {
        return Identifiers.quote(schema) + "." + Identifiers.quote(table);
    }

    @Override
    public String toString() {
        return schema + "." + table;
    }
}
