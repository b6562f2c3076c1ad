package io.ace.operation.schemadiff;

import io.ace.batch.BatchResources;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.batch.tableset.TableSetSteps;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodeFanOut;
import io.ace.exit.AceException;
import io.ace.diff.ColumnChoices;
import io.ace.operation.OperationJob;
import io.ace.schemadiff.SchemaObject;
import io.ace.schemadiff.SchemaReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * The schema-diff job: definitions (compared and frozen), then either the report (with
 * {@code --ddl-only}) or the tables present on every node, compared as repset-diff compares a
 * set's, with the report written when they end.
 */
final class SchemaDiffJob implements OperationJob<SchemaDiffRequest> {

    private final BatchResources resources;

    SchemaDiffJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(SchemaDiffRequest request) {
        request.options().validate();
        return new Needs(request.options().nodes());
    }

    @Override
    public Job build(SchemaDiffRequest request, ClusterSessions sessions) {
        Map<String, List<SchemaObject>> objects = readObjects(request.schema(), sessions);
        if (objects.isEmpty()) {
            throw AceException.config("schema " + request.schema() + " exists on no node of cluster " + sessions.cluster().name() + " ("
                    + String.join(", ", sessions.nodeNames()) + "); names are case-sensitive: check its spelling");
        }
        var repository = resources.repository();
        Step definitions = resources.step("definitions", new DefinitionsTasklet(request, sessions, objects));
        SchemaSummary summary = new SchemaSummary(request, sessions, repository, resources.html(), resources.toolVersion());
        Step next;
        if (request.ddlOnly()) {
            next = resources.step("report", (contribution, chunk) -> {
                summary.write(chunk.getStepContext().getStepExecution().getJobExecution(), null);
                return RepeatStatus.FINISHED;
            });
        } else {
            next = TableSetSteps.tables(resources, sessions, request.options(), ColumnChoices.ALL,
                    new DiffFileAssembler.Output(SchemaDiffRequest.OPERATION, request.runKey(), request.outputDir(), request.html(),
                            request.maxHtmlRows()),
                    TableSetSteps.workers(resources, request.options(), request.maxConnections()), summary);
        }
        return new JobBuilder(SchemaDiffRequest.OPERATION, repository).start(definitions).next(next).build();
    }

    /** Each node's objects of the schema, read on all nodes at once; a node without the schema is left out. A node whose catalog cannot be read is named. */
    private static Map<String, List<SchemaObject>> readObjects(String schema, ClusterSessions sessions) {
        SchemaReader reader = new SchemaReader();
        Map<String, Optional<List<SchemaObject>>> read = NodeFanOut.readEveryNode(sessions,
                node -> "cannot read the definitions of schema " + schema + " on node " + node,
                (c, node) -> reader.exists(c, schema) ? Optional.of(reader.read(c, schema)) : Optional.empty());
        Map<String, List<SchemaObject>> objects = new LinkedHashMap<>();
        read.forEach((node, found) -> found.ifPresent(o -> objects.put(node, o)));
        return objects;
    }
}
