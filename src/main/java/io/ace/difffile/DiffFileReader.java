package io.ace.difffile;

import io.ace.catalog.Column;
import io.ace.catalog.TableName;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.json.AceJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;

/**
 * Reads a diff file, ours or pgEdge ACE's (README, "The diff file"), as a stream. Values keep their exact
 * JSON spelling (a number's digits are never re-printed), metadata objects such as
 * {@code _spock_metadata_} are dropped, and a malformed or truncated file is a usage error that
 * names the file and position.
 */
public final class DiffFileReader {

    /** The metadata object ACE adds to a row (its odd node, relation, copies). */
    private static final String ACE_METADATA = "_ace_metadata_";

    /** A JSON value as the file spells it: null, a string's text, a number's digits, or a boolean. */
    public record Value(Kind kind, String text) {
        public enum Kind { NULL, STRING, NUMBER, BOOLEAN }

        /** The value as PostgreSQL input text, or null for SQL NULL. */
        public String sqlText() {
            return kind == Kind.NULL ? null : text;
        }
    }

    /**
     * A row of one node in one pair's list.
     *
     * @param copies how many identical copies of it the node held ({@code _ace_metadata_.copies}):
     *               any number in a multiset diff, 1 where a key matches rows
     */
    public record Row(String pair, String node, Map<String, Value> values, long copies) {

        /** The row's key, each column's value as text; a usage error naming the pair and node when a key column is missing. */
        public List<String> key(List<Column> keyColumns) {
            List<String> key = new ArrayList<>(keyColumns.size());
            for (Column c : keyColumns) {
                Value v = values.get(c.name());
                if (v == null || v.kind() == Value.Kind.NULL) {
                    throw AceException.usage("a row of node " + node + " in pair " + pair
                            + " of the diff file has no value for primary key column " + c.name());
                }
                key.add(v.text());
            }
            return key;
        }
    }

    @FunctionalInterface
    public interface RowHandler {
        void row(Row row) throws Exception;
    }

    private final Path file;
    /** The sha256 the file must have, or null when any will do. */
    private final String sha256;

    public DiffFileReader(Path file) {
        this(file, null);
    }

    /**
     * A reader of a file that must still have the sha256 recorded for it: the bytes a read goes
     * through are hashed as they are read, and a read whose bytes differ fails after its last row
     * (exit 64), so a caller that acts on the rows only once the read returned never acts on a
     * file swapped after it was checked.
     */
    public DiffFileReader(Path file, String sha256) {
        this.file = file;
        this.sha256 = sha256;
    }

    public Path file() {
        return file;
    }

    /** The summary object; the whole file is read through, so truncation is found before any change. */
    public JsonNode summary() {
        FileStamp stamp = FileStamp.of(file);
        Summary known = lastSummary;
        if (stamp != null && known != null && known.stamp().equals(stamp)) {
            return known.summary().deepCopy();
        }
        JsonNode[] summary = {null};
        parse((p, name) -> {
            if (name.equals("summary")) {
                summary[0] = p.readValueAsTree();
            } else {
                p.skipChildren();
            }
        });
        if (summary[0] == null || !summary[0].isObject()) {
            throw AceException.usage("diff file " + file + " has no \"summary\" object; is it a diff file?");
        }
        if (stamp != null) {
            lastSummary = new Summary(stamp, summary[0].deepCopy());
        }
        return summary[0];
    }

    /** A file as it is now: read again when it was written since. */
    private record FileStamp(Path file, long size, long modified) {
        static FileStamp of(Path file) {
            try {
                return new FileStamp(file.toAbsolutePath().normalize(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
            } catch (IOException e) {
                return null;
            }
        }
    }

    private record Summary(FileStamp stamp, JsonNode summary) {
    }

    /**
     * The last summary read: one launch asks a file for its summary more than once (its table,
     * nodes and columns), and finding it means reading the whole file.
     */
    private static volatile Summary lastSummary;

    /** The columns the file's rows carry when they are not all of the table's (its summary's {@code columns}); null otherwise. */
    public List<String> columns() {
        JsonNode columns = summary().path("columns");
        if (!columns.isArray()) {
            return null;
        }
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add(c.asString()));
        return names;
    }

    /** The --columns or --exclude-columns the file's columns were chosen by (its summary's {@code column_choice}); null when by none. */
    public String columnChoice() {
        JsonNode choice = summary().path("column_choice");
        return choice.isString() ? choice.asString() : null;
    }

    /**
     * Whether the file compared a table without a key as a multiset of whole rows (its summary's
     * {@code compared_as}): its rows then carry every column and their copies, and no key.
     */
    public boolean multiset() {
        return "multiset".equals(summary().path("compared_as").asString(""));
    }

    /** The node whose writes alone the file compared (its summary's {@code against_origin}); null when it compared all rows. */
    public String againstOrigin() {
        JsonNode node = summary().path("against_origin");
        return node.isString() ? node.asString() : null;
    }

    /** The diff file's nodes, after checking that the file is whole and of this table; a usage error otherwise. */
    public List<String> nodesOf(TableName table) {
        JsonNode summary = summary();
        String schema = summary.path("schema").asString("");
        String name = summary.path("table").asString("");
        if (!schema.equals(table.schema()) || !name.equals(table.table())) {
            throw AceException.usage("diff file " + file + " is of table " + schema + "." + name + ", not " + table);
        }
        List<String> nodes = new ArrayList<>();
        summary.path("nodes").forEach(n -> nodes.add(n.asString()));
        if (nodes.size() < 2) {
            throw AceException.usage("diff file " + file + " names fewer than two nodes in summary.nodes");
        }
        return nodes;
    }

    /** Streams every row of every pair, in file order. */
    public void rows(RowHandler handler) {
        parse((p, name) -> {
            if (!name.equals("diffs")) {
                p.skipChildren();
                return;
            }
            expect(p, p.currentToken(), JsonToken.START_OBJECT, "\"diffs\"");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String pair = p.currentName();
                expect(p, p.nextToken(), JsonToken.START_OBJECT, "pair " + pair);
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    if (!p.currentName().equals("rows")) {
                        p.nextToken();
                        p.skipChildren();
                        continue;
                    }
                    expect(p, p.nextToken(), JsonToken.START_OBJECT, "rows of pair " + pair);
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String node = p.currentName();
                        JsonToken list = p.nextToken();
                        if (list == JsonToken.VALUE_NULL) {
                            continue;
                        }
                        expect(p, list, JsonToken.START_ARRAY, "rows of node " + node + " in pair " + pair);
                        while (p.nextToken() == JsonToken.START_OBJECT) {
                            long[] copies = {1};
                            Map<String, Value> values = readRow(p, copies);
                            if (copies[0] < 1) {
                                throw AceException.usage("diff file " + file + " gives a row of node " + node + " in pair " + pair + " "
                                        + copies[0] + " copies (_ace_metadata_.copies); a node listed for a row holds at least one");
                            }
                            try {
                                handler.row(new Row(pair, node, values, copies[0]));
                            } catch (AceException | JacksonException e) {
                                throw e;
                            } catch (Exception e) {
                                throw new IllegalStateException(e.getMessage(), e);
                            }
                        }
                    }
                }
            }
        });
    }

    /** One row object's values as spelled in {@code json} (a row of a diff file or of a stored difference). */
    public static Map<String, Value> row(String json) {
        try (JsonParser p = AceJson.DOCUMENTS.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a row object: " + json);
            }
            return readRow(p);
        }
    }

    /** The values of the row object the parser stands on ({@code START_OBJECT}), up to its end. */
    public static Map<String, Value> readRow(JsonParser p) {
        return readRow(p, null);
    }

    /**
     * The same; with {@code copies} (null for none), its first element is set from the row's
     * {@code _ace_metadata_.copies} when it has one.
     */
    private static Map<String, Value> readRow(JsonParser p, long[] copies) {
        Map<String, Value> values = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String column = p.currentName();
            JsonToken t = p.nextToken();
            if (copies != null && t == JsonToken.START_OBJECT && column.equals(ACE_METADATA)) {
                readCopies(p, copies);
                continue;
            }
            switch (t) {
                case VALUE_NULL -> values.put(column, new Value(Value.Kind.NULL, null));
                case VALUE_STRING -> values.put(column, new Value(Value.Kind.STRING, p.getString()));
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> values.put(column, new Value(Value.Kind.NUMBER, p.getString()));
                case VALUE_TRUE, VALUE_FALSE -> values.put(column, new Value(Value.Kind.BOOLEAN, Boolean.toString(t == JsonToken.VALUE_TRUE)));
                case START_OBJECT, START_ARRAY -> p.skipChildren(); // metadata such as _spock_metadata_
                default -> throw new IllegalStateException("unexpected " + t);
            }
        }
        return values;
    }

    /** Within an {@code _ace_metadata_} object: its {@code copies}, when an integer; every other field is skipped. */
    private static void readCopies(JsonParser p, long[] copies) {
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            if (name.equals("copies") && t == JsonToken.VALUE_NUMBER_INT) {
                copies[0] = p.getLongValue();
            } else {
                p.skipChildren();
            }
        }
    }

    private interface TopLevel {
        void field(JsonParser p, String name) throws IOException;
    }

    private void parse(TopLevel visitor) {
        MessageDigest digest = sha256 == null ? null : Sha256.digest();
        try (InputStream in = digest == null ? Files.newInputStream(file) : new DigestInputStream(Files.newInputStream(file), digest);
             JsonParser p = AceJson.DOCUMENTS.createParser(in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the file");
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                p.nextToken();
                visitor.field(p, name);
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT, "the end of the file");
            if (p.nextToken() != null) {
                throw AceException.usage("diff file " + file + " has data after its closing brace");
            }
            if (digest != null) {
                String read = HexFormat.of().formatHex(digest.digest());
                if (!read.equals(sha256)) {
                    throw DiffFileDigest.changed(file, sha256, read);
                }
            }
        } catch (JacksonException e) {
            // the parser's message may quote the file's content: it is detail, not ours to publish
            throw new AceException(ExitCode.USAGE, "diff file " + file + " is malformed or truncated"
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()),
                    e.getOriginalMessage(), e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw AceException.usage("diff file " + file + " does not exist");
        } catch (IOException e) {
            throw new AceException(ExitCode.USAGE, "cannot read diff file " + file, e.getMessage(), e);
        }
    }

    private void expect(JsonParser p, JsonToken actual, JsonToken wanted, String what) {
        if (actual != wanted) {
            throw AceException.usage("diff file " + file + " is malformed: expected " + what + " to be "
                    + (wanted == JsonToken.START_OBJECT ? "an object" : wanted == JsonToken.START_ARRAY ? "an array" : wanted)
                    + " but found " + actual + " (line " + p.currentLocation().getLineNr() + ")");
        }
    }

    /** Node names of a pair key {@code a/b}. */
    public static List<String> pairNodes(String pair) {
        int slash = pair.indexOf('/');
        List<String> nodes = new ArrayList<>();
        nodes.add(pair.substring(0, slash));
        nodes.add(pair.substring(slash + 1));
        return nodes;
    }
}
