package io.ace.findings;

import io.ace.repository.RepositorySchema;
import static org.assertj.core.api.Assertions.assertThat;

import io.ace.diff.KeyDifference;
import io.ace.diff.NodeRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The findings store on an embedded repository: runs of differences come back in key order, a
 * re-check's replacement keeps positions, a completed run's findings go, and a repository written
 * before runs (one JSON object per row, no table part) keeps the findings of runs in progress.
 */
@Tag("fast")
class FindingsStoreTest {

    private static DriverManagerDataSource database(String name) {
        return new DriverManagerDataSource("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
    }

    private static FindingsStore store(String name) {
        DriverManagerDataSource dataSource = database(name);
        return new FindingsStore(dataSource, new DataSourceTransactionManager(dataSource));
    }

    private static KeyDifference difference(int id, String v) {
        Map<String, NodeRow> rows = new LinkedHashMap<>();
        rows.put("n1", new NodeRow(Arrays.asList(Integer.toString(id), v), id));
        rows.put("n2", new NodeRow(Arrays.asList(Integer.toString(id), null), -id));
        return new KeyDifference(List.of(Integer.toString(id)), rows, null);
    }

    private static List<KeyDifference> all(FindingsStore store, FindingsScope scope) {
        List<KeyDifference> all = new ArrayList<>();
        store.forEachDifference(scope, all::add);
        return all;
    }

    @Test
    void differencesComeBackInKeyOrderAndReplacementsKeepTheirPlace() {
        RepositorySchema.migrate(database("runs"));
        FindingsStore store = store("runs");
        FindingsScope scope = FindingsScope.of(7);
        List<KeyDifference> block0 = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            block0.add(difference(i, "v" + i));
        }
        store.addDifferences(scope, 0, 0, block0.subList(0, 1_200));
        store.addDifferences(scope, 0, 1_200, block0.subList(1_200, 2_500));
        store.addDifferences(scope, 1, 0, List.of(difference(9_000, "last")));
        store.saveBlock(scope, 0, new BlockRecord(0, Map.of("n1", 2_500L), 1, 2_500));
        List<KeyDifference> expected = new ArrayList<>(block0);
        expected.add(difference(9_000, "last"));
        assertThat(all(store, scope)).isEqualTo(expected);

        StoredKeys first = store.keysAfter(scope, 0, -1);
        assertThat(first.seq()).isZero();
        // a re-check: the first key resolved, the second's row now much longer (the run splits)
        List<KeyDifference> now = new ArrayList<>(store.differencesAt(scope, 0, first.seq()));
        now.remove(0);
        now.set(0, difference(1, "w".repeat(200_000)));
        store.replaceDifferences(scope, 0, first, now);
        List<KeyDifference> after = all(store, scope);
        assertThat(after).hasSize(2_500).startsWith(difference(1, "w".repeat(200_000)), difference(2, "v2"));
        assertThat(store.blocks(scope).get(0).diffKeys()).isEqualTo(2_499);
        StoredKeys next = store.keysAfter(scope, 0, first.seq() + first.keys().size() - 1);
        // the split run's parts sit within the old run's positions: the next run is the one after it
        assertThat(next.keys().get(0).key()).isEqualTo(List.of(Integer.toString(first.keys().size())));

        store.forgetDifferences(7);
        assertThat(all(store, scope)).isEmpty();
        assertThat(store.blocks(scope)).hasSize(1);
    }

    @Test
    void aRepositoryOfJsonFindingsKeepsThemAsRuns() {
        FindingsStore store = store("json");
        JdbcTemplate old = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:json;DB_CLOSE_DELAY=-1", "sa", ""));
        old.execute("CREATE TABLE ACE_DIFF_BLOCK (JOB_INSTANCE_ID BIGINT NOT NULL, BLOCK_NO INT NOT NULL, PARTITION_NO INT NOT NULL,"
                + " ROWS_PER_NODE VARCHAR(4000) NOT NULL, MISMATCHED_RANGES INT NOT NULL, DIFF_KEYS INT NOT NULL,"
                + " PRIMARY KEY (JOB_INSTANCE_ID, BLOCK_NO))");
        old.execute("CREATE TABLE ACE_DIFF_KEY (JOB_INSTANCE_ID BIGINT NOT NULL, BLOCK_NO INT NOT NULL, SEQ INT NOT NULL,"
                + " DIFF_JSON VARCHAR(1000000) NOT NULL, PRIMARY KEY (JOB_INSTANCE_ID, BLOCK_NO, SEQ))");
        old.update("INSERT INTO ACE_DIFF_BLOCK VALUES (3, 0, 0, '{\"n1\":2,\"n2\":1}', 1, 2)");
        old.update("INSERT INTO ACE_DIFF_KEY VALUES (3, 0, 0, ?)", "{\"key\":[\"1\"],\"nodes\":{\"n1\":{\"hash\":\"11\","
                + "\"row\":\"{\\\"id\\\":1,\\\"t\\\":\\\"2025-01-01T00:00:00Z\\\",\\\"n\\\":null}\"},\"n2\":{\"hash\":\"-4\","
                + "\"row\":\"{\\\"id\\\":1,\\\"t\\\":\\\"x\\\",\\\"n\\\":2.50}\"}}}");
        old.update("INSERT INTO ACE_DIFF_KEY VALUES (3, 0, 1, ?)", "{\"key\":[\"2\"],\"odd\":\"n2\",\"nodes\":{\"n1\":{\"hash\":\"5\","
                + "\"row\":\"{\\\"id\\\":2,\\\"t\\\":true,\\\"n\\\":null}\"}}}");
        old.update("INSERT INTO ACE_DIFF_KEY VALUES (4, 1, 0, ?)", "{\"node\":\"n2\",\"kind\":\"update\",\"status\":\"applied\"}");

        // the repository of an earlier version migrated as a start of this one does
        RepositorySchema.migrate(database("json"));

        Map<String, NodeRow> first = new LinkedHashMap<>();
        first.put("n1", new NodeRow(Arrays.asList("1", "2025-01-01T00:00:00Z", null), 11));
        first.put("n2", new NodeRow(Arrays.asList("1", "x", "2.50"), -4));
        assertThat(all(store, FindingsScope.of(3))).containsExactly(new KeyDifference(List.of("1"), first, null),
                new KeyDifference(List.of("2"), Map.of("n1", new NodeRow(Arrays.asList("2", "true", null), 5)), "n2"));
        assertThat(store.blocks(FindingsScope.of(3))).singleElement().satisfies(b -> assertThat(b.diffKeys()).isEqualTo(2));
        List<String> changes = new ArrayList<>();
        store.forEachChange(FindingsScope.of(4), changes::add);
        assertThat(changes).containsExactly("{\"node\":\"n2\",\"kind\":\"update\",\"status\":\"applied\"}");
        assertThat(old.queryForObject("SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_NAME = 'ACE_DIFF_KEY'", Integer.class))
                .isZero();
    }
}
