package io.ace.operation.repsetdiff;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.ace.batch.tableset.TableSetOutcome;
import io.ace.report.RunStamp;
import io.ace.report.StampedSummary;
import io.ace.report.SummaryDocument;
import io.ace.report.TableLine;
import java.util.List;
import java.util.Map;

/**
 * The summary of a repset-diff run, as its summary file states it.
 *
 * @param nodeReplication each node's replication, or that it does not define the set
 * @param setMissingOn    the nodes that do not define the set
 * @param tables          tables of the set
 */
record RepsetDiffSummary(String cluster, String replicationSet, List<String> nodes, Map<String, String> nodeReplication,
                         List<String> setMissingOn, int tables, @JsonUnwrapped TableSetOutcome.Counts counts,
                         @JsonUnwrapped RunStamp run) implements StampedSummary {

    /** The summary file: the summary, then one line per table of the set. */
    record Document(RepsetDiffSummary summary, List<TableLine> tables) implements SummaryDocument {
    }
}
