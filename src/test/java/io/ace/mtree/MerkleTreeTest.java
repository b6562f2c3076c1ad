package io.ace.mtree;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import io.ace.testing.OnCluster;
import io.ace.testing.TortureTable;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Merkle trees on real nodes, through the command line: every kind of change is found, the same
 * keys as table-diff, splits reach every node, a lost slot or tree falls back to a rebuild, and
 * teardown leaves nothing behind.
 */
@OnCluster
class MerkleTreeTest {

    static LocalCluster cluster;
    static Ace ace;
    static TreeFixtures trees;

    @BeforeAll
    static void setUp(LocalCluster localCluster, Ace classAce) {
        cluster = localCluster;
        ace = classAce;
        trees = new TreeFixtures(cluster, ace);
        trees.expect(0, trees.mtree("init", "local"));
    }

    @AfterAll
    static void tearDown() {
        trees.expect(0, trees.mtree("teardown", "local"));
    }

    private static void table(String name, int rows, String... nodes) {
        cluster.sql("DROP TABLE IF EXISTS public." + name + "; CREATE TABLE public." + name + " (id int PRIMARY KEY, v text, n numeric);"
                + "INSERT INTO public." + name + " SELECT g * 10, 'v' || g, g * 1.5 FROM generate_series(1, " + rows + ") g;"
                + "ANALYZE public." + name, nodes);
    }

    @Test
    void aTreeBuiltOnChosenColumnsKeepsThemForEveryUpdateAndComparison() {
        table("mt_cols", 2_000, "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_cols", "--nodes", "n1,n2", "--block-size", "200", "--exclude-columns", "n"));
        // a change to the left-out column is no difference; one to a compared column is, with the repair leaving n as it is
        cluster.sql("UPDATE public.mt_cols SET n = -1 WHERE id IN (100, 200); UPDATE public.mt_cols SET v = 'changed', n = -2 WHERE id = 300",
                "n2");
        Ace.Result tree = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_cols", "--nodes", "n1,n2"));
        assertThat(tree.diffKeys("id")).containsExactly("300");
        assertThat(tree.diff().get("summary").get("column_choice").asString()).isEqualTo("--exclude-columns n");
        assertThat(tree.diff().get("summary").get("columns").toString()).isEqualTo("[\"id\",\"v\"]");
        Ace.Result full = trees.expect(1, ace.run("table-diff", "local", "public.mt_cols", "--nodes", "n1,n2", "--exclude-columns", "n"));
        assertThat(tree.diff().get("diffs")).isEqualTo(full.diff().get("diffs"));
        trees.expect(0, ace.run("table-repair", "local", "public.mt_cols", "--diff-file", tree.diffFile().toString(), "--source-of-truth", "n1"));
        assertThat(cluster.count("n2", "SELECT count(*) FROM public.mt_cols WHERE id = 300 AND v = 'v30' AND n = -2")).isEqualTo(1);
        trees.expect(0, trees.mtree("table-diff", "local", "public.mt_cols", "--nodes", "n1,n2"));
        assertThat(trees.mtree("status", "local", "--nodes", "n1,n2").out()).contains("exact equality, --exclude-columns n");
        // a column the table does not have is refused before anything is built
        Ace.Result unknown = trees.expect(64, trees.mtree("build", "local", "public.mt_cols", "--nodes", "n1,n2", "--columns", "nosuch"));
        assertThat(unknown.err()).contains("--columns names \"nosuch\", not a column of public.mt_cols");
    }

    @Test
    void everyKindOfChangeOnThreeNodesIsFoundAsTableDiffFindsIt() {
        table("mt_kinds", 5_000, "n1", "n2", "n3");
        trees.expect(0, trees.mtree("build", "local", "public.mt_kinds", "--nodes", "n1,n2,n3", "--block-size", "200"));
        trees.expect(0, trees.mtree("table-diff", "local", "public.mt_kinds", "--nodes", "n1,n2,n3"));

        // below the first key and above the last, a key change, a delete, a value change; some on two nodes
        cluster.sql("INSERT INTO public.mt_kinds VALUES (-5, 'below', 0), (1000000, 'above', 0);"
                + "UPDATE public.mt_kinds SET id = 20005 WHERE id = 100; DELETE FROM public.mt_kinds WHERE id = 3000;"
                + "UPDATE public.mt_kinds SET n = 3000.0 WHERE id = 2000", "n2");
        cluster.sql("UPDATE public.mt_kinds SET v = 'n3 only' WHERE id = 40000; DELETE FROM public.mt_kinds WHERE id = 3000", "n3");

        Ace.Result tree = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_kinds", "--nodes", "n1,n2,n3"));
        Ace.Result full = trees.expect(1, ace.run("table-diff", "local", "public.mt_kinds", "--nodes", "n1,n2,n3"));
        Set<String> found = tree.diffKeys("id");
        assertThat(found).containsExactlyInAnyOrder("-5", "1000000", "100", "20005", "3000", "2000", "40000");
        assertThat(found).isEqualTo(full.diffKeys("id"));
        assertThat(tree.diff().get("diffs")).isEqualTo(full.diff().get("diffs"));
        assertThat(tree.diff().get("summary").get("mtree").get("leaves_rehashed").asLong()).isLessThan(20);

        // two nodes of the three, and the diff file repairs as table-diff's does
        Ace.Result pair = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_kinds", "--nodes", "n1,n2"));
        assertThat(pair.diffKeys("id")).containsExactlyInAnyOrder("-5", "1000000", "100", "20005", "3000", "2000");
        trees.expect(0, ace.run("table-repair", "local", "public.mt_kinds", "--diff-file", pair.diffFile().toString(),
                "--source-of-truth", "n1"));
        trees.expect(0, trees.mtree("table-diff", "local", "public.mt_kinds", "--nodes", "n1,n2"));
        trees.expect(0, ace.run("table-rerun", "local", "public.mt_kinds", "--diff-file", pair.diffFile().toString()));
    }

    @Test
    void aPartitionedTableIsRefusedNamingThePartitionsToTrack() {
        cluster.sql("DROP TABLE IF EXISTS public.mt_parts; CREATE TABLE public.mt_parts (id int PRIMARY KEY, v text) PARTITION BY RANGE (id);"
                + " CREATE TABLE public.mt_parts_low PARTITION OF public.mt_parts FOR VALUES FROM (0) TO (100);"
                + " CREATE TABLE public.mt_parts_high PARTITION OF public.mt_parts FOR VALUES FROM (100) TO (200)", "n1", "n2");
        Ace.Result refused = trees.mtree("build", "local", "public.mt_parts", "--nodes", "n1,n2");
        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(78);
        assertThat(refused.err()).contains("is partitioned").contains("mt_parts_high").contains("mt_parts_low");
        trees.expect(0, trees.mtree("build", "local", "public.mt_parts_low", "--nodes", "n1,n2"));
        trees.expect(0, trees.mtree("teardown-table", "local", "public.mt_parts_low", "--nodes", "n1,n2"));
    }

    @Test
    void aTableMatchedByAUniqueKeyNeedsItsDeletesToCarryThatKey() {
        cluster.sql("DROP TABLE IF EXISTS public.mt_uq; CREATE TABLE public.mt_uq (code int NOT NULL, v text);"
                + "CREATE UNIQUE INDEX mt_uq_code ON public.mt_uq (code);"
                + "INSERT INTO public.mt_uq SELECT g, 'v' || g FROM generate_series(1, 1000) g; ANALYZE public.mt_uq", "n1", "n2");
        Ace.Result noKey = trees.mtree("build", "local", "public.mt_uq", "--nodes", "n1,n2");
        assertThat(noKey.exitCode()).as(noKey.toString()).isEqualTo(78);
        assertThat(noKey.err()).containsPattern("on node n[12] has REPLICA IDENTITY DEFAULT and no primary key").contains("REPLICA IDENTITY USING INDEX");
        cluster.sql("ALTER TABLE public.mt_uq REPLICA IDENTITY USING INDEX mt_uq_code", "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_uq", "--nodes", "n1,n2", "--block-size", "100"));
        cluster.sql("DELETE FROM public.mt_uq WHERE code = 500; UPDATE public.mt_uq SET code = 5000 WHERE code = 7;"
                + "UPDATE public.mt_uq SET v = 'changed' WHERE code = 900", "n2");
        Ace.Result tree = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_uq", "--nodes", "n1,n2"));
        assertThat(tree.diffKeys("code")).containsExactlyInAnyOrder("500", "7", "5000", "900");
        assertThat(tree.diff().get("summary").get("key_index").asString()).isEqualTo("replica identity index \"mt_uq_code\"");
    }

    @Test
    void truncateMarksEveryLeaf() {
        table("mt_trunc", 3_000, "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_trunc", "--nodes", "n1,n2", "--block-size", "100"));
        cluster.sql("TRUNCATE public.mt_trunc", "n2");
        Ace.Result diff = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_trunc", "--nodes", "n1,n2"));
        assertThat(diff.diff().get("summary").get("diff_rows_count").get("n1/n2").asLong()).isEqualTo(3_000);
    }

    @Test
    void manyInsertsIntoOneLeafSplitItOnEveryNode() {
        cluster.sql("DROP TABLE IF EXISTS public.mt_split; CREATE TABLE public.mt_split (id int PRIMARY KEY, v text);"
                + "INSERT INTO public.mt_split SELECT g * 1000, 'v' FROM generate_series(1, 2000) g; ANALYZE public.mt_split", "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_split", "--nodes", "n1,n2", "--block-size", "100"));
        long before = trees.leaves("n1", "mt_split");
        // 900 keys between two neighbours: one leaf ten times its size, on both nodes
        cluster.sql("INSERT INTO public.mt_split SELECT 500000 + g, 'crowded' FROM generate_series(1, 900) g", "n1", "n2");
        Ace.Result update = trees.expect(0, trees.mtree("update", "local", "public.mt_split", "--nodes", "n1,n2"));
        assertThat(update.out()).contains("split on every node");
        assertThat(trees.leaves("n1", "mt_split")).isGreaterThanOrEqualTo(before + 8);
        assertThat(trees.layout("n2", "mt_split")).isEqualTo(trees.layout("n1", "mt_split"));
        trees.expect(0, trees.mtree("table-diff", "local", "public.mt_split", "--nodes", "n1,n2"));
        cluster.sql("UPDATE public.mt_split SET v = 'diverged' WHERE id = 500450", "n2");
        Ace.Result diff = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_split", "--nodes", "n1,n2"));
        assertThat(diff.diffKeys("id")).containsExactly("500450");
        assertThat(diff.diff().get("summary").get("mtree").get("leaves_rehashed").asLong()).isEqualTo(1);
    }

    @Test
    void oneTransactionChangingMostOfTheTableOnOneNodeIsFoundWhole() {
        table("mt_bulk", 120_000, "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_bulk", "--nodes", "n1,n2", "--block-size", "5000"));
        // more keys than capture lists one by one in a transaction: the whole table is marked
        cluster.sql("UPDATE public.mt_bulk SET v = 'bulk' WHERE id % 100 <> 0", "n2");
        Ace.Result diff = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_bulk", "--nodes", "n1,n2"));
        assertThat(diff.diff().get("summary").get("diff_rows_count").get("n1/n2").asLong()).isEqualTo(108_000);
        // a smaller one, listed key by key
        cluster.sql("UPDATE public.mt_bulk SET v = 'bulk' WHERE id % 100 <> 0", "n1");
        cluster.sql("UPDATE public.mt_bulk SET v = 'second' WHERE id % 7 = 0", "n1");
        Ace.Result second = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_bulk", "--nodes", "n1,n2"));
        assertThat(second.diff().get("summary").get("diff_rows_count").get("n1/n2").asLong()).isEqualTo(17_142);
    }

    @Test
    void compositeKeysWithKeyChanges() {
        cluster.sql("DROP TABLE IF EXISTS public.mt_comp; CREATE TABLE public.mt_comp (a int, b text COLLATE \"C\", v text, PRIMARY KEY (a, b));"
                + "INSERT INTO public.mt_comp SELECT g % 50, 'k' || g, 'v' FROM generate_series(1, 4000) g; ANALYZE public.mt_comp", "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_comp", "--nodes", "n1,n2", "--block-size", "100"));
        cluster.sql("UPDATE public.mt_comp SET b = 'moved' WHERE a = 7 AND b = 'k7'; DELETE FROM public.mt_comp WHERE a = 3 AND b = 'k53';"
                + "INSERT INTO public.mt_comp VALUES (-1, 'first', 'x'), (99, 'zz', 'x'); UPDATE public.mt_comp SET v = 'w' WHERE a = 0 AND b = 'k50'",
                "n2");
        Ace.Result tree = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_comp", "--nodes", "n1,n2"));
        Ace.Result full = trees.expect(1, ace.run("table-diff", "local", "public.mt_comp", "--nodes", "n1,n2"));
        assertThat(tree.diffKeys("a", "b")).containsExactlyInAnyOrder("7|k7", "7|moved", "3|k53", "-1|first", "99|zz", "0|k50")
                .isEqualTo(full.diffKeys("a", "b"));
    }

    @Test
    void exactAndSemanticEqualityAsTableDiff() {
        TortureTable.create(cluster, "mt_torture", "n2", "n1", "n2");
        for (String equality : new String[] {"exact", "semantic"}) {
            trees.expect(0, trees.mtree("build", "local", "public.mt_torture", "--nodes", "n1,n2", "--equality", equality));
            Ace.Result tree = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_torture", "--nodes", "n1,n2"));
            Ace.Result full = trees.expect(1, ace.run("table-diff", "local", "public.mt_torture", "--nodes", "n1,n2", "--equality", equality));
            assertThat(tree.diffKeys("id")).as(equality).isEqualTo(full.diffKeys("id"));
            assertThat(tree.diff().get("summary").get("equality").asString()).isEqualTo(equality);
        }
    }

    @Test
    void aLostSlotOrAnEmptiedTreeFallsBackToARebuild() {
        table("mt_lost", 2_000, "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_lost", "--nodes", "n1,n2", "--block-size", "100"));
        cluster.sql("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name LIKE 'ace_mtree_%'"
                + " AND database = current_database()", "n2");
        assertThat(trees.mtree("status", "local", "--nodes", "n2").out()).contains("MISSING");
        cluster.sql("UPDATE public.mt_lost SET v = 'after the slot was lost' WHERE id = 500", "n2");
        Ace.Result diff = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_lost", "--nodes", "n1,n2"));
        assertThat(diff.out()).contains("recreated");
        assertThat(diff.diffKeys("id")).containsExactly("500");

        // a crash empties the unlogged metadata: the node's tree is rebuilt with the layout n1 keeps
        cluster.sql("DELETE FROM ace_mtree.tracked_table WHERE table_name = 'mt_lost'", "n2");
        cluster.sql("UPDATE public.mt_lost SET v = 'after the crash' WHERE id = 700", "n2");
        Ace.Result rebuilt = trees.expect(1, trees.mtree("table-diff", "local", "public.mt_lost", "--nodes", "n1,n2"));
        assertThat(rebuilt.out()).contains("built with the cluster's layout");
        assertThat(rebuilt.diffKeys("id")).containsExactly("500", "700");
        assertThat(trees.layout("n2", "mt_lost")).isEqualTo(trees.layout("n1", "mt_lost"));
    }

    @Test
    void parentsAreNoXorOfTheirChildren() {
        table("mt_cancel", 3_000, "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_cancel", "--nodes", "n1,n2", "--block-size", "100"));
        String leaf = "UPDATE ace_mtree.leaf l SET row_count = o.row_count, row_xor = o.row_xor, tree_stale = true FROM ace_mtree.leaf o, ace_mtree.tracked_table t"
                + " WHERE t.table_name = 'mt_cancel' AND l.table_id = t.table_id AND o.table_id = t.table_id";
        // two leaves of one parent swap their hashes on n2: the same children in other places
        cluster.sql(leaf + " AND ((l.leaf_no = 3 AND o.leaf_no = 5) OR (l.leaf_no = 5 AND o.leaf_no = 3))", "n2");
        assertThat(trees.expect(0, trees.mtree("table-diff", "local", "public.mt_cancel", "--nodes", "n1,n2")).out())
                .contains(", 2 mismatched;");
        // the same change in two leaves of one parent on n2: a XOR of the children would cancel it out
        cluster.sql("UPDATE ace_mtree.leaf l SET row_xor = row_xor # 12345, tree_stale = true FROM ace_mtree.tracked_table t"
                + " WHERE t.table_name = 'mt_cancel' AND l.table_id = t.table_id AND l.leaf_no IN (6, 7)", "n2");
        assertThat(trees.expect(0, trees.mtree("table-diff", "local", "public.mt_cancel", "--nodes", "n1,n2")).out())
                .contains(", 4 mismatched;");
    }

    @Test
    void checksRefuseBeforeAnythingIsRecorded() {
        table("mt_never", 100, "n1", "n2");
        Ace.Result notBuilt = trees.mtree("update", "local", "public.mt_never", "--nodes", "n1,n2");
        assertThat(notBuilt.exitCode()).as(notBuilt.toString()).isEqualTo(78);
        assertThat(notBuilt.err()).contains("mtree build");
        cluster.sql("ALTER TABLE public.mt_never REPLICA IDENTITY NOTHING", "n2");
        Ace.Result noIdentity = trees.mtree("build", "local", "public.mt_never", "--nodes", "n1,n2");
        assertThat(noIdentity.exitCode()).as(noIdentity.toString()).isEqualTo(78);
        assertThat(noIdentity.err()).contains("n2").contains("REPLICA IDENTITY DEFAULT");
        assertThat(trees.mtree("build", "local", "public.mt_never", "--block-size", "1").exitCode()).isEqualTo(64);
        cluster.sql("ALTER TABLE public.mt_never REPLICA IDENTITY DEFAULT", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_never", "--nodes", "n1,n2", "--run-key", "once"));
        trees.expect(4, trees.mtree("build", "local", "public.mt_never", "--nodes", "n1,n2", "--run-key", "once"));
    }

    @Test
    void statusShowsSlotsAndTrees() {
        table("mt_status", 1_000, "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_status", "--nodes", "n1,n2", "--block-size", "100"));
        cluster.sql("UPDATE public.mt_status SET v = 'queued' WHERE id = 10", "n1");
        trees.expect(0, trees.mtree("update", "local", "public.mt_status", "--nodes", "n1,n2"));
        Ace.Result status = trees.expect(0, ace.run("mtree-status", "local", "--nodes", "n1,n2"));
        assertThat(ace.run("mtree").exitCode()).as("a verb is needed").isEqualTo(64);
        assertThat(status.out()).contains("n1: slot ace_mtree_").contains("retained WAL").contains("not being read")
                .contains("public.mt_status: ready, 10 leaves").contains("0 dirty");
    }

    @Test
    void teardownLeavesNoSlotPublicationOrSchema() {
        table("mt_gone", 500, "n1", "n2");
        trees.expect(0, trees.mtree("build", "local", "public.mt_gone", "--nodes", "n1,n2"));
        trees.expect(0, trees.mtree("teardown-table", "local", "public.mt_gone", "--nodes", "n1,n2"));
        assertThat(cluster.count("n1", "SELECT count(*) FROM pg_publication_tables WHERE pubname = 'ace_mtree' AND tablename = 'mt_gone'"))
                .isZero();
        assertThat(cluster.count("n1", "SELECT count(*) FROM ace_mtree.tracked_table WHERE table_name = 'mt_gone'")).isZero();

        trees.expect(0, trees.mtree("teardown", "local"));
        for (String node : cluster.nodeNames()) {
            assertThat(cluster.count(node, "SELECT count(*) FROM pg_replication_slots WHERE slot_name LIKE 'ace_mtree%'")).as(node).isZero();
            assertThat(cluster.count(node, "SELECT count(*) FROM pg_publication WHERE pubname = 'ace_mtree'")).as(node).isZero();
            assertThat(cluster.count(node, "SELECT count(*) FROM pg_namespace WHERE nspname = 'ace_mtree'")).as(node).isZero();
        }
        // the other tests of this class go on with the nodes initialized again
        trees.expect(0, trees.mtree("init", "local"));
    }
}
