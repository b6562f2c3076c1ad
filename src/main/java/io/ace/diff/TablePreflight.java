package io.ace.diff;

import io.ace.catalog.CatalogReader;
import io.ace.catalog.Column;
import io.ace.catalog.TableName;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.exit.AceException;
import java.util.List;
import java.util.Map;

/**
 * Checks, before any work, that a table can be compared: every node reachable, the table on
 * every node with the same columns, types and key columns (a primary key, or a unique index that
 * could be one), and the filter one condition on the table's columns that may run
 * ({@link TableFilterCheck}).
 * Each failure names the node and what to fix.
 */
public final class TablePreflight {

    private final CatalogReader catalog = new CatalogReader();
    private final TableFilterCheck filterCheck = new TableFilterCheck();
    private final boolean multisets;

    /** A preflight for operations that match rows by a key: a table without one is refused. */
    public TablePreflight() {
        this(false);
    }

    private TablePreflight(boolean multisets) {
        this.multisets = multisets;
    }

    /**
     * A preflight that also passes a table with no usable key, which is then compared as a multiset
     * of whole rows ({@link ComparedTable#multiset()}).
     */
    public static TablePreflight allowingMultisets() {
        return new TablePreflight(true);
    }

    public ComparedTable check(ClusterSessions sessions, TableName table, DiffOptions options) {
        // every node at once: on remote nodes a session's start (TLS, authentication) is round trips, not work
        Map<String, TableShape> shapes = NodeFanOut.readEveryNode(sessions, node -> "cannot read the catalog of " + table + " on node " + node,
                (c, node) -> catalog.read(c, table).orElseThrow(() -> AceException.config("table " + table + " does not exist on node "
                        + node + "; create it there (same definition as on the other nodes) or leave the node out with --nodes")));
        var first = shapes.entrySet().iterator().next();
        TableShape reference = first.getValue();
        if (reference.keyColumns().isEmpty() && !multisets) {
            throw AceException.config("table " + table + " has no primary key on node " + first.getKey() + ", nor a unique index"
                    + " that could be one (not partial, not deferrable, no expressions, every column NOT NULL); this operation matches"
                    + " rows by such a key: add one (ALTER TABLE ... ADD PRIMARY KEY) on every node, or compare the table with"
                    + " table-diff, which compares a table without a key as a multiset of whole rows");
        }
        shapes.forEach((node, shape) -> {
            if (node.equals(first.getKey())) {
                return;
            }
            String columnDiff = describeDifference(reference.columns(), shape.columns());
            if (columnDiff != null) {
                throw AceException.config("table " + table + " has different columns on node " + first.getKey() + " and node " + node
                        + ": " + columnDiff + "; make the definitions match (schema-diff shows all differences)");
            }
            if (!reference.keyNames().equals(shape.keyNames())) {
                throw AceException.config("table " + table + " is matched by " + key(reference) + " on node " + first.getKey() + " but by "
                        + key(shape) + " on node " + node + "; the key must be the same columns on every node (its index name may differ)");
            }
        });
        if (options.tableFilter() != null) {
            NodeFanOut.onEveryNode(sessions, pool -> {
                filterCheck.check(pool, reference, options.tableFilter());
                return true;
            });
        }
        ComparedTable compared = options.columns().apply(new ComparedTable(reference, options.tableFilter(), options.equality()));
        return options.against() == null ? compared : compared.withOrigins(origins(sessions, options.against()));
    }

    /**
     * What rows' origin ids mean on each node, for a comparison of {@code against}'s writes: every
     * node must record commit timestamps, and some node must receive that node's changes.
     */
    private static OriginNames origins(ClusterSessions sessions, AgainstOrigin against) {
        OriginNames names = OriginNames.read(sessions, "--against-origin reads them to tell whose write a row is");
        if (!names.receivesFrom(against.node())) {
            throw AceException.config("no node of " + String.join(", ", sessions.nodeNames()) + " receives changes from " + against.node()
                    + " (none has a subscription whose provider is " + against.node() + "), so none holds a row that came from it;"
                    + " check the node name, or the subscriptions with spock-diff");
        }
        return names;
    }

    /** {@code unique index "t_code_key" (region, code)}, or {@code no key}. */
    private static String key(TableShape shape) {
        return shape.keyIndex() == null ? "no key" : shape.keyIndex().describe() + " (" + String.join(", ", shape.keyNames()) + ")";
    }

    /** How two column lists differ (name, declared type, collation, order), or null when they do not. */
    static String describeDifference(List<Column> a, List<Column> b) {
        List<String> sa = a.stream().map(Column::signature).toList();
        List<String> sb = b.stream().map(Column::signature).toList();
        if (sa.equals(sb)) {
            return null;
        }
        for (int i = 0; i < Math.max(sa.size(), sb.size()); i++) {
            String x = i < sa.size() ? sa.get(i) : "(no column)";
            String y = i < sb.size() ? sb.get(i) : "(no column)";
            if (!x.equals(y)) {
                return "column " + (i + 1) + " is '" + x + "' vs '" + y + "'";
            }
        }
        return "column lists differ";
    }
}
