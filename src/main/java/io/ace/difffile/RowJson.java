package io.ace.difffile;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.diff.RowOrigin;
import io.ace.json.AceJson;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonGenerator;

/**
 * Writes a row's values (PostgreSQL text) as JSON that round-trips exactly into a repair
 * (README, "The diff file"): integers as numbers (beyond 2^53 as strings), floats with their shortest
 * exact digits (NaN and infinities as strings), numeric as strings with all digits,
 * timestamptz in RFC 3339, booleans as booleans, everything else as its PostgreSQL text.
 */
public final class RowJson {

    private static final Set<String> INTEGERS = Set.of("int2", "int4", "int8", "oid");
    private static final Set<String> FLOATS = Set.of("float4", "float8");
    private static final BigInteger MAX_SAFE = BigInteger.valueOf(9007199254740992L);

    private RowJson() {
    }

    /** The row as a JSON object, columns in table order. */
    public static String toJson(TableShape shape, List<String> values) {
        StringWriter out = new StringWriter(64 * values.size());
        try (JsonGenerator g = AceJson.DOCUMENTS.createGenerator(out)) {
            write(g, shape, values, null, null, null, null);
        }
        return out.toString();
    }

    /**
     * Writes the row as a JSON object, columns in table order; with an odd node, a relation (the
     * partition or inheritance child that holds the row) or a multiset's copies (how many identical
     * copies the node holds), an {@code _ace_metadata_} object after the columns gives them; with an origin, a
     * {@code _spock_metadata_} object gives its commit time and origin as pgEdge ACE does (repair
     * ignores metadata objects).
     */
    public static void write(JsonGenerator g, TableShape shape, List<String> values, String oddNode, RowOrigin origin, String relation,
                             Long copies) {
        g.writeStartObject();
        List<Column> columns = shape.columns();
        for (int i = 0; i < columns.size(); i++) {
            g.writeName(columns.get(i).name());
            writeValue(g, columns.get(i), values.get(i));
        }
        if (oddNode != null || relation != null || copies != null) {
            g.writeName("_ace_metadata_");
            g.writeStartObject();
            if (copies != null) {
                g.writeNumberProperty("copies", copies);
            }
            if (oddNode != null) {
                g.writeStringProperty("odd_node", oddNode);
            }
            if (relation != null) {
                g.writeStringProperty("relation", relation);
            }
            g.writeEndObject();
        }
        if (origin != null) {
            g.writeName("_spock_metadata_");
            g.writeStartObject();
            g.writeName("commit_ts");
            if (origin.commitTs() == null) {
                g.writeNull();
            } else {
                g.writeString(rfc3339(origin.commitTs()));
            }
            g.writeStringProperty("node_origin", origin.node());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    public static void writeValue(JsonGenerator g, Column column, String text) {
        writeValue(g, value(column, text));
    }

    /** A value as the JSON its kind asks for: a number's digits, a boolean, a string, or null. */
    public static void writeValue(JsonGenerator g, DiffFileReader.Value v) {
        switch (v.kind()) {
            case NULL -> g.writeNull();
            case NUMBER -> g.writeNumber(v.text());
            case BOOLEAN -> g.writeBoolean(Boolean.parseBoolean(v.text()));
            case STRING -> g.writeString(v.text());
        }
    }

    /**
     * A column's value as a diff file records it (see {@link #writeValue}), from the text the node
     * printed; null text is SQL NULL.
     */
    public static DiffFileReader.Value value(Column column, String text) {
        if (text == null) {
            return new DiffFileReader.Value(DiffFileReader.Value.Kind.NULL, null);
        }
        String type = column.array() ? "" : column.baseType();
        boolean finiteFloat = FLOATS.contains(type) && !text.equals("NaN") && !text.endsWith("Infinity");
        if (INTEGERS.contains(type) && (text.length() <= 15 || new BigInteger(text).abs().compareTo(MAX_SAFE) <= 0) || finiteFloat) {
            return new DiffFileReader.Value(DiffFileReader.Value.Kind.NUMBER, text);
        }
        if (type.equals("bool")) {
            return new DiffFileReader.Value(DiffFileReader.Value.Kind.BOOLEAN, Boolean.toString(text.equals("true") || text.equals("t")));
        }
        return new DiffFileReader.Value(DiffFileReader.Value.Kind.STRING, type.equals("timestamptz") ? rfc3339(text) : text);
    }

    /** {@code 2025-07-22 12:00:00.123456+00} (TimeZone=UTC, DateStyle=ISO) as {@code 2025-07-22T12:00:00.123456Z}. */
    public static String rfc3339(String text) {
        if (text.length() < 20 || text.endsWith(" BC") || !text.endsWith("+00")) {
            return text; // infinity, BC dates: kept as PostgreSQL prints them
        }
        return text.substring(0, 10) + "T" + text.substring(11, text.length() - 3) + "Z";
    }
}
