package io.ace.replication;

import io.ace.catalog.TableName;
import java.util.List;
import java.util.Optional;

/**
 * One node's replication configuration as its catalog holds it. Replication sets are Spock's
 * and pglogical's sets or, for native replication, publications.
 *
 * @param node          the node's name in the cluster definition
 * @param kind          which replication the node runs
 * @param localNode     the replication node's own name (Spock, pglogical); null for native replication
 * @param subscriptions what the node subscribes to
 * @param sets          the replication sets (publications) defined on the node
 * @param tables        every table membership of those sets
 * @param tablesInNoSet permanent tables of the node's own schemas that no set holds (partitions are judged by their parent)
 */
public record ReplicationConfig(String node, ReplicationKind kind, String localNode, List<Subscription> subscriptions,
                                List<ReplicationSet> sets, List<SetTable> tables, List<TableName> tablesInNoSet) {

    public ReplicationConfig {
        subscriptions = List.copyOf(subscriptions);
        sets = List.copyOf(sets);
        tables = List.copyOf(tables);
        tablesInNoSet = List.copyOf(tablesInNoSet);
    }

    /**
     * A subscription.
     *
     * @param providerNode   the provider's replication node name (Spock, pglogical), or null
     * @param providerDsn    the provider's connection string without its password
     * @param status         {@code replicating}, {@code down}, {@code disabled}, ... as the node reports it
     * @param forwardOrigins origins whose changes the provider forwards ({@code all} when it forwards every change)
     */
    public record Subscription(String name, String providerNode, String providerDsn, boolean enabled, String status, List<String> sets,
                               List<String> forwardOrigins) {

        public Subscription {
            sets = List.copyOf(sets);
            forwardOrigins = List.copyOf(forwardOrigins);
        }
    }

    /** A replication set (publication) and the actions it replicates. */
    public record ReplicationSet(String name, boolean insert, boolean update, boolean delete, boolean truncate) {

        /** The actions, as a report lists them ({@code insert, update, delete, truncate}). */
        public List<String> actions() {
            List<String> actions = new java.util.ArrayList<>();
            if (insert) {
                actions.add("insert");
            }
            if (update) {
                actions.add("update");
            }
            if (delete) {
                actions.add("delete");
            }
            if (truncate) {
                actions.add("truncate");
            }
            return actions;
        }
    }

    /**
     * A table in a set.
     *
     * @param rowFilter the set's row filter as SQL over the table's columns, or null
     * @param columns   the set's column list, or null when the set replicates every column
     * @param keyed     whether its rows can be identified on the subscriber (a primary key, or a replica identity index or full)
     */
    public record SetTable(String set, TableName table, String rowFilter, List<String> columns, boolean keyed) {
    }

    public Optional<ReplicationSet> set(String name) {
        return sets.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** The memberships of one set, in table order. */
    public List<SetTable> tablesOf(String set) {
        return tables.stream().filter(t -> t.set().equals(set)).toList();
    }
}
