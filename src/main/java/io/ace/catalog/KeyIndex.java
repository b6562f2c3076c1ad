package io.ace.catalog;

/**
 * The index whose columns identify a table's rows for ACE: the primary key, else the replica
 * identity index, else a unique index that can serve as one (not partial, not deferrable, no
 * expressions, default operator classes, every column NOT NULL).
 *
 * @param name the index's name on the node the shape was read from
 * @param kind which of the three it is
 */
public record KeyIndex(String name, Kind kind) {

    /** What an index is to its table, by the code the catalog query gives it. */
    public enum Kind {
        PRIMARY_KEY('p', "primary key"),
        REPLICA_IDENTITY('i', "replica identity index"),
        UNIQUE('u', "unique index");

        private final char code;
        private final String label;

        Kind(char code, String label) {
            this.code = code;
            this.label = label;
        }

        static Kind of(char code) {
            for (Kind k : values()) {
                if (k.code == code) {
                    return k;
                }
            }
            throw new IllegalArgumentException("no key index kind '" + code + "'");
        }
    }

    /** {@code unique index "t_code_key"}: what a report says rows were matched by. */
    public String describe() {
        return kind.label + " \"" + name + "\"";
    }
}
