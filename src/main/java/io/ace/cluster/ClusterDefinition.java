package io.ace.cluster;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A named cluster: its nodes in service-file order, and the file it came from. */
public record ClusterDefinition(String name, Map<String, NodeDefinition> nodes, Path source) {

    public ClusterDefinition {
        nodes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
    }

    /** {@code --nodes all}, as pgEdge ACE writes "every node". */
    private static final List<String> ALL = List.of("all");

    /** The nodes a {@code --nodes} list names: empty (every node) for none or {@code all}. */
    public static List<String> named(List<String> names) {
        return names == null || names.equals(ALL) ? List.of() : List.copyOf(names);
    }

    /** The nodes named (all when {@code names} is empty or {@code all}), in the order given, or a config error naming the unknown one. */
    public List<NodeDefinition> select(List<String> names) {
        if (named(names).isEmpty()) {
            return List.copyOf(nodes.values());
        }
        List<NodeDefinition> chosen = new ArrayList<>();
        for (String n : names) {
            NodeDefinition node = nodes.get(n);
            if (node == null) {
                throw AceException.config("node " + UserInput.quoted(n) + " is not defined in cluster '" + name + "' (" + source
                        + "); its nodes are " + String.join(", ", nodes.keySet()));
            }
            if (chosen.contains(node)) {
                throw AceException.usage("node " + UserInput.quoted(n) + " is named twice in --nodes");
            }
            chosen.add(node);
        }
        return chosen;
    }
}
