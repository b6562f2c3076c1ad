package io.ace.difffile;

import io.ace.catalog.TableShape;
import io.ace.diff.KeyDifference;
import io.ace.diff.NodeRow;
import java.io.StringWriter;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A differing key as stored between steps: {@code {"key":[..],"odd":node,"nodes":{"n1":{"hash":"..","row":"{..}"}}}}.
 * Each row is the diff file's JSON text for it, copied into the report verbatim.
 */
public final class DifferenceJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private DifferenceJson() {
    }

    public static String write(TableShape shape, KeyDifference difference) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
            g.writeStartObject();
            g.writeName("key");
            g.writeStartArray();
            for (String k : difference.key()) {
                g.writeString(k);
            }
            g.writeEndArray();
            if (difference.oddNode() != null) {
                g.writeName("odd");
                g.writeString(difference.oddNode());
            }
            g.writeName("nodes");
            g.writeStartObject();
            for (Map.Entry<String, NodeRow> e : difference.rows().entrySet()) {
                g.writeName(e.getKey());
                g.writeStartObject();
                g.writeName("hash");
                g.writeString(Long.toString(e.getValue().hash()));
                g.writeName("row");
                // kept as text: a parse and re-print would change number spellings such as -0 or 1e+100
                g.writeString(RowJson.toJson(shape, e.getValue().values()));
                g.writeEndObject();
            }
            g.writeEndObject();
            g.writeEndObject();
        }
        return out.toString();
    }

    /** Every difference of a unit, in order. */
    public static java.util.List<String> writeAll(TableShape shape, java.util.List<KeyDifference> differences) {
        return differences.stream().map(d -> write(shape, d)).toList();
    }

    public static JsonNode read(String json) {
        return MAPPER.readTree(json);
    }

    /** The row of {@code node} as diff-file JSON text, or null when the node lacks the row. */
    public static String row(JsonNode difference, String node) {
        JsonNode n = difference.get("nodes").get(node);
        return n == null ? null : n.get("row").asString();
    }

    /** The key's column values as text. */
    public static java.util.List<String> key(JsonNode difference) {
        java.util.List<String> key = new java.util.ArrayList<>();
        difference.get("key").forEach(k -> key.add(k.asString()));
        return key;
    }

    public static String oddNode(JsonNode difference) {
        JsonNode odd = difference.get("odd");
        return odd == null ? null : odd.asString();
    }

    /** Whether nodes {@code a} and {@code b} disagree on the stored key. */
    public static boolean differs(JsonNode difference, String a, String b) {
        JsonNode na = difference.get("nodes").get(a);
        JsonNode nb = difference.get("nodes").get(b);
        if (na == null || nb == null) {
            return na != nb;
        }
        return !na.get("hash").asString().equals(nb.get("hash").asString());
    }
}
