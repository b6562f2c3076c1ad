package io.ace.report;

import io.ace.catalog.Column;
import io.ace.diff.DiffPlan;
import io.ace.diff.KeyDifference;
import io.ace.diff.NodeRow;
import io.ace.difffile.DiffFileReader.Value;
import io.ace.difffile.DiffFileWriter;
import io.ace.difffile.NodePair;
import io.ace.difffile.RowJson;
import io.ace.findings.BlockRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Set;

/**
 * Everything the table-diff HTML report shows: the verdict, who compared what (run facts, nodes,
 * settings), differing rows per node pair as a table and as a node-by-node matrix, which node
 * is the odd one out, where in the key space the differences lie, and the differing rows of
 * each pair with both sides' values column by column. At most {@code maxRows} rows are listed,
 * shared fairly among the pairs; the diff file keeps every row.
 */
public record DiffReport(String table, List<Fact> run, List<Fact> settings, List<Node> nodes, List<MatrixRow> matrix,
                         List<Pair> pairs, List<String> columns, KeySpaceChart chart, long total, boolean limitReached,
                         int maxRows, boolean budgetReached, long rowsChecked, String started, String took, String generatedBy,
                         List<String> keyColumns) {

    /** Summary fields shown in tables of their own rather than among the settings. */
    private static final Set<String> SHOWN_ELSEWHERE = Set.of("schema", "table", "nodes", "diff_rows_count", "odd_node_counts");

    /**
     * A compared node.
     *
     * @param rows      rows it held in the compared key space
     * @param oddOneOut keys on which it alone differed while all other nodes agreed (three or more nodes)
     */
    public record Node(String name, String connection, long rows, long oddOneOut) {
    }

    /** One node's line of the pair matrix: a cell per node, null on the diagonal. */
    public record MatrixRow(String node, List<Long> counts) {
    }

    /** A compared pair: its differing rows (all, as the diff file counts them) and those listed here. */
    public record Pair(String key, String a, String b, long count, List<Row> rows) {
        public boolean truncated() {
            return count > rows.size();
        }

        /** An HTML id for the pair's table. */
        public String anchor() {
            return "pair-" + a + "-" + b;
        }
    }

    /** A differing key: its values, the odd node out if there is one, and both sides of the pair. */
    public record Row(List<ShownValue> key, String keyText, String oddNode, RowComparison sides) {
    }

    public static DiffReport of(Map<String, String> run, Map<String, String> connections, List<Column> columns,
                                DiffFileWriter.Result result, DiffSummary summary, List<BlockRecord> blocks, DiffPlan plan, int maxRows) {
        List<String> names = List.copyOf(connections.keySet());
        Map<String, Long> rows = new LinkedHashMap<>();
        blocks.forEach(b -> b.rowsPerNode().forEach((n, c) -> rows.merge(n, c, Long::sum)));
        List<Node> nodes = new ArrayList<>();
        connections.forEach((n, c) -> nodes.add(new Node(n, c, rows.getOrDefault(n, 0L), result.oddNodeCounts().getOrDefault(n, 0L))));

        List<NodePair> compared = NodePair.of(names);
        List<List<KeyDifference>> samples = compared.stream().map(p -> result.samples().getOrDefault(p.key(), List.of())).toList();
        Set<List<String>> keys = ListedKeys.of(samples, maxRows);
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            NodePair p = compared.get(i);
            List<Row> listed = new ArrayList<>();
            for (KeyDifference d : samples.get(i)) {
                if (keys.contains(d.key())) {
                    listed.add(summary.primaryKey().isEmpty() ? multisetRow(d, p, columns) : row(d, p, columns));
                }
            }
            pairs.add(new Pair(p.key(), p.a(), p.b(), result.diffRowsCount().getOrDefault(p.key(), 0L), listed));
        }

        List<MatrixRow> matrix = new ArrayList<>();
        for (String x : names) {
            List<Long> counts = new ArrayList<>();
            for (String y : names) {
                counts.add(x.equals(y) ? null : result.diffRowsCount().getOrDefault(new NodePair(min(x, y), max(x, y)).key(), 0L));
            }
            matrix.add(new MatrixRow(x, counts));
        }
        List<Fact> runFacts = new ArrayList<>();
        run.forEach((k, v) -> runFacts.add(new Fact(k, v)));
        return new DiffReport(summary.schema() + "." + summary.table(), runFacts, Fact.of(summary.fields(), SHOWN_ELSEWHERE),
                nodes, matrix, pairs, columns.stream().map(Column::name).toList(), KeySpaceChart.of(blocks, plan), result.total(), result.limitReached(), maxRows,
                result.sampleBudgetReached(), summary.totalRowsChecked(), summary.startTime(), summary.timeTaken(),
                run.getOrDefault("Tool version", "ACE"), summary.primaryKey());
    }

    private static Row row(KeyDifference difference, NodePair pair, List<Column> columns) {
        List<String> key = difference.key();
        return new Row(ShownValue.texts(key), String.join(", ", key), difference.oddNode(), RowComparison.of(
                columns.stream().map(Column::name).toList(), values(difference, pair.a(), columns), values(difference, pair.b(), columns)));
    }

    /** A multiset's row: in place of a key, how many copies of it each side of the pair holds. */
    private static Row multisetRow(KeyDifference difference, NodePair pair, List<Column> columns) {
        String copies = copies(difference, pair.a()) + " on " + pair.a() + ", " + copies(difference, pair.b()) + " on " + pair.b();
        return new Row(ShownValue.texts(List.of(copies)), difference.key().get(0) + " " + copies, difference.oddNode(), RowComparison.of(
                columns.stream().map(Column::name).toList(), values(difference, pair.a(), columns), values(difference, pair.b(), columns)));
    }

    private static String copies(KeyDifference difference, String node) {
        NodeRow row = difference.rows().get(node);
        long n = row == null ? 0 : row.copies();
        return n == 1 ? "1 copy" : n + " copies";
    }

    /** Whether the table was compared as a multiset of whole rows (it has no key), which a repair plan cannot address. */
    public boolean multiset() {
        return keyColumns.isEmpty();
    }

    /** A node's row as the diff file records its values, or null when the node lacks it. */
    private static Map<String, Value> values(KeyDifference difference, String node, List<Column> columns) {
        NodeRow row = difference.rows().get(node);
        if (row == null) {
            return null;
        }
        Map<String, Value> values = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i).name(), RowJson.value(columns.get(i), row.values().get(i)));
        }
        return values;
    }

    private static String min(String x, String y) {
        return x.compareTo(y) <= 0 ? x : y;
    }

    private static String max(String x, String y) {
        return x.compareTo(y) <= 0 ? y : x;
    }

    /**
     * A repair plan to start from, for the keys this report lists: each key a row override that
     * skips it, with the pairs where it differs, for its reader to give each its action
     * (README, "Repair plans"). Values are YAML double-quoted strings, which every key's text can be.
     */
    public String starterPlan() {
        StringBuilder plan = new StringBuilder("# A starter repair plan for the keys listed in this report: give each its action\n"
                + "# (keep, apply_from, delete, bidirectional, custom, coalesce, latest), then run\n"
                + "#   ace table-repair " + table + " --diff-file <the diff file> --repair-plan <this file> --dry-run\n"
                + "version: 1\ndefault: skip\nrows:\n");
        Map<List<ShownValue>, List<String>> keys = new LinkedHashMap<>();
        Map<List<ShownValue>, List<String>> texts = new LinkedHashMap<>();
        for (Pair p : pairs) {
            for (Row r : p.rows()) {
                keys.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(p.a() + "/" + p.b() + (r.sides().onlyA() ? " only on " + p.a()
                        : r.sides().onlyB() ? " only on " + p.b() : " changed"));
                texts.putIfAbsent(r.key(), r.key().stream().map(ShownValue::text).toList());
            }
        }
        keys.forEach((key, where) -> {
            List<String> values = texts.get(key);
            List<String> fields = new ArrayList<>();
            for (int i = 0; i < keyColumns.size() && i < values.size(); i++) {
                fields.add(yamlString(keyColumns.get(i)) + ": " + yamlString(values.get(i)));
            }
            plan.append("  - key: {").append(String.join(", ", fields)).append("}\n    action: skip    # ")
                    .append(String.join("; ", where).replaceAll("[\\r\\n]", " ")).append('\n');
        });
        return plan.toString();
    }

    private static String yamlString(String text) {
        StringBuilder s = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> s.append(ch < 0x20 ? String.format("\\x%02x", (int) ch) : String.valueOf(ch));
            }
        }
        return s.append('"').toString();
    }

    /** Pairs that differ. */
    public long differingPairs() {
        return pairs.stream().filter(p -> p.count() > 0).count();
    }

    /** Rows listed in this report, over all pairs. */
    public long listed() {
        return pairs.stream().mapToLong(p -> p.rows().size()).sum();
    }

    /** The distinct keys listed: what the cap counts. */
    public long keysListed() {
        return pairs.stream().flatMap(p -> p.rows().stream()).map(Row::key).distinct().count();
    }

    /** Whether the row cap left rows out of this report. */
    public boolean capped() {
        return pairs.stream().anyMatch(Pair::truncated);
    }

    /** Whether any node was the odd one out (three or more nodes compared). */
    public boolean hasOddNodes() {
        return nodes.stream().anyMatch(n -> n.oddOneOut() > 0);
    }
}
