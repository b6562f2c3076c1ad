package io.ace.repair;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.difffile.DiffFileReader.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The statements a repair runs on one table. Values travel as text parameters cast to the
 * column's declared type, so each is written exactly as the diff file spells it; comparisons go
 * through the column's text form, which is exact (numeric scale, -0, microseconds).
 */
final class RepairSql {

    private final TableShape shape;
    private final List<Column> nonKey;

    RepairSql(TableShape shape) {
        this.shape = shape;
        this.nonKey = shape.columns().stream().filter(c -> !shape.primaryKey().contains(c)).toList();
    }

    /** Tells whether the target row equals the row given as parameters (one per column); locks it unless {@code lock} is false. */
    String compare(boolean lock) {
        String same = shape.columns().stream()
                .map(c -> "t." + c.quoted() + "::text IS NOT DISTINCT FROM CAST(? AS " + c.type() + ")::text")
                .collect(Collectors.joining(" AND "));
        return "SELECT " + same + " FROM " + shape.name().sql() + " t WHERE " + keyCondition() + (lock ? " FOR UPDATE" : "");
    }

    String insert() {
        return "INSERT INTO " + shape.name().sql() + " (" + shape.columns().stream().map(Column::quoted).collect(Collectors.joining(", "))
                + ") VALUES (" + shape.columns().stream().map(c -> "CAST(? AS " + c.type() + ")").collect(Collectors.joining(", ")) + ")";
    }

    /** Sets the given columns (all non-key columns when {@code columns} is empty). */
    String update(List<String> columns) {
        return "UPDATE " + shape.name().sql() + " t SET " + updated(columns).stream()
                .map(c -> c.quoted() + " = CAST(? AS " + c.type() + ")").collect(Collectors.joining(", ")) + " WHERE " + keyCondition();
    }

    String delete() {
        return "DELETE FROM " + shape.name().sql() + " t WHERE " + keyCondition();
    }

    List<Column> updated(List<String> columns) {
        return columns.isEmpty() ? nonKey : nonKey.stream().filter(c -> columns.contains(c.name())).toList();
    }

    /** Parameters for {@link #compare(boolean)} or {@link #insert()}: every column of {@code row}, then the key. */
    List<String> rowValues(Map<String, Value> row) {
        List<String> values = new ArrayList<>();
        for (Column c : shape.columns()) {
            values.add(row.get(c.name()).sqlText());
        }
        return values;
    }

    List<String> updateValues(Map<String, Value> row, List<String> columns, List<String> key) {
        List<String> values = new ArrayList<>();
        for (Column c : updated(columns)) {
            values.add(row.get(c.name()).sqlText());
        }
        values.addAll(key);
        return values;
    }

    /** The statement as it would run, with literals in place of parameters, for dry-run reports. */
    static String literal(String sql, List<String> values) {
        StringBuilder sb = new StringBuilder();
        int v = 0;
        for (int i = 0; i < sql.length(); i++) {
            char ch = sql.charAt(i);
            if (ch == '?' && v < values.size()) {
                String value = values.get(v++);
                sb.append(value == null ? "NULL" : "'" + value.replace("'", "''") + "'");
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private String keyCondition() {
        String params = shape.primaryKey().stream().map(c -> "CAST(? AS " + c.type() + ")").collect(Collectors.joining(", "));
        return shape.keyTuple("t") + " = " + (shape.primaryKey().size() == 1 ? params : "(" + params + ")");
    }
}
