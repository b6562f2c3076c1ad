package io.ace.report;

import java.util.List;

/**
 * The HTML report of a run that compares many tables (repset-diff): the verdict, what the run
 * found about the nodes, one line per table with links to each differing table's own reports,
 * and the run's facts.
 *
 * @param subject     what was compared, as the title names it ({@code replication set default})
 * @param verdict     the outcome in one sentence
 * @param bad         whether anything needs the operator
 * @param sub         what was compared, when, for how long
 * @param nodes       one fact per node (its replication, whether it defines the set)
 * @param tables      one line per table
 * @param run         cluster, run key, execution, who, version
 */
public record TableSetReport(String operation, String subject, String verdict, boolean bad, String sub, List<Fact> nodes,
                             List<TableLine> tables, List<Fact> run, String generatedBy) {
}
