package io.ace.report;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One line of a report's settings table: a summary field of the JSON report, by its JSON name,
 * and its value as a person reads it (lists comma-separated, maps as {@code key: value}).
 */
public record Fact(String name, String value) {

    /** The summary's fields in order, less those the report shows in tables of their own. */
    public static List<Fact> of(Map<String, ?> summary, Set<String> shownElsewhere) {
        List<Fact> facts = new ArrayList<>();
        summary.forEach((name, value) -> {
            if (!shownElsewhere.contains(name)) {
                facts.add(new Fact(name, text(value)));
            }
        });
        return facts;
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Collection<?> c) {
            return c.isEmpty() ? "none" : c.stream().map(Fact::text).collect(Collectors.joining(", "));
        }
        if (value instanceof Map<?, ?> m) {
            return m.isEmpty() ? "none" : m.entrySet().stream().map(e -> e.getKey() + ": " + text(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        return value.toString();
    }
}
