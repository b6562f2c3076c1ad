package io.ace.report;

import io.ace.difffile.DiffFileWriter;
import io.ace.diff.KeyDifference;
import io.ace.diff.NodeRow;
import io.ace.findings.BlockRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the HTML audit report shows: run metadata for auditors, the summary, the first
 * differing rows of each pair with changed columns marked, and where in the key space the
 * mismatched blocks lie.
 */
public record DiffReport(Map<String, Object> summary, Map<String, String> metadata, Map<String, String> nodes,
                         List<String> columns, List<Pair> pairs, List<BlockRecord> blocks) {

    /** One differing key of a pair: both sides' values as displayed, and which columns differ. */
    public record Row(String key, String oddNode, Map<String, String> a, Map<String, String> b, Set<String> changed) {
        public boolean onlyA() {
            return b == null;
        }

        public boolean onlyB() {
            return a == null;
        }
    }

    public record Pair(String key, String a, String b, long count, boolean truncated, List<Row> rows) {
    }

    public static List<Pair> pairs(DiffFileWriter.Result result, List<String> columns) {
        List<Pair> pairs = new ArrayList<>();
        result.samples().forEach((pairKey, sample) -> {
            String[] ab = pairKey.split("/", 2);
            List<Row> rows = new ArrayList<>();
            for (KeyDifference d : sample) {
                Map<String, String> a = display(columns, d.rows().get(ab[0]));
                Map<String, String> b = display(columns, d.rows().get(ab[1]));
                Set<String> changed = new LinkedHashSet<>();
                for (String c : columns) {
                    if (a == null || b == null || !java.util.Objects.equals(a.get(c), b.get(c))) {
                        changed.add(c);
                    }
                }
                rows.add(new Row(String.join(", ", d.key()), d.oddNode(), a, b, changed));
            }
            long count = result.diffRowsCount().get(pairKey);
            pairs.add(new Pair(pairKey, ab[0], ab[1], count, count > rows.size(), rows));
        });
        return pairs;
    }

    /** A row's values as the node printed them, NULL spelled out; null when the node lacks the row. */
    private static Map<String, String> display(List<String> columns, NodeRow row) {
        if (row == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            String v = row.values().get(i);
            values.put(columns.get(i), v == null ? "NULL" : v);
        }
        return values;
    }
}
