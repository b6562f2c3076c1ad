package io.ace.mtree;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One message of PostgreSQL's {@code pgoutput} plugin, protocol version 1, as far as change
 * capture needs it: which rows of which relation changed, and where transactions end. Values
 * arrive in text form, printed by the sending session.
 */
sealed interface PgOutputMessage {

    /** A column of a relation: its name and whether it is part of the replica identity (the key). */
    record Column(String name, boolean key) {
    }

    /** A relation's identity and columns, sent before its first change in a session and after it changes. */
    record Relation(int oid, String schema, String name, List<Column> columns) implements PgOutputMessage {
    }

    record Begin() implements PgOutputMessage {
    }

    record Commit() implements PgOutputMessage {
    }

    record Insert(int relation, Tuple row) implements PgOutputMessage {
    }

    /** {@code old} is the old key (or whole row, replica identity full), present when the key changed or identity is full. */
    record Update(int relation, Tuple old, Tuple row) implements PgOutputMessage {
    }

    record Delete(int relation, Tuple old) implements PgOutputMessage {
    }

    record Truncate(List<Integer> relations) implements PgOutputMessage {
    }

    /** Anything else (origin, type, logical decoding message): nothing to capture. */
    record Other(char kind) implements PgOutputMessage {
    }

    /**
     * A row's values: text, or null for SQL NULL; {@link #UNCHANGED} for an unchanged TOASTed
     * value the update did not send.
     */
    record Tuple(List<String> values) {

        static final String UNCHANGED = new String("(unchanged toast)");

        boolean unchanged(int column) {
            return values.get(column) == UNCHANGED;
        }
    }

    /** Parses one message (the payload of an XLogData message of a logical stream). */
    static PgOutputMessage parse(ByteBuffer buffer) {
        ByteBuffer b = buffer.slice();
        char kind = (char) b.get();
        return switch (kind) {
            case 'B' -> new Begin();
            case 'C' -> new Commit();
            case 'R' -> relation(b);
            case 'I' -> {
                int rel = b.getInt();
                expect(b, 'N');
                yield new Insert(rel, tuple(b));
            }
            case 'U' -> {
                int rel = b.getInt();
                char next = (char) b.get();
                Tuple old = null;
                if (next == 'K' || next == 'O') {
                    old = tuple(b);
                    next = (char) b.get();
                }
                if (next != 'N') {
                    throw new IllegalStateException("pgoutput update: expected 'N', got '" + next + "'");
                }
                yield new Update(rel, old, tuple(b));
            }
            case 'D' -> {
                int rel = b.getInt();
                char next = (char) b.get();
                if (next != 'K' && next != 'O') {
                    throw new IllegalStateException("pgoutput delete: expected 'K' or 'O', got '" + next + "'");
                }
                yield new Delete(rel, tuple(b));
            }
            case 'T' -> {
                int count = b.getInt();
                b.get(); // options: CASCADE, RESTART IDENTITY
                List<Integer> relations = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    relations.add(b.getInt());
                }
                yield new Truncate(relations);
            }
            default -> new Other(kind);
        };
    }

    private static Relation relation(ByteBuffer b) {
        int oid = b.getInt();
        String schema = string(b);
        String name = string(b);
        b.get(); // replica identity setting
        int count = b.getShort();
        List<Column> columns = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean key = (b.get() & 1) != 0;
            String column = string(b);
            b.getInt(); // type oid
            b.getInt(); // type modifier
            columns.add(new Column(column, key));
        }
        return new Relation(oid, schema, name, columns);
    }

    private static Tuple tuple(ByteBuffer b) {
        int count = b.getShort();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            char kind = (char) b.get();
            switch (kind) {
                case 'n' -> values.add(null);
                case 'u' -> values.add(Tuple.UNCHANGED);
                case 't', 'b' -> {
                    byte[] bytes = new byte[b.getInt()];
                    b.get(bytes);
                    values.add(new String(bytes, StandardCharsets.UTF_8));
                }
                default -> throw new IllegalStateException("pgoutput tuple: unknown column kind '" + kind + "'");
            }
        }
        return new Tuple(java.util.Collections.unmodifiableList(values));
    }

    private static String string(ByteBuffer b) {
        int start = b.position();
        int end = start;
        while (b.get(end) != 0) {
            end++;
        }
        byte[] bytes = new byte[end - start];
        b.get(bytes);
        b.get(); // the terminating NUL
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void expect(ByteBuffer b, char wanted) {
        char got = (char) b.get();
        if (got != wanted) {
            throw new IllegalStateException("pgoutput: expected '" + wanted + "', got '" + got + "'");
        }
    }
}
