package io.ace.difffile;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import java.io.StringWriter;
import java.math.BigInteger;
import java.util.List;
import java.util.Set;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

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

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RowJson() {
    }

    /** The row as a JSON object, columns in table order. */
    public static String toJson(TableShape shape, List<String> values) {
        StringWriter out = new StringWriter(64 * values.size());
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            List<Column> columns = shape.columns();
            for (int i = 0; i < columns.size(); i++) {
                g.writeName(columns.get(i).name());
                writeValue(g, columns.get(i), values.get(i));
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    public static void writeValue(JsonGenerator g, Column column, String text) {
        if (text == null) {
            g.writeNull();
            return;
        }
        String type = column.array() ? "" : column.baseType();
        if (INTEGERS.contains(type)) {
            if (new BigInteger(text).abs().compareTo(MAX_SAFE) <= 0) {
                g.writeNumber(text);
            } else {
                g.writeString(text);
            }
        } else if (FLOATS.contains(type)) {
            if (text.equals("NaN") || text.endsWith("Infinity")) {
                g.writeString(text);
            } else {
                g.writeNumber(text);
            }
        } else if (type.equals("bool")) {
            g.writeBoolean(text.equals("true") || text.equals("t"));
        } else if (type.equals("timestamptz")) {
            g.writeString(rfc3339(text));
        } else {
            g.writeString(text);
        }
    }

    /** {@code 2025-07-22 12:00:00.123456+00} (TimeZone=UTC, DateStyle=ISO) as {@code 2025-07-22T12:00:00.123456Z}. */
    static String rfc3339(String text) {
        if (text.length() < 20 || text.endsWith(" BC") || !text.endsWith("+00")) {
            return text; // infinity, BC dates: kept as PostgreSQL prints them
        }
        return text.substring(0, 10) + "T" + text.substring(11, text.length() - 3) + "Z";
    }
}
