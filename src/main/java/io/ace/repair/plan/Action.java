package io.ace.repair.plan;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What a rule does to a key: an outcome for every node, or a problem when this key's rows do not allow it. */
sealed interface Action {

    Outcome UNTOUCHED = new Outcome.Untouched();
    Outcome ABSENT = new Outcome.Absent();

    Decision decide(String rule, KeyRows key, PlanContext context);

    record Skip() implements Action {
        @Override
        public Decision decide(String rule, KeyRows key, PlanContext context) {
            return each(rule, "skip", context, n -> UNTOUCHED);
        }
    }

    record Delete() implements Action {
        @Override
        public Decision decide(String rule, KeyRows key, PlanContext context) {
            return each(rule, "delete everywhere", context, n -> ABSENT);
        }
    }

    /** Nodes lacking the row get the row of the first node that has it. */
    record Bidirectional() implements Action {
        @Override
        public Decision decide(String rule, KeyRows key, PlanContext context) {
            Outcome first = context.nodes().stream().map(key.rows()::get).filter(Objects::nonNull).findFirst()
                    .<Outcome>map(Outcome.Present::new).orElse(UNTOUCHED);
            return each(rule, "bidirectional insert", context, n -> key.rows().get(n) == null ? first : UNTOUCHED);
        }
    }

    /** Every node as the node is: its row, or no row when it lacks it. */
    record Keep(String node) implements Action {
        @Override
        public Decision decide(String rule, KeyRows key, PlanContext context) {
            Outcome kept = copy(key, node);
            return each(rule, "keep " + node, context, n -> kept);
        }
    }

    record ApplyFrom(String node, Mode mode) implements Action {

        enum Mode {
            /** Every node as the node is, as {@link Keep}. */
            REPLACE,
            /** The node's row on every other node; nothing when it lacks the row. */
            UPSERT,
            /** The node's row on the nodes that lack the row; nothing when it lacks it too. */
            INSERT;

            String text() {
                return name().toLowerCase(Locale.ROOT);
            }
        }

        @Override
        public Decision decide(String rule, KeyRows key, PlanContext context) {
            Outcome source = copy(key, node);
            boolean lacks = source == ABSENT;
            return each(rule, "apply from " + node + " (" + mode.text() + ")", context, n -> switch (mode) {
                case REPLACE -> source;
                case UPSERT -> lacks || n.equals(node) ? UNTOUCHED : source;
                case INSERT -> lacks || key.rows().get(n) != null ? UNTOUCHED : source;
            });
        }
    }

    /** One non-key column of a custom row: a literal, or a node's value of a column. */
    sealed interface Cell {
    }

    record Literal(String value) implements Cell {
    }

    record Template(String node, String column) implements Cell {
    }

    /** The same written row on every node; its key columns come from the key. */
    record Custom(Map<String, Cell> cells) implements Action {
        @Override
        public Decision decide(String rule, KeyRows key, PlanContext context) {
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : context.columns()) {
                int keyIndex = context.keyColumns().indexOf(column);
                if (keyIndex >= 0) {
                    row.put(column, key.key().get(keyIndex));
                } else if (cells.get(column) instanceof Template template) {
                    Map<String, String> source = key.rows().get(template.node());
                    if (source == null) {
                        return problem(rule, "custom row", context,
                                "custom row needs " + template.node() + "'s row, which " + template.node() + " lacks");
                    }
                    row.put(column, source.get(template.column()));
                } else {
                    row.put(column, ((Literal) cells.get(column)).value());
                }
            }
            Outcome written = new Outcome.Present(row);
            return each(rule, "custom row", context, n -> written);
        }
    }

    /** Column by column, the first non-null value among the listed nodes that have the row. */
    record Coalesce(List<String> nodes) implements Action {
        @Override
        public Decision decide(String rule, KeyRows key, PlanContext context) {
            String action = "coalesce " + String.join(", ", nodes);
            List<Map<String, String>> sources = nodes.stream().map(key.rows()::get).filter(Objects::nonNull).toList();
            if (sources.isEmpty()) {
                return problem(rule, action, context, "no listed node has the row");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (String column : context.columns()) {
                row.put(column, sources.stream().map(r -> r.get(column)).filter(Objects::nonNull).findFirst().orElse(null));
            }
            Outcome merged = new Outcome.Present(row);
            return each(rule, action, context, n -> merged);
        }
    }

    /** The row committed last among the listed nodes; a tie goes to the node listed first. */
    record Latest(List<String> nodes) implements Action {
        @Override
        public Decision decide(String rule, KeyRows key, PlanContext context) {
            String action = "latest commit of " + String.join(", ", nodes);
            String winner = null;
            Instant latest = null;
            for (String node : nodes) {
                String committed = key.commitTimes().get(node);
                if (key.rows().get(node) == null || committed == null) {
                    continue;
                }
                Instant time = ValueOrder.instant(committed);
                if (latest == null || time.isAfter(latest)) {
                    latest = time;
                    winner = node;
                }
            }
            if (winner == null) {
                return problem(rule, action, context, "no listed node has the row with a commit time");
            }
            Outcome won = new Outcome.Present(key.rows().get(winner));
            return each(rule, action + " (" + winner + " won)", context, n -> won);
        }
    }

    /** The node's row, or absence when it lacks it. */
    private static Outcome copy(KeyRows key, String node) {
        Map<String, String> row = key.rows().get(node);
        return row == null ? ABSENT : new Outcome.Present(row);
    }

    private static Decision each(String rule, String action, PlanContext context, Function<String, Outcome> outcome) {
        Map<String, Outcome> perNode = new LinkedHashMap<>();
        for (String node : context.nodes()) {
            perNode.put(node, outcome.apply(node));
        }
        return new Decision(rule, action, Collections.unmodifiableMap(perNode), null);
    }

    private static Decision problem(String rule, String action, PlanContext context, String problem) {
        return new Decision(rule, action, each(rule, action, context, n -> UNTOUCHED).perNode(), problem);
    }
}
