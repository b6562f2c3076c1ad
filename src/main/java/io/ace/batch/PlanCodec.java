package io.ace.batch;

import io.ace.diff.DiffPlan;
import io.ace.json.AceJson;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The frozen plan as JSON text in the job's execution context (readable in the repository and the UI). */
public final class PlanCodec {

    private PlanCodec() {
    }

    public static String encode(DiffPlan plan) {
        return AceJson.STATE.writeValueAsString(java.util.Map.of("splits", plan.splits(), "ranges_per_block", plan.rangesPerBlock(),
                "blocks_per_partition", plan.blocksPerPartition(), "estimated_rows", plan.estimatedRows()));
    }

    public static DiffPlan decode(String json) {
        JsonNode root = AceJson.STATE.readTree(json);
        List<List<String>> splits = new ArrayList<>();
        for (JsonNode split : root.get("splits")) {
            List<String> key = new ArrayList<>();
            split.forEach(v -> key.add(v.asString()));
            splits.add(key);
        }
        return new DiffPlan(splits, root.get("ranges_per_block").asInt(), root.get("blocks_per_partition").asInt(),
                root.get("estimated_rows").asLong());
    }
}
