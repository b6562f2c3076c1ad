package io.ace.repair.plan;

import static io.ace.exit.UserInput.quoted;

import io.ace.exit.AceException;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A plan's YAML as nodes, which know their line and column, with the checks its fields share:
 * shape, known field names, and names of the context's nodes and columns. Every check throws a
 * usage error that points at the offending node.
 */
final class PlanYaml {

    private final String source;
    private final PlanContext context;

    PlanYaml(String source, PlanContext context) {
        this.source = source;
        this.context = context;
    }

    PlanContext context() {
        return context;
    }

    /** The document's root node; JSON is YAML, so this reads both. */
    Node compose(String text) {
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            throw at(mark, "not valid YAML or JSON: " + (e.getContext() == null ? "" : e.getContext() + ": ") + e.getProblem());
        } catch (YAMLException e) {
            throw at(null, "not valid YAML or JSON: " + e.getMessage());
        }
        if (root == null) {
            throw at(null, "the plan is empty; it starts with version: 1");
        }
        return root;
    }

    AceException error(Node node, String message) {
        return at(node.getStartMark(), message);
    }

    private AceException at(Mark mark, String message) {
        int line = mark == null ? 1 : mark.getLine() + 1;
        int column = mark == null ? 1 : mark.getColumn() + 1;
        return AceException.usage(source + " line " + line + ", column " + column + ": " + message);
    }

    /** The fields of a mapping by name, in file order; with {@code known}, other names are errors. */
    Map<String, NodeTuple> fields(Node node, String where, List<String> known) {
        if (!(node instanceof MappingNode mapping)) {
            throw error(node, where + " must be a mapping (name: value), not " + shape(node));
        }
        Map<String, NodeTuple> fields = new LinkedHashMap<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String name = text(tuple.getKeyNode(), "a field name in " + where);
            if (known != null && !known.contains(name)) {
                throw error(tuple.getKeyNode(), "unknown field " + quoted(name) + " in " + where + "; expected "
                        + String.join(", ", known));
            }
            if (fields.putIfAbsent(name, tuple) != null) {
                throw error(tuple.getKeyNode(), quoted(name) + " appears twice in " + where);
            }
        }
        return fields;
    }

    /** A field's value, or null when it is not given or given without a value. */
    static Node optional(Map<String, NodeTuple> fields, String name) {
        NodeTuple field = fields.get(name);
        return field == null || isNull(field.getValueNode()) ? null : field.getValueNode();
    }

    Node required(Map<String, NodeTuple> fields, String name, Node owner, String where, String example) {
        Node value = optional(fields, name);
        if (value == null) {
            throw error(fields.containsKey(name) ? fields.get(name).getKeyNode() : owner, where + " needs " + name + ", e.g. " + example);
        }
        return value;
    }

    List<Node> list(Node node, String where) {
        if (!(node instanceof SequenceNode sequence)) {
            throw error(node, where + " must be a list ([a, b] or one '- item' per line), not " + shape(node));
        }
        return sequence.getValue();
    }

    /** The items of a list that means nothing when empty. */
    List<Node> nonEmptyList(Node node, String where) {
        List<Node> items = list(node, where);
        if (items.isEmpty()) {
            throw error(node, where + " is an empty list; give at least one item");
        }
        return items;
    }

    /** A single value that is not null: what a YAML number, boolean or string is written as. */
    String text(Node node, String where) {
        String text = nullable(node, where);
        if (text == null) {
            throw error(node, where + " needs a value, not null");
        }
        return text;
    }

    /** A single value; null for YAML null, which stands for SQL NULL. */
    String nullable(Node node, String where) {
        if (!(node instanceof ScalarNode scalar)) {
            throw error(node, where + " must be a single value, not " + shape(node));
        }
        return isNull(scalar) ? null : scalar.getValue();
    }

    /** A node of the context, named by the text of {@code node}. */
    String node(Node node, String where) {
        return node(text(node, where), node, where);
    }

    String node(String name, Node at, String where) {
        if (!context.nodes().contains(name)) {
            throw error(at, where + ": unknown node " + quoted(name) + "; the diff file's nodes are " + String.join(", ", context.nodes()));
        }
        return name;
    }

    /** A column of the table, named by {@code name}. */
    String column(String name, Node at, String where) {
        if (!context.columns().contains(name)) {
            throw error(at, where + ": unknown column " + quoted(name) + "; the table's columns are "
                    + String.join(", ", context.columns()));
        }
        return name;
    }

    /** A key: every key column and no other, in key order. */
    List<String> key(Node node, String where) {
        Map<String, NodeTuple> fields = fields(node, where, null);
        for (NodeTuple field : fields.values()) {
            String name = ((ScalarNode) field.getKeyNode()).getValue();
            if (!context.keyColumns().contains(name)) {
                throw error(field.getKeyNode(), where + ": " + quoted(name) + " is not a key column; a key gives exactly "
                        + String.join(", ", context.keyColumns()));
            }
            if (isNull(field.getValueNode())) {
                throw error(field.getValueNode(), where + "." + name + " is null; key columns are never NULL");
            }
        }
        List<String> lacking = context.keyColumns().stream().filter(c -> !fields.containsKey(c)).toList();
        if (!lacking.isEmpty()) {
            throw error(node, where + " lacks " + String.join(", ", lacking) + "; a key gives every key column: "
                    + String.join(", ", context.keyColumns()));
        }
        return context.keyColumns().stream().map(c -> text(fields.get(c).getValueNode(), where + "." + c)).toList();
    }

    private static boolean isNull(Node node) {
        return node instanceof ScalarNode && node.getTag().equals(Tag.NULL);
    }

    private static String shape(Node node) {
        if (isNull(node)) {
            return "nothing";
        }
        return node instanceof MappingNode ? "a mapping" : node instanceof SequenceNode ? "a list" : "a single value";
    }
}
