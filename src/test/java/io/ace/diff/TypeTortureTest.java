package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.TortureTable;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every difference README's "What equal means" lists is injected on n2 (n1 and n3 keep the original), next to
 * near-equal values an application reads back identically, which must not be reported.
 */
@OnCluster
class TypeTortureTest {

    static LocalCluster cluster;
    static Ace ace;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
        TortureTable.create(cluster, "torture", "n2", "n1", "n2", "n3");
    }

    static Set<Integer> keys(JsonNode diff, String pair, String node) {
        Set<Integer> keys = new TreeSet<>();
        JsonNode rows = diff.get("diffs").get(pair).get("rows").get(node);
        rows.forEach(r -> keys.add(r.get("id").asInt()));
        return keys;
    }

    static Set<Integer> union(JsonNode diff, String pair) {
        String[] ab = pair.split("/");
        Set<Integer> all = new TreeSet<>(keys(diff, pair, ab[0]));
        all.addAll(keys(diff, pair, ab[1]));
        return all;
    }

    @Test
    void exactEqualityFindsEveryDifferenceAndNothingElse() {
        Ace.Result r = ace.run("table-diff", "local", "public.torture", "--nodes", "n1,n2,n3", "--block-size", "10");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        JsonNode diff = r.diff();
        assertThat(union(diff, "n1/n2")).isEqualTo(TortureTable.EXACT.keySet());
        assertThat(union(diff, "n2/n3")).isEqualTo(TortureTable.EXACT.keySet());
        assertThat(diff.get("diffs").has("n1/n3")).isFalse();
        assertThat(keys(diff, "n1/n2", "n1")).doesNotContain(25).contains(24);
        assertThat(keys(diff, "n1/n2", "n2")).doesNotContain(24).contains(25);
        assertThat(diff.get("summary").get("diff_rows_count").get("n1/n2").asLong()).isEqualTo(TortureTable.EXACT.size());
        // with three nodes the odd one out is named
        diff.get("diffs").get("n1/n2").get("rows").get("n1")
                .forEach(row -> assertThat(row.get("_ace_metadata_").get("odd_node").asString()).isEqualTo("n2"));
    }

    @Test
    void valuesRoundTripExactly() throws Exception {
        Ace.Result r = ace.run("table-diff", "local", "public.torture", "--nodes", "n1,n2");
        String text = java.nio.file.Files.readString(r.diffFile());
        JsonNode n2 = r.diff().get("diffs").get("n1/n2").get("rows").get("n2");
        Map<Integer, JsonNode> byId = new TreeMap<>();
        n2.forEach(row -> byId.put(row.get("id").asInt(), row));
        assertThat(text).contains("\"f8\":0.10000000000000002").contains("\"f8\":-0,");
        assertThat(byId.get(5).get("num").asString()).isEqualTo("3000.0");
        assertThat(byId.get(1).get("t").isNull()).isTrue();
        assertThat(byId.get(2).get("t").asString()).isEqualTo("a ");
        assertThat(byId.get(7).get("ts").asString()).isEqualTo("2025-01-01 10:00:00.123457");
        assertThat(byId.get(13).get("tstz").asString()).isEqualTo("2025-01-01T12:00:00.000001Z");
        assertThat(byId.get(8).get("by").asString()).isEqualTo("\\x0102ff04");
        assertThat(byId.get(37).get("big").isString()).as("bigint beyond 2^53 travels as a string").isTrue();
        assertThat(byId.get(37).get("big").asString()).isEqualTo("9007199254740993");
        assertThat(byId.get(6).get("iv").asString()).isEqualTo("24:00:00");
        assertThat(byId.get(30).get("b").isBoolean()).isTrue();
        assertThat(byId.get(11).get("mood").asString()).isEqualTo("happy");
        assertThat(byId.get(28).get("arr").asString()).isEqualTo("{{1,2},{3,4}}");
        // columns in table order
        assertThat(n2.get(0).propertyNames().iterator().next()).isEqualTo("id");
    }

    @Test
    void semanticEqualityIgnoresScaleUnitsAndSignOfZero() {
        Ace.Result r = ace.run("table-diff", "local", "public.torture", "--nodes", "n1,n2", "--equality", "semantic");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        Set<Integer> expected = new TreeSet<>(TortureTable.EXACT.keySet());
        expected.removeAll(TortureTable.SEMANTICALLY_EQUAL);
        assertThat(union(r.diff(), "n1/n2")).isEqualTo(expected);
    }
}
