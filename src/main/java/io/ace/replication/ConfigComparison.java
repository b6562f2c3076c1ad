package io.ace.replication;

import io.ace.catalog.TableName;
import io.ace.cluster.NodeDefinition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The replication configuration of every node compared, pair by pair: subscriptions that are not
 * returned (one node subscribes to the other, not the other way round), subscriptions that are
 * disabled or down, replication sets defined differently, tables held by different sets; and hints
 * for what is commonly misconfigured (a node with no subscription, a table in no set, a table
 * without a key in a set that replicates updates or deletes, changes forwarded around a mesh).
 *
 * @param mismatches what differs between nodes, or is broken: each makes the comparison fail
 * @param hints      what is probably misconfigured, though nodes agree
 */
public record ConfigComparison(List<ReplicationConfig> configs, List<Finding> mismatches, List<Finding> hints) {

    /**
     * One finding.
     *
     * @param nodes the node or the pair ({@code n1/n2}) it is about
     * @param what  the finding, naming the object
     */
    public record Finding(String nodes, String what) {
    }

    /** {@code definitions}: the cluster's nodes, to recognise a provider by its address. */
    public static ConfigComparison of(List<ReplicationConfig> configs, List<NodeDefinition> definitions) {
        List<Finding> mismatches = new ArrayList<>();
        List<Finding> hints = new ArrayList<>();
        Map<String, Map<String, ReplicationConfig.Subscription>> subscribesTo = new LinkedHashMap<>();
        for (ReplicationConfig c : configs) {
            Map<String, ReplicationConfig.Subscription> providers = new LinkedHashMap<>();
            for (ReplicationConfig.Subscription s : c.subscriptions()) {
                String provider = provider(s, configs, definitions).orElse(null);
                if (provider != null) {
                    providers.put(provider, s);
                }
                if (!"replicating".equals(s.status())) {
                    mismatches.add(new Finding(provider == null ? c.node() : pair(c.node(), provider), "subscription " + s.name() + " on "
                            + c.node() + " (from " + (provider == null ? s.providerDsn() : provider) + ") is "
                            + (s.enabled() ? s.status() : "disabled")));
                }
                if (s.forwardOrigins().contains("all") && c.kind() != ReplicationKind.NATIVE) {
                    hints.add(new Finding(c.node(), "subscription " + s.name() + " on " + c.node() + " forwards changes of every origin: in a"
                            + " mesh where every node subscribes to every other, changes travel twice; use forward_origins '{}'"));
                }
            }
            subscribesTo.put(c.node(), providers);
            if (c.subscriptions().isEmpty() && configs.size() > 1) {
                hints.add(new Finding(c.node(), c.node() + " subscribes to no node: changes made elsewhere do not reach it"));
            }
            for (TableName t : c.tablesInNoSet()) {
                hints.add(new Finding(c.node(), "table " + t + " on " + c.node() + " is in no replication set: its changes are not replicated"));
            }
            for (ReplicationConfig.SetTable t : c.tables()) {
                ReplicationConfig.ReplicationSet set = c.set(t.set()).orElse(null);
                if (!t.keyed() && set != null && (set.update() || set.delete())) {
                    hints.add(new Finding(c.node(), "table " + t.table() + " on " + c.node() + " has no primary key (nor replica identity)"
                            + " but set " + t.set() + " replicates " + (set.update() ? "updates" : "deletes") + ": they cannot be applied"));
                }
            }
        }
        for (int i = 0; i < configs.size(); i++) {
            for (int j = i + 1; j < configs.size(); j++) {
                compare(configs.get(i), configs.get(j), subscribesTo, mismatches, hints);
            }
        }
        return new ConfigComparison(configs, mismatches, hints);
    }

    private static void compare(ReplicationConfig a, ReplicationConfig b, Map<String, Map<String, ReplicationConfig.Subscription>> subscribesTo,
                                List<Finding> mismatches, List<Finding> hints) {
        String pair = pair(a.node(), b.node());
        ReplicationConfig.Subscription ab = subscribesTo.get(a.node()).get(b.node());
        ReplicationConfig.Subscription ba = subscribesTo.get(b.node()).get(a.node());
        if ((ab == null) != (ba == null)) {
            String has = ab != null ? a.node() : b.node();
            String lacks = ab != null ? b.node() : a.node();
            mismatches.add(new Finding(pair, has + " subscribes to " + lacks + " but " + lacks + " does not subscribe to " + has));
        } else if (ab != null && !new TreeSet<>(ab.sets()).equals(new TreeSet<>(ba.sets()))) {
            mismatches.add(new Finding(pair, a.node() + " subscribes to " + b.node() + " with sets " + String.join(", ", ab.sets()) + " but "
                    + b.node() + " subscribes to " + a.node() + " with sets " + String.join(", ", ba.sets())));
        }
        if (ab != null && ba != null && a.kind() == ReplicationKind.NATIVE && ab.forwardOrigins().contains("all")) {
            hints.add(new Finding(pair, a.node() + " and " + b.node() + " subscribe to each other with native subscriptions that forward"
                    + " changes of every origin: each change comes back; set origin = none (PostgreSQL 16 and later)"));
        }
        Map<String, ReplicationConfig.ReplicationSet> setsA = sets(a);
        Map<String, ReplicationConfig.ReplicationSet> setsB = sets(b);
        for (String name : new TreeSet<>(union(setsA.keySet(), setsB.keySet()))) {
            ReplicationConfig.ReplicationSet x = setsA.get(name);
            ReplicationConfig.ReplicationSet y = setsB.get(name);
            if (x == null || y == null) {
                mismatches.add(new Finding(pair, "set " + name + " is defined on " + (x == null ? b.node() : a.node()) + " but not on "
                        + (x == null ? a.node() : b.node())));
            } else if (!x.actions().equals(y.actions())) {
                mismatches.add(new Finding(pair, "set " + name + " replicates " + String.join(", ", x.actions()) + " on " + a.node() + " but "
                        + String.join(", ", y.actions()) + " on " + b.node()));
            }
        }
        Map<String, Map<String, ReplicationConfig.SetTable>> tablesA = memberships(a);
        Map<String, Map<String, ReplicationConfig.SetTable>> tablesB = memberships(b);
        for (String table : new TreeSet<>(union(tablesA.keySet(), tablesB.keySet()))) {
            Map<String, ReplicationConfig.SetTable> x = tablesA.getOrDefault(table, Map.of());
            Map<String, ReplicationConfig.SetTable> y = tablesB.getOrDefault(table, Map.of());
            if (!x.keySet().equals(y.keySet())) {
                mismatches.add(new Finding(pair, "table " + table + " is in " + describe(x.keySet()) + " on " + a.node() + " but in "
                        + describe(y.keySet()) + " on " + b.node()));
                continue;
            }
            for (String set : x.keySet()) {
                ReplicationConfig.SetTable p = x.get(set);
                ReplicationConfig.SetTable q = y.get(set);
                if (!Objects.equals(p.rowFilter(), q.rowFilter())) {
                    mismatches.add(new Finding(pair, "table " + table + " in set " + set + " has row filter " + filter(p) + " on " + a.node()
                            + " but " + filter(q) + " on " + b.node()));
                }
                if (!Objects.equals(p.columns(), q.columns())) {
                    mismatches.add(new Finding(pair, "table " + table + " in set " + set + " replicates columns " + columns(p) + " on " + a.node()
                            + " but " + columns(q) + " on " + b.node()));
                }
            }
        }
    }

    /** The cluster node a subscription's provider is: by replication node name, else by address (host, port, database). */
    private static Optional<String> provider(ReplicationConfig.Subscription s, List<ReplicationConfig> configs, List<NodeDefinition> definitions) {
        if (s.providerNode() != null) {
            Optional<String> byName = configs.stream().filter(c -> s.providerNode().equals(c.localNode())).map(ReplicationConfig::node).findFirst();
            if (byName.isPresent()) {
                return byName;
            }
        }
        return ConnectionStrings.nodeAt(s.providerDsn(), definitions);
    }

    private static Map<String, ReplicationConfig.ReplicationSet> sets(ReplicationConfig c) {
        Map<String, ReplicationConfig.ReplicationSet> sets = new TreeMap<>();
        c.sets().forEach(s -> sets.put(s.name(), s));
        return sets;
    }

    /** Table to set to membership. */
    private static Map<String, Map<String, ReplicationConfig.SetTable>> memberships(ReplicationConfig c) {
        Map<String, Map<String, ReplicationConfig.SetTable>> tables = new TreeMap<>();
        c.tables().forEach(t -> tables.computeIfAbsent(t.table().toString(), k -> new TreeMap<>()).put(t.set(), t));
        return tables;
    }

    private static <T> List<T> union(java.util.Collection<T> a, java.util.Collection<T> b) {
        List<T> all = new ArrayList<>(a);
        b.stream().filter(x -> !a.contains(x)).forEach(all::add);
        return all;
    }

    private static String describe(java.util.Set<String> sets) {
        return sets.isEmpty() ? "no set" : "set(s) " + String.join(", ", sets);
    }

    private static String filter(ReplicationConfig.SetTable t) {
        return t.rowFilter() == null ? "none" : "'" + t.rowFilter() + "'";
    }

    private static String columns(ReplicationConfig.SetTable t) {
        return t.columns() == null ? "all" : "(" + String.join(", ", t.columns()) + ")";
    }

    private static String pair(String a, String b) {
        return a.compareTo(b) <= 0 ? a + "/" + b : b + "/" + a;
    }
}
