package io.ace.report;

import io.ace.diff.KeyDifference;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Which differing keys an HTML report lists under its cap: distinct keys, taken in turn from each
 * node pair's differences so every pair is represented. A key chosen is shown in every pair where
 * it differs; it counts once against the cap.
 */
final class ListedKeys {

    private ListedKeys() {
    }

    /** At most {@code cap} distinct keys of the pairs' differences, a pair at a time in their order. */
    static Set<List<String>> of(List<List<KeyDifference>> pairs, int cap) {
        Set<List<String>> chosen = new LinkedHashSet<>();
        List<Integer> next = new ArrayList<>(pairs.stream().map(p -> 0).toList());
        boolean more = true;
        while (chosen.size() < cap && more) {
            more = false;
            for (int i = 0; i < pairs.size() && chosen.size() < cap; i++) {
                List<KeyDifference> pair = pairs.get(i);
                int at = next.get(i);
                // past keys another pair already chose: each turn adds a key this pair alone would not have shown yet
                while (at < pair.size() && chosen.contains(pair.get(at).key())) {
                    at++;
                }
                if (at < pair.size()) {
                    chosen.add(pair.get(at).key());
                    at++;
                }
                next.set(i, at);
                more |= at < pair.size();
            }
        }
        return chosen;
    }
}
