package io.ace.report;

import java.util.List;

/**
 * The HTML report of schema-diff: per node pair, the objects each side lacks and the objects
 * defined otherwise (both definitions and their line diff); then, unless only definitions were
 * compared, one line per table whose data was compared.
 *
 * @param nodes  one fact per node (objects in the schema, or that it lacks the schema)
 * @param pairs  one per node pair
 * @param tables the data comparison's lines, or null when only definitions were compared
 */
public record SchemaReport(String schema, String verdict, boolean bad, String sub, List<Fact> nodes, List<Pair> pairs,
                           List<TableLine> tables, List<Fact> run, String generatedBy) {

    /** An object one side of a pair lacks. */
    public record Object(String kind, String name, String definition) {
    }

    /** An object both sides define, otherwise. */
    public record Changed(String kind, String name, String definitionOnA, String definitionOnB, List<LineDiff.Line> lines) {
    }

    public record Pair(String a, String b, List<Object> onlyOnA, List<Object> onlyOnB, List<Changed> changed) {

        public int differences() {
            return onlyOnA.size() + onlyOnB.size() + changed.size();
        }

        public String anchor() {
            return "pair-" + a + "-" + b;
        }
    }
}
