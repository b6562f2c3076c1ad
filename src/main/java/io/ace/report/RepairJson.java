package io.ace.report;

import io.ace.catalog.Column;
import io.ace.catalog.TableShape;
import io.ace.repair.RepairChange;
import io.ace.difffile.DiffFileReader.Value;
import io.ace.difffile.RowJson;
import java.io.StringWriter;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/** A repair change as the repair report lists it: node, kind, status, key, and the row before and after. */
public final class RepairJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private RepairJson() {
    }

    public static String change(TableShape shape, RepairChange change, String status) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = MAPPER.createGenerator(out)) {
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
            row(g, shape, "after", change.after());
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
}
