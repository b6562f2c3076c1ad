package io.ace.diff;

import io.ace.catalog.Column;
import java.util.Set;

/**
 * How one column enters the row hash. {@code hash_record_extended} hashes each field with its
 * type's hash function, which follows the type's equality; where that equality is looser than
 * the representation, or the binary value is node-local (enum and user type OIDs), the column
 * enters in an exact form instead.
 */
public final class ColumnHashForm {

    /** Built-in types whose hash equality is exactly representation equality. */
    private static final Set<String> EXACT_BY_HASH = Set.of(
            "int2", "int4", "int8", "oid", "bool", "char", "name", "text", "varchar", "bytea", "uuid",
            "date", "time", "timetz", "timestamp", "timestamptz", "inet", "cidr", "macaddr", "macaddr8", "money");

    private ColumnHashForm() {
    }

    /** The SQL expression that represents {@code column} (qualified by {@code alias}) inside the hashed row. */
    public static String expression(Column column, String alias, Equality equality) {
        String ref = alias + "." + column.quoted();
        boolean nodeLocal = !column.builtin() || column.typtype() == 'e' || column.typtype() == 'c'
                || (column.elementKind() != null && (column.elementKind() == 'e' || column.elementKind() == 'c'));
        if (nodeLocal || !column.hashable()) {
            return ref + "::text";
        }
        if (equality == Equality.SEMANTIC) {
            // arrays hash their elements but not their dimensions, which array equality compares
            return column.array() ? ref + ", array_dims(" + ref + ")" : ref;
        }
        String base = column.baseType();
        if (!column.deterministicCollation()) {
            return "textsend(" + ref + "::text)";
        }
        switch (base) {
            case "numeric":
                // a typmod fixes the scale, so equal values print alike; unconstrained numeric keeps its scale
                return column.baseTypmod() >= 0 ? ref : "numeric_send(" + ref + ")";
            case "float4":
                return "float4send(" + ref + ")";
            case "float8":
                return "float8send(" + ref + ")";
            case "interval":
                return "interval_send(" + ref + ")";
            case "bpchar":
                // bpchar equality ignores trailing blanks; its stored form does not
                return "bpcharsend(" + ref + ")";
            default:
                return EXACT_BY_HASH.contains(base) ? ref : ref + "::text";
        }
    }
}
