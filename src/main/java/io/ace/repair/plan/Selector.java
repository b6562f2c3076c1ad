package io.ace.repair.plan;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** One condition of a rule's {@code when}; a rule applies when all of its selectors hold. */
sealed interface Selector {

    boolean holds(KeyRows key, List<String> nodes);

    /** The key is one of these. */
    record Keys(Set<List<String>> keys) implements Selector {
        @Override
        public boolean holds(KeyRows key, List<String> nodes) {
            return keys.contains(key.key());
        }
    }

    /** The key is between the bounds, both inclusive; a null bound is open. */
    record KeyRange(List<String> from, List<String> to) implements Selector {
        @Override
        public boolean holds(KeyRows key, List<String> nodes) {
            return (from == null || ValueOrder.compare(from, key.key()) <= 0) && (to == null || ValueOrder.compare(key.key(), to) <= 0);
        }
    }

    /** At least two nodes have the row and their rows differ. */
    record Changed() implements Selector {
        @Override
        public boolean holds(KeyRows key, List<String> nodes) {
            List<Map<String, String>> rows = rows(key, nodes);
            return rows.size() >= 2 && rows.stream().distinct().count() > 1;
        }
    }

    /** The node lacks the row and some node has it. */
    record Missing(String node) implements Selector {
        @Override
        public boolean holds(KeyRows key, List<String> nodes) {
            return key.rows().get(node) == null && !rows(key, nodes).isEmpty();
        }
    }

    /** The node has the row and some other node lacks it. */
    record Extra(String node) implements Selector {
        @Override
        public boolean holds(KeyRows key, List<String> nodes) {
            return key.rows().get(node) != null && rows(key, nodes).size() < nodes.size();
        }
    }

    /** At least two nodes have the row and one of these columns differs between them. */
    record ColumnsChanged(List<String> columns) implements Selector {
        @Override
        public boolean holds(KeyRows key, List<String> nodes) {
            List<Map<String, String>> rows = rows(key, nodes);
            return rows.size() >= 2 && columns.stream().anyMatch(c -> rows.stream().map(r -> r.get(c)).distinct().count() > 1);
        }
    }

    /**
     * A predicate on one node's value of a column, {@link #ORIGIN} or {@link #COMMIT_TS}. It is false
     * on a node that lacks the row, or its origin or commit time; eq, ne and in treat NULL as a value.
     */
    record Match(String node, String column, Op op, List<String> values) implements Selector {

        static final String ORIGIN = "_origin";
        static final String COMMIT_TS = "_commit_ts";

        enum Op {
            EQ, NE, LT, LE, GT, GE, IS_NULL, NOT_NULL, IN;

            String text() {
                return name().toLowerCase(Locale.ROOT);
            }

            boolean takesValue() {
                return this != IS_NULL && this != NOT_NULL;
            }

            boolean orders() {
                return this == LT || this == LE || this == GT || this == GE;
            }
        }

        /** Whether the column is one of the row's metadata, not one of the table. */
        static boolean pseudo(String column) {
            return column.equals(ORIGIN) || column.equals(COMMIT_TS);
        }

        @Override
        public boolean holds(KeyRows key, List<String> nodes) {
            Map<String, String> row = key.rows().get(node);
            String actual = switch (column) {
                case ORIGIN -> "local".equals(key.origins().get(node)) ? node : key.origins().get(node);
                case COMMIT_TS -> key.commitTimes().get(node);
                default -> row == null ? null : row.get(column);
            };
            if (row == null || pseudo(column) && actual == null) {
                return false;
            }
            Comparator<String> order = column.equals(COMMIT_TS) ? ValueOrder::compareInstants : ValueOrder::compare;
            return switch (op) {
                case IS_NULL -> actual == null;
                case NOT_NULL -> actual != null;
                case EQ -> same(actual, values.get(0), order);
                case NE -> !same(actual, values.get(0), order);
                case IN -> values.stream().anyMatch(v -> same(actual, v, order));
                case LT -> actual != null && order.compare(actual, values.get(0)) < 0;
                case LE -> actual != null && order.compare(actual, values.get(0)) <= 0;
                case GT -> actual != null && order.compare(actual, values.get(0)) > 0;
                case GE -> actual != null && order.compare(actual, values.get(0)) >= 0;
            };
        }

        private static boolean same(String a, String b, Comparator<String> order) {
            return a == null || b == null ? a == b : order.compare(a, b) == 0;
        }
    }

    /** The rows of the nodes that have one, in node order. */
    private static List<Map<String, String>> rows(KeyRows key, List<String> nodes) {
        return nodes.stream().map(key.rows()::get).filter(Objects::nonNull).toList();
    }
}
