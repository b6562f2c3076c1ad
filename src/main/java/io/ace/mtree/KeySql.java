package io.ace.mtree;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * SQL over a table's primary key when keys come as text arrays (stored leaf bounds, captured
 * keys): each element cast to its column's declared type and ordered by the column's collation,
 * so key order is exactly the primary key's btree order, as in the comparison's own queries.
 */
final class KeySql {

    private final List<Column> key;

    KeySql(TableShape shape) {
        this.key = shape.keyColumns();
    }

    /** {@code (expr)[1]::int8 AS k0, (expr)[2]::text AS k1}: the key columns of a text array, typed. */
    String typedColumns(String textArray) {
        return IntStream.range(0, key.size())
                .mapToObj(i -> "(" + textArray + ")[" + (i + 1) + "]::" + key.get(i).type() + " AS k" + i)
                .collect(Collectors.joining(", "));
    }

    /** {@code s.k0 COLLATE x, s.k1}: key order over columns named by {@link #typedColumns}. */
    String order(String alias) {
        return IntStream.range(0, key.size())
                .mapToObj(i -> alias + ".k" + i + (key.get(i).collation() == null ? "" : " COLLATE " + key.get(i).collation()))
                .collect(Collectors.joining(", "));
    }

    /** {@code s.k0::text, s.k1::text}. */
    String texts(String alias) {
        return IntStream.range(0, key.size()).mapToObj(i -> alias + ".k" + i + "::text").collect(Collectors.joining(", "));
    }

    /** {@code t."a", t."b"}: the key columns of the table itself. */
    String tableKey(String alias) {
        return key.stream().map(c -> alias + "." + c.quoted()).collect(Collectors.joining(", "));
    }

    /** {@code t."a" AS k0, t."b" AS k1}: the table's key columns named as {@link #order} and {@link #texts} expect. */
    String tableKeyAs(String alias) {
        return IntStream.range(0, key.size()).mapToObj(i -> alias + "." + key.get(i).quoted() + " AS k" + i)
                .collect(Collectors.joining(", "));
    }

    /** The key of the table as a tuple, compared with a text array cast to the key's types: {@code (t."a", t."b") >= ((?)[1]::int8, ...)}. */
    String tupleAgainst(String alias, String op, String textArray) {
        String left = key.size() == 1 ? tableKey(alias) : "(" + tableKey(alias) + ")";
        String right = IntStream.range(0, key.size()).mapToObj(i -> "(" + textArray + ")[" + (i + 1) + "]::" + key.get(i).type())
                .collect(Collectors.joining(", "));
        return left + " " + op + " " + (key.size() == 1 ? right : "(" + right + ")");
    }

    int size() {
        return key.size();
    }
}
