package io.ace.findings;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.diff.KeyDifference;
import io.ace.diff.KeyRecheck;
import io.ace.diff.NodeRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Stored differences come back exactly as they went in, cut into runs small enough for a repository row. */
@Tag("fast")
class FindingCodecTest {

    private static KeyDifference difference(int i, String payload) {
        Map<String, NodeRow> rows = new LinkedHashMap<>();
        rows.put("n1", new NodeRow(Arrays.asList(Integer.toString(i), payload, null, ""), -i));
        if (i % 3 != 0) {
            rows.put("n2", new NodeRow(Arrays.asList(Integer.toString(i), payload + "é\t\\N", "x", null), Long.MAX_VALUE - i));
        }
        return new KeyDifference(List.of(Integer.toString(i), "k\u0000" + i), rows, i % 5 == 0 ? "n2" : null);
    }

    private static List<KeyDifference> decodeAll(List<FindingCodec.Run> runs) {
        List<KeyDifference> all = new ArrayList<>();
        runs.forEach(r -> all.addAll(FindingCodec.decodeDifferences(r.data())));
        return all;
    }

    @Test
    void differencesRoundTrip() {
        List<KeyDifference> differences = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            differences.add(difference(i, "p"));
        }
        assertThat(decodeAll(FindingCodec.differenceRuns(differences))).isEqualTo(differences);
    }

    @Test
    void narrowRowsMakeRunsOfAThousand() {
        List<KeyDifference> differences = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            differences.add(new KeyDifference(List.of(Integer.toString(i)), Map.of("n1", new NodeRow(List.of(), i)), null));
        }
        List<FindingCodec.Run> runs = FindingCodec.differenceRuns(differences);
        assertThat(runs).extracting(FindingCodec.Run::offset).containsExactly(0, 1_000, 2_000);
        assertThat(decodeAll(runs)).isEqualTo(differences);
    }

    @Test
    void wideRowsMakeShorterRuns() {
        List<KeyDifference> differences = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            differences.add(difference(i, "w".repeat(10_000)));
        }
        List<FindingCodec.Run> runs = FindingCodec.differenceRuns(differences);
        assertThat(runs).hasSizeGreaterThan(10);
        assertThat(runs).allSatisfy(r -> assertThat(r.data().length).isLessThan(FindingCodec.RUN_BYTES + 30_000));
        assertThat(decodeAll(runs)).isEqualTo(differences);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).offset()).isGreaterThan(runs.get(i - 1).offset());
        }
    }

    @Test
    void keysAndHashesReadWithoutTheRows() {
        List<KeyDifference> differences = List.of(difference(1, "x"), difference(3, "y"));
        List<KeyRecheck.Recorded> recorded = FindingCodec.decodeRecorded(FindingCodec.differenceRuns(differences).get(0).data());
        assertThat(recorded).extracting(KeyRecheck.Recorded::key).containsExactly(differences.get(0).key(), differences.get(1).key());
        assertThat(recorded.get(0).hashes()).containsExactly(Map.entry("n1", -1L), Map.entry("n2", Long.MAX_VALUE - 1));
        assertThat(recorded.get(1).hashes()).containsExactly(Map.entry("n1", -3L));
    }

    @Test
    void textsRoundTripAndNoRecordsMakeNoRun() {
        List<String> texts = List.of("{\"a\":1}", "", "ü\n");
        assertThat(FindingCodec.textRuns(texts)).singleElement()
                .satisfies(r -> assertThat(FindingCodec.decodeTexts(r.data())).isEqualTo(texts));
        assertThat(FindingCodec.differenceRuns(List.of())).isEmpty();
    }
}
