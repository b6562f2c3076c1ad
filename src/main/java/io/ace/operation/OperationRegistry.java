package io.ace.operation;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every operation this version runs, by name, in the order help and forms list them. */
public final class OperationRegistry {

    private final Map<String, Operation<?>> byName = new LinkedHashMap<>();

    public OperationRegistry(List<Operation<?>> operations) {
        for (Operation<?> op : operations) {
            if (byName.putIfAbsent(op.name(), op) != null) {
                throw new IllegalStateException("operation " + op.name() + " is registered twice");
            }
        }
    }

    public List<Operation<?>> all() {
        return List.copyOf(byName.values());
    }

    public List<String> names() {
        return List.copyOf(byName.keySet());
    }

    public boolean contains(String name) {
        return byName.containsKey(name);
    }

    /** The operation that is {@code verb} of {@code group} ({@code mtree build}), or a usage error listing the ones there are. */
    public Operation<?> get(String group, String verb) {
        return byName.values().stream().filter(o -> o.group().equals(group) && o.verb().equals(verb)).findFirst()
                .orElseThrow(() -> AceException.usage("unknown operation " + UserInput.quoted(group + " " + verb) + "; this version runs "
                        + String.join(", ", names())));
    }

    /** The operations the UI offers on a run that wrote a diff file. */
    public List<Operation<?>> followUps() {
        return byName.values().stream().filter(o -> o.followUp() != null).toList();
    }

    /** The operation of that name, or a usage error listing the ones there are. */
    public Operation<?> get(String name) {
        Operation<?> op = byName.get(name);
        if (op == null) {
            throw AceException.usage("unknown operation " + UserInput.quoted(name) + "; this version runs " + String.join(", ", names()));
        }
        return op;
    }
}
