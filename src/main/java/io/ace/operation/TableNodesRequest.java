package io.ace.operation;

import io.ace.catalog.TableName;
import java.nio.file.Path;
import java.util.List;

/**
 * A launch that works on one table on some nodes, with no options of its own ({@code mtree update},
 * {@code mtree teardown-table}).
 *
 * @param nodes the nodes to work on; empty for every node of the cluster
 */
public record TableNodesRequest(String operation, String cluster, TableName table, List<String> nodes, String runKey, Path outputDir)
        implements TableRequest {

    public TableNodesRequest {
        nodes = List.copyOf(nodes);
    }
}
