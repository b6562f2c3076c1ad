package io.ace.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import tools.jackson.core.JsonEncoding;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the diff file (DESIGN.md §3) by streaming the stored differences: per node pair one
 * pass per side, so memory does not grow with the number of differences. The file appears
 * under its final name only when complete, and only when something differs.
 */
public final class DiffFileWriter {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Counts per pair, and the first differing keys of each pair for the HTML report. */
    public record Result(Path file, Map<String, Long> diffRowsCount, boolean limitReached,
                         Map<String, List<JsonNode>> samples, Map<String, Long> oddNodeCounts) {
        public long total() {
            return diffRowsCount.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final int samplePerPair;

    public DiffFileWriter(int samplePerPair) {
        this.samplePerPair = samplePerPair;
    }

    /**
     * Writes {@code target}; {@code summary} receives the counts and returns the summary object.
     * Returns a result whose file is null when no pair differs (nothing is left on disk then).
     */
    public Result write(Path target, List<String> nodes, long maxDiffRows, DifferenceSource source,
                        Function<Result, Map<String, Object>> summary) throws IOException {
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<JsonNode>> samples = new LinkedHashMap<>();
        Map<String, Long> odd = new TreeMap<>();
        boolean limited = false;
        try (OutputStream out = Files.newOutputStream(partial); JsonGenerator g = MAPPER.createGenerator(out, JsonEncoding.UTF8)) {
            g.writeStartObject();
            g.writeName("diffs");
            g.writeStartObject();
            List<NodePair> pairs = NodePair.of(nodes);
            for (NodePair pair : pairs) {
                PairWriter pw = new PairWriter(g, pair, pairs, maxDiffRows);
                source.forEach(json -> pw.sideA(DifferenceJson.read(json)));
                if (pw.count == 0) {
                    continue;
                }
                pw.switchToB();
                source.forEach(json -> pw.sideB(DifferenceJson.read(json)));
                pw.finish();
                counts.put(pair.key(), pw.count);
                samples.put(pair.key(), pw.sample);
                pw.oddCounts.forEach((n, c) -> odd.merge(n, c, Long::sum));
                limited |= pw.limited;
            }
            g.writeEndObject();
            Result result = new Result(target, counts, limited, samples, odd);
            g.writeName("summary");
            g.writePOJO(summary.apply(result));
            g.writeEndObject();
        }
        Result result = new Result(counts.isEmpty() ? null : target, counts, limited, samples, odd);
        if (counts.isEmpty()) {
            Files.deleteIfExists(partial);
        } else {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        return result;
    }

    /** Writes one pair: rows of side a in a first pass, of side b in a second, the same keys each time. */
    private final class PairWriter {
        private final JsonGenerator g;
        private final NodePair pair;
        private final List<NodePair> pairs;
        private final long max;
        private final List<JsonNode> sample = new ArrayList<>();
        private final Map<String, Long> oddCounts = new TreeMap<>();
        private long count;
        private long seenB;
        private boolean started;
        private boolean limited;

        PairWriter(JsonGenerator g, NodePair pair, List<NodePair> pairs, long max) {
            this.g = g;
            this.pair = pair;
            this.pairs = pairs;
            this.max = max;
        }

        void sideA(JsonNode d) {
            if (!DifferenceJson.differs(d, pair.a(), pair.b())) {
                return;
            }
            if (max > 0 && count >= max) {
                limited = true;
                return;
            }
            count++;
            start();
            writeRow(d, pair.a());
            if (sample.size() < samplePerPair) {
                sample.add(d);
            }
            String o = DifferenceJson.oddNode(d);
            if (o != null && pair.equals(firstDifferingPair(d))) {
                // a key differs in several pairs but has one odd node: count it once
                oddCounts.merge(o, 1L, Long::sum);
            }
        }

        private NodePair firstDifferingPair(JsonNode d) {
            return pairs.stream().filter(p -> DifferenceJson.differs(d, p.a(), p.b())).findFirst().orElse(null);
        }

        void switchToB() {
            g.writeEndArray();
            g.writeName(pair.b());
            g.writeStartArray();
        }

        void sideB(JsonNode d) {
            if (seenB >= count || !DifferenceJson.differs(d, pair.a(), pair.b())) {
                return;
            }
            seenB++;
            writeRow(d, pair.b());
        }

        void finish() {
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndObject();
        }

        private void start() {
            if (!started) {
                started = true;
                g.writeName(pair.key());
                g.writeStartObject();
                g.writeName("rows");
                g.writeStartObject();
                g.writeName(pair.a());
                g.writeStartArray();
            }
        }

        private void writeRow(JsonNode d, String node) {
            String row = DifferenceJson.row(d, node);
            if (row == null) {
                return;
            }
            String o = DifferenceJson.oddNode(d);
            if (o != null && row.endsWith("}")) {
                // metadata beside the columns, as pgEdge ACE does with _spock_metadata_; repair ignores it
                row = row.substring(0, row.length() - 1) + (row.length() > 2 ? "," : "")
                        + "\"_ace_metadata_\":{\"odd_node\":" + MAPPER.writeValueAsString(o) + "}}";
            }
            g.writeRawValue(row);
        }
    }
}
