package io.ace.operation.repsetdiff;

import io.ace.batch.tableset.TableEntry;
import io.ace.batch.tableset.TableSet;
import io.ace.catalog.TableName;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.TableSurvey;
import io.ace.operation.TableSetFlags;
import io.ace.replication.ReplicationConfig;
import io.ace.replication.SetMembership;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1: the set's tables on every node (the union of its members), each checked on every node
 * and given the row filter and column list the set replicates it under; frozen in the job's
 * context, so a restart compares exactly these tables.
 */
final class MembersTasklet implements Tasklet {

    private final RepsetDiffRequest request;
    private final ClusterSessions sessions;
    private final List<ReplicationConfig> configs;

    MembersTasklet(RepsetDiffRequest request, ClusterSessions sessions, List<ReplicationConfig> configs) {
        this.request = request;
        this.sessions = sessions;
        this.configs = configs;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        SetMembership membership = SetMembership.of(request.set(), configs);
        List<TableName> compared = new ArrayList<>();
        List<TableEntry> skipped = new ArrayList<>();
        for (SetMembership.Member m : membership.members()) {
            if (TableSetFlags.skips(request.skipTables(), m.table())) {
                skipped.add(TableEntry.of(new TableSurvey.Verdict(m.table(), TableSurvey.Kind.SKIPPED, "left out by --skip-tables/--skip-file"),
                        null, null, null));
            } else {
                compared.add(m.table());
            }
        }
        List<TableEntry> entries = new ArrayList<>();
        for (TableSurvey.Verdict v : new TableSurvey().survey(sessions, compared)) {
            SetMembership.Member m = membership.members().stream().filter(x -> x.table().equals(v.table())).findFirst().orElseThrow();
            entries.add(TableEntry.of(v, m.filter(), m.columns(), m.difference(membership.nodesWithSet())));
        }
        entries.addAll(skipped);
        Map<String, String> facts = new LinkedHashMap<>();
        for (ReplicationConfig c : configs) {
            facts.put(c.node(), c.kind().label() + (c.localNode() == null ? "" : " node " + c.localNode()) + "; "
                    + (membership.nodesWithSet().contains(c.node()) ? "defines " + request.set() + " (" + c.tablesOf(request.set()).size()
                    + " tables, replicates " + String.join(", ", c.set(request.set()).orElseThrow().actions()) + ")"
                    : "does not define " + request.set()));
        }
        new TableSet(entries, facts).freeze(chunkContext.getStepContext().getStepExecution().getJobExecution());
        contribution.getStepExecution().getExecutionContext().putInt("tables", entries.size());
        return RepeatStatus.FINISHED;
    }
}
