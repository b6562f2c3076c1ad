package io.ace.repair.plan;

import java.util.List;

/** What a plan is validated against: the diff file's nodes (in order), the table's columns (in order) and key columns (in key order). */
public record PlanContext(List<String> nodes, List<String> columns, List<String> keyColumns) {

    public PlanContext {
        nodes = List.copyOf(nodes);
        columns = List.copyOf(columns);
        keyColumns = List.copyOf(keyColumns);
    }
}
