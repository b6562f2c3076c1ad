package io.ace.operation.schemadiff;

import io.ace.batch.tableset.TableEntry;
import io.ace.batch.tableset.TableSet;
import io.ace.catalog.TableName;
import io.ace.cluster.ClusterSessions;
import io.ace.diff.TableSurvey;
import io.ace.operation.TableSetFlags;
import io.ace.schemadiff.SchemaComparison;
import io.ace.schemadiff.SchemaObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Step 1: the schema's definitions compared pair by pair, frozen in the job's context with,
 * unless only definitions are compared, the tables whose data is compared next (those on every
 * node, each checked there).
 */
final class DefinitionsTasklet implements Tasklet {

    private final SchemaDiffRequest request;
    private final ClusterSessions sessions;
    private final Map<String, List<SchemaObject>> objects;

    /** {@code objects}: each node's objects, as the launch read them; a node without the schema is absent. */
    DefinitionsTasklet(SchemaDiffRequest request, ClusterSessions sessions, Map<String, List<SchemaObject>> objects) {
        this.request = request;
        this.sessions = sessions;
        this.objects = objects;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        JobExecution job = chunkContext.getStepContext().getStepExecution().getJobExecution();
        SchemaComparison comparison = SchemaComparison.of(request.schema(), sessions.nodeNames(), objects);
        SchemaSummary.freeze(job, comparison);
        contribution.getStepExecution().getExecutionContext().putInt("definition_differences", comparison.differences());
        if (!request.ddlOnly()) {
            List<TableName> compared = new ArrayList<>();
            List<TableEntry> skipped = new ArrayList<>();
            for (String name : SchemaComparison.tablesOnEveryNode(objects)) {
                TableName table = new TableName(request.schema(), name);
                if (TableSetFlags.skips(request.skipTables(), table)) {
                    skipped.add(TableEntry.of(new TableSurvey.Verdict(table, TableSurvey.Kind.SKIPPED, "left out by --skip-tables/--skip-file"),
                            null, null, null));
                } else {
                    compared.add(table);
                }
            }
            List<TableEntry> entries = new ArrayList<>();
            // a table missing on some node is a definition difference already; only tables on every node are surveyed
            new TableSurvey().survey(sessions, compared).forEach(v -> entries.add(TableEntry.of(v, null, null, null)));
            entries.addAll(skipped);
            new TableSet(entries, new LinkedHashMap<>()).freeze(job);
        }
        return RepeatStatus.FINISHED;
    }
}
