package io.ace.report;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.json.AceJson;
import io.ace.repair.RepairChange;
import io.ace.difffile.DiffFileReader;
import io.ace.difffile.DiffFileReader.Value;
import io.ace.difffile.RowJson;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

/**
 * A repair change as the repair report lists it: node, kind, status, key, and the row before and
 * after. Written once per change, read back for the HTML report with every value's exact spelling.
 */
public final class RepairJson {

    /**
     * A change as read back; {@code before} or {@code after} is null when there was or is no row;
     * {@code copies} a multiset row's counts by name ({@code recorded, found, left, source_recorded,
     * source_found}), null for a row matched by key.
     */
    public record Listed(String node, String kind, String status, List<String> key, Map<String, Value> before,
                         Map<String, Value> after, Map<String, Long> copies) {
    }

    private RepairJson() {
    }

    public static String change(TableShape shape, RepairChange change, String status) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = AceJson.DOCUMENTS.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringProperty("node", change.node());
            g.writeStringProperty("kind", change.kind().name().toLowerCase());
            g.writeStringProperty("status", status);
            g.writeName("key");
            g.writeStartArray();
            for (String k : change.key()) {
                g.writeString(k);
            }
            g.writeEndArray();
            row(g, shape, "before", change.before());
            // after: what the node holds when the repair commits; a planned change of a dry run, what it would hold
            row(g, shape, "after", "planned".equals(status) ? change.after() : change.held());
            RepairChange.Copies copies = change.copies();
            if (copies != null) {
                // a multiset's row, which the file lists for the node or for the source, whatever the node holds of it now,
                // and its copies on the node (as recorded, as found, as left) and on the source
                row(g, shape, "row", change.before() != null ? change.before() : change.after());
                g.writeName("copies");
                g.writeStartObject();
                g.writeNumberProperty("recorded", copies.recorded());
                g.writeNumberProperty("found", copies.found());
                g.writeNumberProperty("left", copies.left());
                g.writeNumberProperty("source_recorded", copies.sourceRecorded());
                g.writeNumberProperty("source_found", copies.sourceFound());
                g.writeEndObject();
            }
            g.writeEndObject();
        }
        return out.toString();
    }

    private static void row(JsonGenerator g, TableShape shape, String name, Map<String, Value> row) {
        g.writeName(name);
        if (row == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Column c : shape.columns()) {
            g.writeName(c.name());
            RowJson.writeValue(g, row.get(c.name()));
        }
        g.writeEndObject();
    }

    public static Listed read(String json) {
        String node = null;
        String kind = null;
        String status = null;
        List<String> key = new ArrayList<>();
        Map<String, Value> before = null;
        Map<String, Value> after = null;
        Map<String, Long> copies = null;
        try (JsonParser p = AceJson.DOCUMENTS.createParser(json)) {
            p.nextToken();
            while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                switch (name) {
                    case "node" -> node = p.getString();
                    case "kind" -> kind = p.getString();
                    case "status" -> status = p.getString();
                    case "key" -> {
                        while (p.nextToken() != JsonToken.END_ARRAY) {
                            key.add(p.getString());
                        }
                    }
                    case "before" -> before = t == JsonToken.VALUE_NULL ? null : DiffFileReader.readRow(p);
                    case "after" -> after = t == JsonToken.VALUE_NULL ? null : DiffFileReader.readRow(p);
                    case "copies" -> {
                        copies = new LinkedHashMap<>();
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String count = p.currentName();
                            p.nextToken();
                            copies.put(count, p.getLongValue());
                        }
                    }
                    default -> p.skipChildren();
                }
            }
        }
        return new Listed(node, kind, status, key, before, after, copies);
    }
}
