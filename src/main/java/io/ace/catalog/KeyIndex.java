package io.ace.catalog;

/**
 * The index whose columns identify a table's rows for ACE: the primary key, else the replica
 * identity index, else a unique index that can serve as one (not partial, not deferrable, no
 * expressions, default operator classes, every column NOT NULL).
 *
 * @param name the index's name on the node the shape was read from
 * @param kind {@code primary key}, {@code replica identity index} or {@code unique index}
 */
public record KeyIndex(String name, String kind) {

    public static final String PRIMARY_KEY = "primary key";

    /** {@code unique index "t_code_key"}: what a report says rows were matched by. */
    public String describe() {
        return kind + " \"" + name + "\"";
    }
}
