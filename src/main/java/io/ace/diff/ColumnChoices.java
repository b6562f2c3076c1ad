package io.ace.diff;

import io.ace.catalog.TableName;
import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns each table of a run on many tables compares: a table named in a columns file
 * ({@code schema.table: --columns a,b} or {@code --exclude-columns x,y}, a line each) by its own
 * choice; any other table without the columns {@code --exclude-columns} names, where it has them.
 *
 * @param everyTable the columns every table leaves out, where it has them
 * @param byTable    a table's own choice, by {@code schema.table}
 */
public record ColumnChoices(ColumnChoice everyTable, Map<String, ColumnChoice> byTable) {

    public static final ColumnChoices ALL = new ColumnChoices(ColumnChoice.ALL, Map.of());

    public ColumnChoices {
        if (!everyTable.only().isEmpty()) {
            throw new IllegalArgumentException("a run on many tables leaves columns out; --columns names one table's");
        }
        byTable = Map.copyOf(byTable);
    }

    /** What {@code table}, whose columns are {@code columns}, compares. */
    public ColumnChoice forTable(TableName table, List<String> columns) {
        ColumnChoice own = byTable.get(table.toString());
        return own != null ? own : new ColumnChoice(List.of(), everyTable.excluded().stream().filter(columns::contains).toList());
    }

    /**
     * A columns file's text: per line {@code schema.table: --columns a,b} or {@code schema.table:
     * --exclude-columns x,y}; blank lines and lines starting with {@code #} are skipped. A bad line
     * is a usage error naming {@code source} and the line.
     */
    public static Map<String, ColumnChoice> parse(String text, String source) {
        Map<String, ColumnChoice> byTable = new LinkedHashMap<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = source + " line " + (i + 1) + ": ";
            int colon = line.indexOf(':');
            String[] choice = colon < 0 ? new String[0] : line.substring(colon + 1).strip().split("\\s+", 2);
            if (colon < 0 || choice.length != 2 || !(choice[0].equals("--columns") || choice[0].equals("--exclude-columns"))) {
                throw AceException.usage(where + "expected 'schema.table: --columns a,b' or 'schema.table: --exclude-columns x,y'");
            }
            TableName table = TableName.parse(line.substring(0, colon).strip());
            List<String> names = List.of(choice[1].replace(" ", "").split(","));
            if (byTable.put(table.toString(), choice[0].equals("--columns") ? new ColumnChoice(names, List.of())
                    : new ColumnChoice(List.of(), names)) != null) {
                throw AceException.usage(where + "table " + UserInput.quoted(table.toString()) + " is named a second time");
            }
        }
        return byTable;
    }

    /** As a run records it: a line per table, {@code schema.table<TAB>flag}. */
    public String recorded() {
        StringBuilder s = new StringBuilder();
        byTable.forEach((table, choice) -> s.append(table).append('\t').append(choice.describe()).append('\n'));
        return s.toString();
    }

    /** The per-table choices a run recorded (see {@link #recorded()}). */
    public static Map<String, ColumnChoice> ofRecorded(String recorded) {
        Map<String, ColumnChoice> byTable = new LinkedHashMap<>();
        for (String line : recorded.split("\n")) {
            if (!line.isEmpty()) {
                int tab = line.indexOf('\t');
                byTable.put(line.substring(0, tab), ColumnChoice.parse(line.substring(tab + 1)));
            }
        }
        return byTable;
    }
}
