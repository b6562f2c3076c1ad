package io.ace.operation;

import io.ace.catalog.TableName;
import io.ace.exit.AceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The flags of every operation that compares many tables: {@code --skip-tables} and
 * {@code --skip-file}, tables to leave out, each {@code SCHEMA.TABLE} or a bare {@code TABLE} (that
 * name in any schema), quoted as in SQL where needed, recorded as {@code schema.table} or
 * {@code *.table}; and {@code --max-connections}, the sessions a run may hold on each node.
 */
public class TableSetFlags {

    private static final String ANY_SCHEMA = "*.";

    @Option(names = {"-T", "--skip-tables"}, split = ",", paramLabel = "TABLE[,TABLE...]",
            description = "Tables to leave out: SCHEMA.TABLE, or TABLE for that name in any schema.")
    List<String> tables = new ArrayList<>();

    @Option(names = {"-s", "--skip-file"}, paramLabel = "FILE",
            description = "A file of tables to leave out, one per line as for --skip-tables ('#' starts a comment).")
    Path file;

    @Option(names = {"-M", "--max-connections"}, paramLabel = "N",
            description = "Sessions held on each node at most; tables are compared N - 1 at a time (default: tables at once + 1,"
                    + " with tables at once = processors x --concurrency-factor).")
    int maxConnections;

    /** More sessions per node than any PostgreSQL server is configured to accept from one client. */
    private static final int MAX_CONNECTIONS = 1_000;

    /** The sessions per node a run may hold, checked; 0 when not limited beyond the concurrency. */
    public int maxConnections() {
        if (maxConnections != 0 && (maxConnections < 2 || maxConnections > MAX_CONNECTIONS)) {
            throw AceException.usage("--max-connections must be between 2 (one session for the checks, one per table compared) and "
                    + MAX_CONNECTIONS + ", got " + maxConnections);
        }
        return maxConnections;
    }

    /** Every table to leave out, as recorded; a usage error naming the file and line for a bad entry. */
    public List<String> recorded() {
        Set<String> names = new LinkedHashSet<>();
        for (String t : tables) {
            names.add(parse(t.strip(), "--skip-tables"));
        }
        if (file != null) {
            List<String> lines;
            try {
                lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw AceException.usage("--skip-file " + file + " cannot be read: " + e.getMessage());
            }
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i).replaceFirst("#.*", "").strip();
                if (!line.isEmpty()) {
                    names.add(parse(line, "--skip-file " + file + " line " + (i + 1)));
                }
            }
        }
        return List.copyOf(names);
    }

    private static String parse(String text, String where) {
        if (text.isEmpty()) {
            throw AceException.usage(where + ": an empty table name");
        }
        boolean qualified = text.replaceAll("\"[^\"]*\"", "").contains(".");
        if (qualified) {
            try {
                return TableName.parse(text).toString();
            } catch (AceException e) {
                throw AceException.usage(where + ": " + e.getMessage());
            }
        }
        if (text.startsWith("\"") && text.endsWith("\"") && text.length() > 1) {
            return ANY_SCHEMA + text.substring(1, text.length() - 1).replace("\"\"", "\"");
        }
        return ANY_SCHEMA + text.toLowerCase(Locale.ROOT);
    }

    /** Whether a recorded list leaves this table out. */
    public static boolean skips(List<String> recorded, TableName table) {
        return recorded.contains(table.toString()) || recorded.contains(ANY_SCHEMA + table.table());
    }
}
