package io.ace.diff;

import io.ace.exit.AceException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Which columns of a table a comparison reads ({@code --columns} or {@code --exclude-columns}):
 * all, only some, or all but some. The key columns are always compared, since rows are matched
 * by them; a column left out is neither hashed nor shown.
 *
 * @param only     the columns to compare besides the key (empty: all)
 * @param excluded the columns not to compare (empty: none)
 */
public record ColumnChoice(List<String> only, List<String> excluded) {

    public static final ColumnChoice ALL = new ColumnChoice(List.of(), List.of());

    public ColumnChoice {
        only = List.copyOf(new LinkedHashSet<>(only == null ? List.of() : only));
        excluded = List.copyOf(new LinkedHashSet<>(excluded == null ? List.of() : excluded));
        if (!only.isEmpty() && !excluded.isEmpty()) {
            throw AceException.usage("--columns and --exclude-columns cannot be given together: name the columns to compare,"
                    + " or the ones to leave out");
        }
        for (String c : only.isEmpty() ? excluded : only) {
            if (c.isBlank()) {
                throw AceException.usage((only.isEmpty() ? "--exclude-columns" : "--columns") + " names an empty column");
            }
        }
    }

    public boolean all() {
        return only.isEmpty() && excluded.isEmpty();
    }

    /** The flag as given ({@code --exclude-columns note,updated_at}), or null when all columns are compared. */
    public String describe() {
        if (all()) {
            return null;
        }
        return only.isEmpty() ? "--exclude-columns " + String.join(",", excluded) : "--columns " + String.join(",", only);
    }

    /** The choice {@link #describe()} gave ({@code --columns a,b}, {@code --exclude-columns x}); null or empty for all columns. */
    public static ColumnChoice parse(String described) {
        if (described == null || described.isEmpty()) {
            return ALL;
        }
        String[] flag = described.split(" ", 2);
        List<String> names = List.of(flag[1].split(","));
        return flag[0].equals("--columns") ? new ColumnChoice(names, List.of()) : new ColumnChoice(List.of(), names);
    }

    /**
     * The table compared on the chosen columns, in table order; exit 64 naming the table when a
     * named column is not one of its columns, or when the key would be left out.
     */
    public ComparedTable apply(ComparedTable table) {
        if (all()) {
            return table;
        }
        List<String> columns = table.shape().columnNames();
        List<String> keys = table.shape().keyNames();
        String flag = only.isEmpty() ? "--exclude-columns" : "--columns";
        List<String> unknown = (only.isEmpty() ? excluded : only).stream().filter(c -> !columns.contains(c)).toList();
        if (!unknown.isEmpty()) {
            throw AceException.usage(flag + " names " + quoted(unknown) + ", not a column of " + table.shape().name() + " (its columns: "
                    + quoted(columns) + ")");
        }
        List<String> excludedKeys = excluded.stream().filter(keys::contains).toList();
        if (!excludedKeys.isEmpty()) {
            throw AceException.usage("--exclude-columns cannot leave out " + quoted(excludedKeys) + ": rows of " + table.shape().name()
                    + " are matched by its key (" + quoted(keys) + "), which is always compared");
        }
        List<String> chosen = new ArrayList<>();
        for (String c : columns) {
            if (keys.contains(c) || (only.isEmpty() ? !excluded.contains(c) : only.contains(c))) {
                chosen.add(c);
            }
        }
        return table.onColumns(chosen, flag);
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(n -> "\"" + n + "\"").toList());
    }
}
