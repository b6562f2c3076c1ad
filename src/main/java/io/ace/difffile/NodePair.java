package io.ace.difffile;

import java.util.ArrayList;
import java.util.List;

/** Two nodes in lexical order; {@code a/b} names the pair in the diff file. */
public record NodePair(String a, String b) {

    public String key() {
        return a + "/" + b;
    }

    public static List<NodePair> of(List<String> nodes) {
        List<String> sorted = nodes.stream().sorted().toList();
        List<NodePair> pairs = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            for (int j = i + 1; j < sorted.size(); j++) {
                pairs.add(new NodePair(sorted.get(i), sorted.get(j)));
            }
        }
        return pairs;
    }
}
