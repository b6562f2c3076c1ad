package io.ace.operation.schemadiff;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ace.batch.tableset.TableSetOutcome;
import io.ace.report.RunStamp;
import io.ace.report.StampedSummary;
import io.ace.report.SummaryDocument;
import io.ace.report.TableLine;
import io.ace.schemadiff.SchemaComparison;
import io.ace.schemadiff.SchemaObject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The summary of a schema-diff run, as its summary file states it.
 *
 * @param objects               objects of the schema per node that has it
 * @param definitionDifferences objects defined differently or missing, over every pair
 * @param counts                the tables whose data was compared, by status; null when only definitions were
 */
record SchemaDiffSummary(String cluster, String schema, List<String> nodes, Map<String, Integer> objects, List<String> schemaMissingOn,
                         int definitionDifferences, boolean ddlOnly, @JsonUnwrapped TableSetOutcome.Counts counts,
                         @JsonUnwrapped RunStamp run) implements StampedSummary {

    /**
     * The summary file: the summary, the definitions that differ per node pair, then the tables
     * whose data was compared (none when only definitions were).
     */
    record Document(SchemaDiffSummary summary, List<Pair> pairs, @JsonInclude(JsonInclude.Include.NON_NULL) List<TableLine> tables)
            implements SummaryDocument {
    }

    /**
     * One node pair ({@code n1/n2}): the objects only one side has, under {@code only_on_<node>}
     * for each side, and those both define otherwise.
     */
    @JsonPropertyOrder({"pair", "onlyOn", "differing"})
    record Pair(String pair, @JsonAnyGetter Map<String, List<SchemaObject>> onlyOn, List<Differing> differing) {

        static Pair of(SchemaComparison.Pair p) {
            Map<String, List<SchemaObject>> onlyOn = new LinkedHashMap<>();
            onlyOn.put("only_on_" + p.a(), p.onlyOnA());
            onlyOn.put("only_on_" + p.b(), p.onlyOnB());
            return new Pair(p.a() + "/" + p.b(), onlyOn, p.changed().stream().map(c -> Differing.of(p, c)).toList());
        }
    }

    /** An object both nodes of a pair define otherwise: each node's definition under the node's name. */
    record Differing(String kind, String name, @JsonAnyGetter Map<String, String> definitions) {

        static Differing of(SchemaComparison.Pair p, SchemaComparison.Changed c) {
            Map<String, String> definitions = new LinkedHashMap<>();
            definitions.put(p.a(), c.definitionOnA());
            definitions.put(p.b(), c.definitionOnB());
            return new Differing(c.kind(), c.name(), definitions);
        }
    }
}
