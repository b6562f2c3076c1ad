package io.ace.repair;

import java.util.EnumMap;
import java.util.Map;

/**
 * What a repair did (or with a dry run, would do) on one node.
 *
 * @param applied changes written (or that would be written), by kind
 * @param stale   changes skipped because the target row no longer has the value the diff file recorded
 * @param already changes whose target row already had the wanted value (a resumed repair finds these)
 */
public record RepairOutcome(String node, Map<RepairChange.Kind, Long> applied, long stale, long already) {

    public RepairOutcome {
        Map<RepairChange.Kind, Long> all = new EnumMap<>(RepairChange.Kind.class);
        for (RepairChange.Kind kind : RepairChange.Kind.values()) {
            all.put(kind, applied.getOrDefault(kind, 0L));
        }
        applied = all;
    }

    public long count(RepairChange.Kind kind) {
        return applied.get(kind);
    }

    public long appliedTotal() {
        return applied.values().stream().mapToLong(Long::longValue).sum();
    }
}
