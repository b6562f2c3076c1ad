package io.ace.difffile;

import io.ace.files.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import io.ace.catalog.TableShape;
import io.ace.diff.KeyDifference;
import io.ace.diff.NodeRow;
import io.ace.json.AceJson;
import tools.jackson.core.JsonGenerator;

/**
 * Writes the diff file (README, "The diff file") from the stored differences in one streaming pass: each
 * pair's rows go to a temporary file per side, which are then copied into place, so memory
 * does not grow with the number of differences. The file appears under its final name only
 * when complete, and only when something differs.
 */
public final class DiffFileWriter {

    /** Counts per pair, and the first differing keys of each pair for the HTML report. */
    public record Result(Path file, Map<String, Long> diffRowsCount, boolean limitReached,
                         Map<String, List<KeyDifference>> samples, boolean sampleBudgetReached, Map<String, Long> oddNodeCounts) {
        /** The differing rows per pair as a person reads them: {@code n1/n2: 18, n1/n3: 21}. */
        public String pairCountsText() {
            return countsText(diffRowsCount);
        }

        /** The keys on which each node was the odd one out: {@code n2: 17, n3: 1}. */
        public String oddNodeCountsText() {
            return countsText(oddNodeCounts);
        }

        /** Counts by name as a person reads them: {@code n1/n2: 1,018, n1/n3: 21}. */
        public static String countsText(Map<String, Long> counts) {
            StringBuilder text = new StringBuilder();
            counts.forEach((k, v) -> text.append(text.isEmpty() ? "" : ", ").append(k).append(": ").append(String.format("%,d", v)));
            return text.toString();
        }

        public long total() {
            return diffRowsCount.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final TableShape shape;
    private final int samplePerPair;

    public DiffFileWriter(TableShape shape, int samplePerPair) {
        this.shape = shape;
        this.samplePerPair = samplePerPair;
    }

    /**
     * Writes {@code target}; {@code summary} receives the counts and returns the summary, a record
     * whose components are its fields (built whether or not a file is written). The result's file
     * is null when no pair differs (nothing is left on disk then).
     */
    public Result write(Path target, List<String> nodes, long maxDiffRows, DifferenceSource source,
                        Function<Result, ?> summary) throws IOException {
        List<NodePair> pairs = NodePair.of(nodes);
        Path work = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".ace-diff-");
        Map<NodePair, PairRows> rows = new LinkedHashMap<>();
        try {
            for (NodePair pair : pairs) {
                // each pair's listing gets its share of the budget, as it gets its share of the rows
                rows.put(pair, new PairRows(work, pair, new ListingBudget(ListingBudget.DEFAULT_CHARS / pairs.size())));
            }
            Map<String, Long> odd = new TreeMap<>();
            IOException[] failure = {null};
            source.forEach(d -> {
                if (failure[0] != null) {
                    return;
                }
                boolean counted = false;
                for (NodePair pair : pairs) {
                    if (!differs(d, pair)) {
                        continue;
                    }
                    try {
                        rows.get(pair).add(d, maxDiffRows, samplePerPair);
                    } catch (IOException | RuntimeException e) {
                        failure[0] = e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                    }
                    String o = d.oddNode();
                    if (o != null && !counted) {
                        // a key differs in several pairs but has one odd node: count it once
                        odd.merge(o, 1L, Long::sum);
                        counted = true;
                    }
                }
            });
            if (failure[0] != null) {
                throw failure[0];
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, List<KeyDifference>> samples = new LinkedHashMap<>();
            boolean limited = false;
            for (PairRows pr : rows.values()) {
                pr.close();
                if (pr.count > 0) {
                    counts.put(pr.pair.key(), pr.count);
                    samples.put(pr.pair.key(), pr.sample);
                }
                limited |= pr.limited;
            }
            boolean budgetReached = rows.values().stream().anyMatch(pr -> pr.budget.reached());
            Result result = new Result(counts.isEmpty() ? null : target, counts, limited, samples, budgetReached, odd);
            Object summarized = summary.apply(result);
            if (counts.isEmpty()) {
                return result;
            }
            Path partial = work.resolve("diff.json");
            try (OutputStream out = PrivateFiles.newOutputStream(partial)) {
                out.write("{\"diffs\":{".getBytes(StandardCharsets.UTF_8));
                boolean first = true;
                for (PairRows pr : rows.values()) {
                    if (pr.count == 0) {
                        continue;
                    }
                    String head = (first ? "" : ",") + json(pr.pair.key()) + ":{\"rows\":{" + json(pr.pair.a()) + ":";
                    out.write(head.getBytes(StandardCharsets.UTF_8));
                    Files.copy(pr.fileA, out);
                    out.write(("," + json(pr.pair.b()) + ":").getBytes(StandardCharsets.UTF_8));
                    Files.copy(pr.fileB, out);
                    out.write("}}".getBytes(StandardCharsets.UTF_8));
                    first = false;
                }
                out.write(("},\"summary\":" + AceJson.DOCUMENTS.writeValueAsString(summarized) + "}\n").getBytes(StandardCharsets.UTF_8));
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return result;
        } finally {
            for (PairRows pr : rows.values()) {
                pr.close();
            }
            try (var files = Files.list(work)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    private static String json(String text) {
        return AceJson.DOCUMENTS.writeValueAsString(text);
    }

    /**
     * Whether the two nodes of a pair disagree on a key (a node without the row disagrees with one
     * that has it; in a multiset, so does one with another number of copies).
     */
    private static boolean differs(KeyDifference d, NodePair pair) {
        NodeRow a = d.rows().get(pair.a());
        NodeRow b = d.rows().get(pair.b());
        return a == null || b == null ? a != b : a.hash() != b.hash() || a.copies() != b.copies();
    }

    /** One pair's rows, each side a JSON array in a file of its own, written by one generator. */
    private final class PairRows {
        private final NodePair pair;
        private final Path fileA;
        private final Path fileB;
        private final JsonGenerator a;
        private final JsonGenerator b;
        private final List<KeyDifference> sample = new ArrayList<>();
        private final ListingBudget budget;
        private long count;
        private boolean limited;
        private boolean closed;

        PairRows(Path dir, NodePair pair, ListingBudget budget) throws IOException {
            this.pair = pair;
            this.budget = budget;
            this.fileA = Files.createTempFile(dir, "a", ".json");
            this.fileB = Files.createTempFile(dir, "b", ".json");
            this.a = side(fileA);
            this.b = side(fileB);
        }

        private JsonGenerator side(Path file) throws IOException {
            BufferedWriter out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), 1 << 16);
            JsonGenerator g = AceJson.DOCUMENTS.createGenerator(out);
            g.writeStartArray();
            return g;
        }

        void add(KeyDifference d, long max, int samplePerPair) throws IOException {
            if (max > 0 && count >= max) {
                limited = true;
                return;
            }
            count++;
            write(a, d, pair.a());
            write(b, d, pair.b());
            if (sample.size() < samplePerPair && budget.take(chars(d))) {
                sample.add(d);
            }
        }

        /** What listing this difference costs: the key and both sides' values. */
        private long chars(KeyDifference d) {
            long chars = ListingBudget.charsOf(d.key());
            for (String node : List.of(pair.a(), pair.b())) {
                NodeRow row = d.rows().get(node);
                chars += row == null ? 0 : ListingBudget.charsOf(row.values());
            }
            return chars;
        }

        private void write(JsonGenerator g, KeyDifference d, String node) {
            NodeRow row = d.rows().get(node);
            if (row != null) {
                // the odd node and the row's origin go beside the columns as metadata; repair ignores it
                RowJson.write(g, shape, row.values(), d.oddNode(), row.origin(), row.relation(),
                        shape.keyColumns().isEmpty() ? row.copies() : null);
            }
        }

        void close() throws IOException {
            if (!closed) {
                closed = true;
                a.writeEndArray();
                a.close();
                b.writeEndArray();
                b.close();
            }
        }
    }
}
