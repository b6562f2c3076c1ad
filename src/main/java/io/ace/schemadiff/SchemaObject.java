package io.ace.schemadiff;

/**
 * One object of a schema as a node defines it.
 *
 * @param kind       {@code table}, {@code column}, {@code constraint}, {@code index}, {@code view}, {@code materialized view},
 *                   {@code function}, {@code procedure}, {@code sequence}, {@code trigger}, {@code enum type}
 * @param name       its name within the schema: {@code orders}, {@code orders.amount} for a column, constraint or trigger,
 *                   {@code total(integer)} for a function
 * @param definition its definition as the node's catalog functions print it
 */
public record SchemaObject(String kind, String name, String definition) {

    /** What identifies the object across nodes. */
    public String key() {
        return kind + " " + name;
    }
}
