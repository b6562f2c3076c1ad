package io.ace.repair.plan;

import static io.ace.exit.UserInput.quoted;

import io.ace.repair.plan.Selector.Match;
import io.ace.repair.plan.Selector.Match.Op;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.SequenceNode;

/** Reads a plan of format version 1: its rows overrides, rules and default, checked against the context as they are read. */
final class PlanReader {

    private static final List<String> PLAN_FIELDS = List.of("version", "default", "rules", "rows");
    private static final List<String> ROW_FIELDS = List.of("key", "action");
    private static final List<String> RULE_FIELDS = List.of("name", "when", "action");
    private static final List<String> WHEN_FIELDS = List.of("keys", "key_range", "kind", "node", "columns_changed", "match");
    private static final List<String> RANGE_FIELDS = List.of("from", "to");
    private static final List<String> MATCH_FIELDS = List.of("node", "column", "op", "value");

    private final PlanYaml yaml;
    private final ActionReader actions;

    PlanReader(String source, PlanContext context) {
        this.yaml = new PlanYaml(source, context);
        this.actions = new ActionReader(yaml);
    }

    RepairPlan read(String text) {
        Node root = yaml.compose(text);
        Map<String, NodeTuple> fields = yaml.fields(root, "the plan", PLAN_FIELDS);
        Node version = PlanYaml.optional(fields, "version");
        if (version == null) {
            throw yaml.error(root, "the plan needs version: 1, the format it is written in");
        }
        String format = yaml.text(version, "version");
        if (!format.equals("1")) {
            throw yaml.error(version, "version " + quoted(format) + " is unknown; the only plan format is version: 1");
        }
        List<RepairPlan.Rule> rules = new ArrayList<>();
        Node rows = PlanYaml.optional(fields, "rows");
        if (rows != null) {
            Map<List<String>, String> seen = new HashMap<>();
            List<Node> items = yaml.list(rows, "rows");
            for (int i = 0; i < items.size(); i++) {
                rules.add(row(items.get(i), "rows[" + i + "]", seen));
            }
        }
        Node ruleList = PlanYaml.optional(fields, "rules");
        if (ruleList != null) {
            List<Node> items = yaml.list(ruleList, "rules");
            for (int i = 0; i < items.size(); i++) {
                rules.add(rule(items.get(i), "rules[" + i + "]"));
            }
        }
        Node fallback = PlanYaml.optional(fields, "default");
        return new RepairPlan(yaml.context(), rules, fallback == null ? new Action.Skip() : actions.read(fallback, "default", List.of()));
    }

    /** A per-row override: a rule that holds for one key. */
    private RepairPlan.Rule row(Node node, String where, Map<List<String>, String> seen) {
        Map<String, NodeTuple> fields = yaml.fields(node, where, ROW_FIELDS);
        Node keyNode = yaml.required(fields, "key", node, where, "key: {" + exampleKey() + "}");
        List<String> key = yaml.key(keyNode, where + ".key");
        String earlier = seen.putIfAbsent(key, where);
        if (earlier != null) {
            throw yaml.error(keyNode, where + ".key repeats the key of " + earlier + ", which always wins; keep one of them");
        }
        Action action = actions.read(yaml.required(fields, "action", node, where, "action: skip"), where + ".action", List.of());
        return new RepairPlan.Rule(where, List.of(new Selector.Keys(Set.of(key))), action);
    }

    private RepairPlan.Rule rule(Node node, String where) {
        Map<String, NodeTuple> fields = yaml.fields(node, where, RULE_FIELDS);
        Node name = PlanYaml.optional(fields, "name");
        String label = name == null ? where : "rule " + quoted(yaml.text(name, where + ".name")) + " (" + where + ")";
        List<Selector> when = when(PlanYaml.optional(fields, "when"), where + ".when");
        Action action = actions.read(yaml.required(fields, "action", node, where, "action: skip"), where + ".action", when);
        return new RepairPlan.Rule(label, when, action);
    }

    private List<Selector> when(Node node, String where) {
        if (node == null) {
            return List.of();
        }
        Map<String, NodeTuple> fields = yaml.fields(node, where, WHEN_FIELDS);
        List<Selector> when = new ArrayList<>();
        for (Map.Entry<String, NodeTuple> field : fields.entrySet()) {
            Node value = field.getValue().getValueNode();
            String at = where + "." + field.getKey();
            switch (field.getKey()) {
                case "keys" -> {
                    List<Node> items = yaml.nonEmptyList(value, at);
                    List<List<String>> keys = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        keys.add(yaml.key(items.get(i), at + "[" + i + "]"));
                    }
                    when.add(new Selector.Keys(Set.copyOf(keys)));
                }
                case "key_range" -> when.add(keyRange(value, at));
                case "kind" -> when.add(kind(value, at, fields.get("node"), where));
                case "node" -> {
                    if (!fields.containsKey("kind")) {
                        throw yaml.error(field.getValue().getKeyNode(), at + " names the node of kind: missing or extra; add the kind");
                    }
                }
                case "columns_changed" -> {
                    List<Node> items = yaml.nonEmptyList(value, at);
                    List<String> columns = new ArrayList<>();
                    for (int i = 0; i < items.size(); i++) {
                        columns.add(yaml.column(yaml.text(items.get(i), at + "[" + i + "]"), items.get(i), at + "[" + i + "]"));
                    }
                    when.add(new Selector.ColumnsChanged(List.copyOf(columns)));
                }
                case "match" -> {
                    List<Node> items = yaml.nonEmptyList(value, at);
                    for (int i = 0; i < items.size(); i++) {
                        when.add(match(items.get(i), at + "[" + i + "]"));
                    }
                }
            }
        }
        return List.copyOf(when);
    }

    private Selector keyRange(Node node, String where) {
        Map<String, NodeTuple> fields = yaml.fields(node, where, RANGE_FIELDS);
        Node fromNode = PlanYaml.optional(fields, "from");
        Node toNode = PlanYaml.optional(fields, "to");
        if (fromNode == null && toNode == null) {
            throw yaml.error(node, where + " needs from, to or both, e.g. from: {" + exampleKey() + "}");
        }
        List<String> from = fromNode == null ? null : yaml.key(fromNode, where + ".from");
        List<String> to = toNode == null ? null : yaml.key(toNode, where + ".to");
        if (from != null && to != null && ValueOrder.compare(from, to) > 0) {
            throw yaml.error(toNode, where + ".to is before from, so no key is in the range; swap them");
        }
        return new Selector.KeyRange(from, to);
    }

    private Selector kind(Node node, String where, NodeTuple nodeField, String when) {
        String kind = yaml.text(node, where);
        if (kind.equals("changed")) {
            if (nodeField != null) {
                throw yaml.error(nodeField.getKeyNode(), when + ".node does not go with kind: changed, which is about the nodes that"
                        + " have the row; remove node");
            }
            return new Selector.Changed();
        }
        if (!kind.equals("missing") && !kind.equals("extra")) {
            throw yaml.error(node, where + " must be changed, missing or extra, not " + quoted(kind));
        }
        if (nodeField == null) {
            throw yaml.error(node, where + ": " + kind + " needs the node the row is " + kind + " on; add node: NODE (one of "
                    + String.join(", ", yaml.context().nodes()) + ")");
        }
        String on = yaml.node(nodeField.getValueNode(), when + ".node");
        return kind.equals("missing") ? new Selector.Missing(on) : new Selector.Extra(on);
    }

    private Selector match(Node node, String where) {
        Map<String, NodeTuple> fields = yaml.fields(node, where, MATCH_FIELDS);
        String on = yaml.node(yaml.required(fields, "node", node, where, "node: " + yaml.context().nodes().get(0)), where + ".node");
        Node columnNode = yaml.required(fields, "column", node, where, "column: " + yaml.context().columns().get(0));
        String column = yaml.text(columnNode, where + ".column");
        if (!Match.pseudo(column) && !yaml.context().columns().contains(column)) {
            throw yaml.error(columnNode, where + ".column: unknown column " + quoted(column) + "; the table's columns are "
                    + String.join(", ", yaml.context().columns()) + ", or " + Match.ORIGIN + " and " + Match.COMMIT_TS);
        }
        Node opNode = yaml.required(fields, "op", node, where, "op: eq");
        String opText = yaml.text(opNode, where + ".op");
        Op op = Arrays.stream(Op.values()).filter(o -> o.text().equals(opText)).findFirst().orElseThrow(() -> yaml.error(opNode,
                where + ".op " + quoted(opText) + " is unknown; expected "
                        + Arrays.stream(Op.values()).map(Op::text).collect(Collectors.joining(", "))));
        NodeTuple valueField = fields.get("value");
        if (!op.takesValue()) {
            if (valueField != null) {
                throw yaml.error(valueField.getKeyNode(), where + ": op " + opText + " takes no value; remove value");
            }
            if (Match.pseudo(column) && op == Op.IS_NULL) {
                throw yaml.error(opNode, where + ": is_null never holds on " + column + ", since a predicate on a node whose "
                        + column + " is unknown is false");
            }
            return new Match(on, column, op, List.of());
        }
        if (valueField == null) {
            throw yaml.error(opNode, where + ": op " + opText + " needs a value; add value: " + (op == Op.IN ? "[...]" : "..."));
        }
        Node value = valueField.getValueNode();
        if (op != Op.IN && value instanceof SequenceNode) {
            throw yaml.error(value, where + ".value is a list, but " + opText + " compares with one value; for a list use op: in");
        }
        List<String> values = new ArrayList<>();
        for (Node item : op == Op.IN ? yaml.nonEmptyList(value, where + ".value") : List.of(value)) {
            values.add(matchValue(item, where + ".value", column, op));
        }
        return new Match(on, column, op, Collections.unmodifiableList(values));
    }

    private String matchValue(Node node, String where, String column, Op op) {
        String value = yaml.nullable(node, where);
        if (value == null) {
            if (op.orders()) {
                throw yaml.error(node, where + " is null, which " + op.text() + " cannot order; use is_null or not_null");
            }
            if (Match.pseudo(column)) {
                throw yaml.error(node, where + " is null, but a known " + column + " never is; use not_null to ask whether it is known");
            }
            return null;
        }
        if (column.equals(Match.COMMIT_TS)) {
            try {
                ValueOrder.instant(value);
            } catch (DateTimeParseException e) {
                throw yaml.error(node, where + " " + quoted(value) + " is not an RFC 3339 time with offset, e.g. 2026-12-06T03:00:00Z");
            }
        }
        return value;
    }

    private String exampleKey() {
        return yaml.context().keyColumns().stream().map(c -> c + ": ...").collect(Collectors.joining(", "));
    }
}
