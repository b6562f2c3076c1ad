package io.ace.mtree;

import io.ace.catalog.TableName;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code mtree init}, {@code teardown} and {@code teardown-table} on every node of a run; each returns one line per node. */
public final class MtreeSetup {

    private MtreeSetup() {
    }

    /** Per node: the metadata schema, the publication and the slot, created where missing. */
    public static List<String> init(ClusterSessions sessions) throws Exception {
        return new ArrayList<>(NodeFanOut.onEachNode(sessions, NodeSetup::install).values());
    }

    /** Per node: slot, publication and schema dropped; nothing of ACE's is left. */
    public static List<String> teardown(ClusterSessions sessions) throws Exception {
        return new ArrayList<>(NodeFanOut.onEachNode(sessions, NodeSetup::uninstall).values());
    }

    /** Per node: the table out of the publication, its tree and queued changes dropped. */
    public static List<String> teardownTable(ClusterSessions sessions, TableName table) throws Exception {
        return new ArrayList<>(NodeFanOut.onEachNode(sessions, pool -> {
            try (Connection c = pool.open()) {
                if (!MetadataSchema.exists(c)) {
                    return pool.name() + ": not initialized, nothing to drop";
                }
                Optional<TrackedTable> tracked = TrackedTables.find(c, table);
                c.setAutoCommit(false);
                if (MetadataSchema.single(c, "SELECT to_regclass('" + table.sql().replace("'", "''") + "') IS NOT NULL")) {
                    NodeSetup.unpublish(c, table);
                }
                if (tracked.isPresent()) {
                    TrackedTables.delete(c, tracked.get());
                }
                c.commit();
                return pool.name() + ": " + (tracked.isPresent() ? "dropped the tree of " + table + " and took it out of publication "
                        + MetadataSchema.PUBLICATION : table + " had no tree");
            } catch (java.sql.SQLException e) {
                throw NodeSetup.refused(pool, "tear down the tree of " + table + " among", e);
            }
        }).values());
    }
}
