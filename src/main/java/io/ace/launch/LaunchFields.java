package io.ace.launch;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A launch as named fields, the way a web form, an API body or a schedule file gives it: the
 * operation, the cluster and target (either may be null), and flags by their long names without
 * dashes ({@code block-size} or {@code block_size}). A flag's value is {@code true}/{@code false}
 * for a switch, a string or number, or a list of them; nothing here is ever split into further
 * arguments, so no value can become a flag of its own.
 */
public record LaunchFields(String operation, String cluster, String target, Map<String, Object> flags) {

    public LaunchFields {
        flags = Collections.unmodifiableMap(new LinkedHashMap<>(flags));
    }

    /** The cluster and target given, in that order, as the command line's positional arguments. */
    public List<String> positional() {
        return Stream.of(cluster, target).filter(p -> p != null && !p.isBlank()).map(String::strip).toList();
    }

    /** The same launch with one more flag (a run key the scheduler chooses, for example). */
    public LaunchFields with(String flag, Object value) {
        Map<String, Object> more = new LinkedHashMap<>(flags);
        more.put(flag, value);
        return new LaunchFields(operation, cluster, target, more);
    }
}
