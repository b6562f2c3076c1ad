package io.ace.mtree;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.testing.Ace;
import io.ace.testing.LocalCluster;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the Merkle-tree tests share: running mtree commands, reading a diff file's keys, reading the nodes' metadata. */
final class TreeFixtures {

    private final LocalCluster cluster;
    private final Ace ace;

    TreeFixtures(LocalCluster cluster, Ace ace) {
        this.cluster = cluster;
        this.ace = ace;
    }

    /** {@code ace mtree VERB ARGS...}; table-diff writes to the test's output directory. */
    Ace.Result mtree(String verb, String... args) {
        List<String> all = new ArrayList<>(List.of("mtree", verb));
        all.addAll(List.of(args));
        if (verb.equals("table-diff")) {
            all.addAll(List.of("--output-dir", ace.outputDir().toString()));
        }
        return ace.run(all.toArray(String[]::new));
    }

    /** Runs a command and checks its exit code, showing its output when it differs. */
    Ace.Result expect(int exitCode, Ace.Result result) {
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(exitCode);
        return result;
    }

    /** One value of a query on a node, as text. */
    String text(String node, String sql) {
        try (Connection c = cluster.connect(node); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("on " + node + ": " + e.getMessage(), e);
        }
    }

    /** A table's leaf bounds on a node, in order, as one string (identical layouts give identical strings). */
    String layout(String node, String table) {
        return text(node, "SELECT count(*) || ':' || string_agg(coalesce(array_to_string(l.lower_key, ','), '-'), '|' ORDER BY l.leaf_no)"
                + " FROM ace_mtree.leaf l JOIN ace_mtree.tracked_table t USING (table_id) WHERE t.table_name = '" + table + "'");
    }

    long leaves(String node, String table) {
        return cluster.count(node, "SELECT count(*) FROM ace_mtree.leaf l JOIN ace_mtree.tracked_table t USING (table_id)"
                + " WHERE t.table_name = '" + table + "'");
    }
}
