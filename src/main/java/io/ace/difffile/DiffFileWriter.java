package io.ace.difffile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the diff file (README, "The diff file") from the stored differences in one streaming pass: each
 * pair's rows go to a temporary file per side, which are then copied into place, so memory
 * does not grow with the number of differences. The file appears under its final name only
 * when complete, and only when something differs.
 */
public final class DiffFileWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Counts per pair, the first differing keys of each pair for the HTML report, and the summary written. */
    public record Result(Path file, Map<String, Long> diffRowsCount, boolean limitReached,
                         Map<String, List<JsonNode>> samples, Map<String, Long> oddNodeCounts, Map<String, Object> summary) {
        public long total() {
            return diffRowsCount.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final int samplePerPair;

    public DiffFileWriter(int samplePerPair) {
        this.samplePerPair = samplePerPair;
    }

    /**
     * Writes {@code target}; {@code summary} receives the counts and returns the summary object
     * (built whether or not a file is written). The result's file is null when no pair differs
     * (nothing is left on disk then).
     */
    public Result write(Path target, List<String> nodes, long maxDiffRows, DifferenceSource source,
                        Function<Result, Map<String, Object>> summary) throws IOException {
        List<NodePair> pairs = NodePair.of(nodes);
        Path work = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".ace-diff-");
        Map<NodePair, PairRows> rows = new LinkedHashMap<>();
        try {
            for (NodePair pair : pairs) {
                rows.put(pair, new PairRows(work, pair));
            }
            Map<String, Long> odd = new TreeMap<>();
            IOException[] failure = {null};
            source.forEach(json -> {
                if (failure[0] != null) {
                    return;
                }
                JsonNode d = DifferenceJson.read(json);
                boolean counted = false;
                for (NodePair pair : pairs) {
                    if (!DifferenceJson.differs(d, pair.a(), pair.b())) {
                        continue;
                    }
                    try {
                        rows.get(pair).add(d, maxDiffRows, samplePerPair);
                    } catch (IOException e) {
                        failure[0] = e;
                    }
                    String o = DifferenceJson.oddNode(d);
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
            Map<String, List<JsonNode>> samples = new LinkedHashMap<>();
            boolean limited = false;
            for (PairRows pr : rows.values()) {
                pr.close();
                if (pr.count > 0) {
                    counts.put(pr.pair.key(), pr.count);
                    samples.put(pr.pair.key(), pr.sample);
                }
                limited |= pr.limited;
            }
            Result counted = new Result(counts.isEmpty() ? null : target, counts, limited, samples, odd, Map.of());
            Result result = new Result(counted.file(), counts, limited, samples, odd, summary.apply(counted));
            if (counts.isEmpty()) {
                return result;
            }
            Path partial = work.resolve("diff.json");
            try (OutputStream out = Files.newOutputStream(partial)) {
                out.write("{\"diffs\":{".getBytes(StandardCharsets.UTF_8));
                boolean first = true;
                for (PairRows pr : rows.values()) {
                    if (pr.count == 0) {
                        continue;
                    }
                    String head = (first ? "" : ",") + json(pr.pair.key()) + ":{\"rows\":{" + json(pr.pair.a()) + ":[";
                    out.write(head.getBytes(StandardCharsets.UTF_8));
                    Files.copy(pr.fileA, out);
                    out.write(("]," + json(pr.pair.b()) + ":[").getBytes(StandardCharsets.UTF_8));
                    Files.copy(pr.fileB, out);
                    out.write("]}}".getBytes(StandardCharsets.UTF_8));
                    first = false;
                }
                out.write(("},\"summary\":" + MAPPER.writeValueAsString(result.summary()) + "}\n").getBytes(StandardCharsets.UTF_8));
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
        return MAPPER.writeValueAsString(text);
    }

    /** One pair's rows, each side in a file of comma-separated JSON objects. */
    private static final class PairRows {
        private final NodePair pair;
        private final Path fileA;
        private final Path fileB;
        private final Writer a;
        private final Writer b;
        private final List<JsonNode> sample = new ArrayList<>();
        private long count;
        private long writtenA;
        private long writtenB;
        private boolean limited;
        private boolean closed;

        PairRows(Path dir, NodePair pair) throws IOException {
            this.pair = pair;
            this.fileA = Files.createTempFile(dir, "a", ".json");
            this.fileB = Files.createTempFile(dir, "b", ".json");
            this.a = new BufferedWriter(Files.newBufferedWriter(fileA, StandardCharsets.UTF_8), 1 << 16);
            this.b = new BufferedWriter(Files.newBufferedWriter(fileB, StandardCharsets.UTF_8), 1 << 16);
        }

        void add(JsonNode d, long max, int samplePerPair) throws IOException {
            if (max > 0 && count >= max) {
                limited = true;
                return;
            }
            count++;
            writtenA = write(a, writtenA, d, pair.a());
            writtenB = write(b, writtenB, d, pair.b());
            if (sample.size() < samplePerPair) {
                sample.add(d);
            }
        }

        private static long write(Writer w, long written, JsonNode d, String node) throws IOException {
            String row = DifferenceJson.row(d, node);
            if (row == null) {
                return written;
            }
            String o = DifferenceJson.oddNode(d);
            if (o != null && row.endsWith("}")) {
                // metadata beside the columns, as pgEdge ACE does with _spock_metadata_; repair ignores it
                row = row.substring(0, row.length() - 1) + (row.length() > 2 ? "," : "")
                        + "\"_ace_metadata_\":{\"odd_node\":" + json(o) + "}}";
            }
            if (written > 0) {
                w.write(',');
            }
            w.write(row);
            return written + 1;
        }

        void close() throws IOException {
            if (!closed) {
                closed = true;
                a.close();
                b.close();
            }
        }
    }
}
