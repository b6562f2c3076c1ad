package io.ace.repair.plan;

import static io.ace.exit.UserInput.quoted;

import io.ace.repair.plan.Action.ApplyFrom.Mode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/** Reads an action, refusing one that cannot repair the difference its rule selects. */
final class ActionReader {

    private static final List<String> FIELDS = List.of("keep", "apply_from", "mode", "custom", "coalesce", "latest");
    private static final String ACTIONS = "skip, delete, bidirectional, {keep: NODE}, {apply_from: NODE, mode: replace|upsert|insert},"
            + " {custom: {column: value, ...}}, {coalesce: [NODE, ...]} or {latest: [NODE, ...]}";
    /** The whole value, so that a literal can never be half a template. */
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{([^.{}]+)\\.([^{}]+)}}");

    private final PlanYaml yaml;

    ActionReader(PlanYaml yaml) {
        this.yaml = yaml;
    }

    /** @param when the selectors of the action's rule, none for rows overrides and the default */
    Action read(Node node, String where, List<Selector> when) {
        if (node instanceof ScalarNode) {
            String name = yaml.text(node, where);
            Action action = switch (name) {
                case "skip" -> new Action.Skip();
                case "delete" -> new Action.Delete();
                case "bidirectional" -> new Action.Bidirectional();
                default -> throw yaml.error(node, where + " " + quoted(name) + " is unknown; expected " + ACTIONS);
            };
            if (action instanceof Action.Bidirectional && when.contains(new Selector.Changed())) {
                throw yaml.error(node, where + ": bidirectional cannot repair kind: changed, a changed row is on every side it"
                        + " would be inserted to; use keep, apply_from, custom, coalesce or latest");
            }
            return action;
        }
        Map<String, NodeTuple> fields = yaml.fields(node, where, FIELDS);
        List<String> kinds = fields.keySet().stream().filter(name -> !name.equals("mode")).toList();
        if (kinds.isEmpty()) {
            throw yaml.error(node, where + " needs one of keep, apply_from, custom, coalesce or latest");
        }
        if (kinds.size() > 1) {
            throw yaml.error(fields.get(kinds.get(1)).getKeyNode(), where + " gives both " + kinds.get(0) + " and " + kinds.get(1)
                    + "; an action does one of them");
        }
        String kind = kinds.get(0);
        NodeTuple mode = fields.get("mode");
        if (mode != null && !kind.equals("apply_from")) {
            throw yaml.error(mode.getKeyNode(), where + ".mode goes with apply_from, not with " + kind);
        }
        Node value = fields.get(kind).getValueNode();
        String at = where + "." + kind;
        return switch (kind) {
            case "keep" -> new Action.Keep(source(value, at, "keep", when));
            case "apply_from" -> new Action.ApplyFrom(source(value, at, "apply_from", when), mode(mode, where + ".mode"));
            case "custom" -> custom(value, at);
            case "coalesce" -> new Action.Coalesce(nodes(value, at));
            // the last of FIELDS: no other name gets past fields()
            default -> new Action.Latest(nodes(value, at));
        };
    }

    /** The node a row is taken from, which must have it where the rule selects. */
    private String source(Node node, String where, String action, List<Selector> when) {
        String source = yaml.node(node, where);
        if (when.contains(new Selector.Missing(source))) {
            throw yaml.error(node, where + ": kind: missing on " + source + " means " + source + " lacks the row, so " + action + " "
                    + source + " has nothing to take; name a node that has it");
        }
        return source;
    }

    private Mode mode(NodeTuple field, String where) {
        if (field == null) {
            return Mode.REPLACE;
        }
        String text = yaml.text(field.getValueNode(), where);
        return Arrays.stream(Mode.values()).filter(m -> m.text().equals(text)).findFirst().orElseThrow(() ->
                yaml.error(field.getValueNode(), where + " " + quoted(text) + " is unknown; expected replace, upsert or insert"));
    }

    /** Nodes of the context, at least one, each once. */
    private List<String> nodes(Node node, String where) {
        List<Node> items = yaml.nonEmptyList(node, where);
        List<String> nodes = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String name = yaml.node(items.get(i), where + "[" + i + "]");
            if (nodes.contains(name)) {
                throw yaml.error(items.get(i), where + "[" + i + "]: " + name + " is listed twice");
            }
            nodes.add(name);
        }
        return List.copyOf(nodes);
    }

    /** Every non-key column, as a literal or a template; the key columns come from the key. */
    private Action custom(Node node, String where) {
        PlanContext context = yaml.context();
        Map<String, Action.Cell> cells = new LinkedHashMap<>();
        for (Map.Entry<String, NodeTuple> field : yaml.fields(node, where, null).entrySet()) {
            String column = field.getKey();
            Node name = field.getValue().getKeyNode();
            if (context.keyColumns().contains(column)) {
                throw yaml.error(name, where + ": " + column + " is a key column, which a custom row takes from the key; remove it");
            }
            yaml.column(column, name, where);
            cells.put(column, cell(field.getValue().getValueNode(), where + "." + column));
        }
        List<String> lacking = context.columns().stream().filter(c -> !context.keyColumns().contains(c) && !cells.containsKey(c)).toList();
        if (!lacking.isEmpty()) {
            throw yaml.error(node, where + " lacks " + String.join(", ", lacking) + "; a custom row gives every column but the key ("
                    + String.join(", ", context.keyColumns()) + ")");
        }
        return new Action.Custom(Map.copyOf(cells));
    }

    private Action.Cell cell(Node node, String where) {
        if (!(node instanceof ScalarNode)) {
            // an unquoted {{n1.c}} is YAML for a mapping in a mapping
            throw yaml.error(node, where + " must be a single value or a quoted template \"{{NODE.COLUMN}}\"");
        }
        String value = yaml.nullable(node, where);
        if (value == null || !value.contains("{{")) {
            return new Action.Literal(value);
        }
        Matcher template = TEMPLATE.matcher(value);
        if (!template.matches()) {
            throw yaml.error(node, where + " " + quoted(value) + " is not a template; a template is the whole value, exactly"
                    + " {{NODE.COLUMN}}");
        }
        return new Action.Template(yaml.node(template.group(1), node, where), yaml.column(template.group(2), node, where));
    }
}
