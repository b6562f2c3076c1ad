package io.ace.repair;

import java.util.List;

/**
 * What a repair did (or with a dry run, would do) on one node.
 *
 * @param applied   changes written (or that would be written)
 * @param stale     changes skipped because the target row no longer has the value the diff file recorded
 * @param already   changes whose target row already had the wanted value (a resumed repair finds these)
 * @param statements with a dry run, the statements that would run, with their values
 */
public record RepairOutcome(String node, List<RepairChange> applied, List<RepairChange> stale, List<RepairChange> already,
                            List<String> statements) {

    public long count(RepairChange.Kind kind) {
        return applied.stream().filter(c -> c.kind() == kind).count();
    }
}
