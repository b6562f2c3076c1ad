package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.catalog.TableName;
import io.ace.cluster.ClusterDefinition;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.SessionBudget;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan's key sample on real tables: a row from each of pages spread evenly over every
 * relation that holds the table's rows, in key order, within the row filter; and the blocks cut
 * from it hold about the rows they are meant to.
 */
@OnCluster
class RangePlannerTest {

    private static final int ROWS = 200_000;
    private static final int WANTED = 960;

    static LocalCluster cluster;

    @BeforeAll
    static void tables(LocalCluster localCluster) {
        cluster = localCluster;
        // wide rows (about 35 to a page), so the table has several times more pages than the keys wanted
        cluster.sql("""
                DROP TABLE IF EXISTS public.rp_plain, public.rp_parted, public.rp_parent CASCADE;
                CREATE TABLE public.rp_plain (id int PRIMARY KEY, pad text);
                INSERT INTO public.rp_plain SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g;
                CREATE TABLE public.rp_parted (id int PRIMARY KEY, pad text) PARTITION BY RANGE (id);
                CREATE TABLE public.rp_parted_a PARTITION OF public.rp_parted FOR VALUES FROM (1) TO (40001);
                CREATE TABLE public.rp_parted_b PARTITION OF public.rp_parted FOR VALUES FROM (40001) TO (100001);
                CREATE TABLE public.rp_parted_c PARTITION OF public.rp_parted FOR VALUES FROM (100001) TO (200001);
                INSERT INTO public.rp_parted SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g;
                CREATE TABLE public.rp_parent (id int PRIMARY KEY, pad text);
                CREATE TABLE public.rp_child () INHERITS (public.rp_parent);
                INSERT INTO public.rp_parent SELECT g, repeat('x', 200) FROM generate_series(1, 50000) g;
                INSERT INTO public.rp_child SELECT g, repeat('x', 200) FROM generate_series(50001, 100000) g;
                ANALYZE public.rp_plain, public.rp_parted, public.rp_parent, public.rp_child;
                """, "n1", "n2");
    }

    private static ClusterSessions sessions() {
        ClusterDefinition definition = new ClusterRegistry(Map.of("ACE_PGSERVICEFILE", cluster.serviceFile().toString())::get,
                cluster.serviceFile().getParent(), null).cluster("local");
        return new ClusterSessions(definition, definition.select(List.of("n1", "n2")), new SessionBudget(4, Duration.ofSeconds(10)));
    }

    private static ComparedTable table(ClusterSessions sessions, String name, DiffOptions options) throws Exception {
        return new TablePreflight().check(sessions, TableName.parse(name), options);
    }

    /** The sample's keys as n1 returns them, in its order. */
    private static List<Integer> sample(String name, DiffOptions options) throws Exception {
        String sql;
        try (ClusterSessions sessions = sessions()) {
            sql = table(sessions, name, options).queries().sampleKeys(WANTED);
        }
        List<Integer> keys = new ArrayList<>();
        try (Connection c = cluster.connect("n1"); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                keys.add(Integer.parseInt(rs.getString(1)));
            }
        }
        return keys;
    }

    @Test
    void aRowOfEachOfPagesSpreadEvenlyInKeyOrder() throws Exception {
        List<Integer> keys = sample("public.rp_plain", DiffOptions.defaults());
        // one row of every n-th page, n the pages over the keys wanted: at least as many as wanted, less than twice
        assertThat(keys).hasSizeBetween(WANTED, 2 * WANTED).isSorted().doesNotHaveDuplicates();
        assertThat(keys.get(0)).isLessThan(ROWS / 100);
        assertThat(keys.get(keys.size() - 1)).isGreaterThan(ROWS - ROWS / 100);
        // evenly spread: each tenth of the key space holds about a tenth of the sample
        for (int tenth = 0; tenth < 10; tenth++) {
            int from = tenth * ROWS / 10;
            int to = from + ROWS / 10;
            assertThat(keys.stream().filter(k -> k > from && k <= to).count()).as("keys in (%d, %d]", from, to)
                    .isBetween((long) (keys.size() * 0.08), (long) (keys.size() * 0.12));
        }
    }

    @Test
    void everyPartitionAndInheritanceChildGivesItsShare() throws Exception {
        List<Integer> parted = sample("public.rp_parted", DiffOptions.defaults());
        assertThat(parted).hasSizeBetween(WANTED, 2 * WANTED).isSorted().doesNotHaveDuplicates();
        // the partitions hold 20 %, 30 % and 50 % of the rows
        assertThat(parted.stream().filter(k -> k <= 40_000).count()).isBetween((long) (parted.size() * 0.17), (long) (parted.size() * 0.23));
        assertThat(parted.stream().filter(k -> k > 40_000 && k <= 100_000).count())
                .isBetween((long) (parted.size() * 0.27), (long) (parted.size() * 0.33));
        assertThat(parted.stream().filter(k -> k > 100_000).count()).isBetween((long) (parted.size() * 0.47), (long) (parted.size() * 0.53));

        List<Integer> inherited = sample("public.rp_parent", DiffOptions.defaults());
        assertThat(inherited).isSorted().doesNotHaveDuplicates();
        assertThat(inherited.stream().filter(k -> k <= 50_000).count()).as("rows of the parent itself")
                .isBetween((long) (inherited.size() * 0.45), (long) (inherited.size() * 0.55));
        assertThat(inherited.stream().filter(k -> k > 50_000).count()).as("rows of its child")
                .isBetween((long) (inherited.size() * 0.45), (long) (inherited.size() * 0.55));
    }

    @Test
    void onlyRowsOfTheFilter() throws Exception {
        List<Integer> keys = sample("public.rp_plain", DiffOptions.defaults().withTableFilter("id % 2 = 0"));
        assertThat(keys).isNotEmpty().isSorted().allMatch(k -> k % 2 == 0);
    }

    @Test
    void blocksHoldAboutTheirSize() throws Exception {
        int blockSize = 10_000;
        DiffOptions options = new DiffOptions(List.of(), blockSize, 1.0, DiffOptions.DEFAULT_COMPARE_UNIT_SIZE,
                DiffOptions.DEFAULT_MAX_DIFF_ROWS, null, Equality.EXACT, true, DiffOptions.DEFAULT_RECHECK_TIMEOUT_SECONDS, 0, 0, 0,
                ColumnChoice.ALL);
        for (String name : List.of("public.rp_plain", "public.rp_parted")) {
            DiffPlan plan;
            try (ClusterSessions sessions = sessions()) {
                plan = new RangePlanner().plan(sessions, table(sessions, name, options), options);
            }
            assertThat(plan.blockCount()).as(name).isEqualTo(ROWS / blockSize);
            assertThat(plan.rangeCount()).as(name).isEqualTo(ROWS / blockSize * RangePlanner.RANGES_PER_BLOCK);
            long total = 0;
            for (int b = 0; b < plan.blockCount(); b++) {
                List<KeyRange> ranges = plan.block(b);
                List<String> lower = ranges.get(0).lower();
                List<String> upper = ranges.get(ranges.size() - 1).upper();
                long rows = cluster.count("n1", "SELECT count(*) FROM " + name + " WHERE true"
                        + (lower == null ? "" : " AND id >= " + Integer.parseInt(lower.get(0)))
                        + (upper == null ? "" : " AND id < " + Integer.parseInt(upper.get(0))));
                assertThat(rows).as("%s block %d", name, b).isBetween(blockSize / 2L, blockSize * 3L / 2);
                total += rows;
            }
            assertThat(total).as(name).isEqualTo(ROWS);
        }
    }
}
