package io.ace.operation.repsetdiff;

import io.ace.batch.BatchResources;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.batch.tableset.TableSetSteps;
import io.ace.cluster.ClusterSessions;
import io.ace.exit.AceException;
import io.ace.diff.ColumnChoices;
import io.ace.operation.OperationJob;
import io.ace.replication.ReplicationCatalog;
import io.ace.replication.SetMembership;
import io.ace.replication.ReplicationConfig;
import java.util.List;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.step.Step;

/**
 * The repset-diff job: members (the set's tables on every node, checked and frozen), tables (one
 * partition per table, several at once within the session budget, each restartable inside its
 * own blocks), and when that ends the summary (a line per table; the run fails when a table
 * could not be compared, after all the others were).
 */
final class RepsetDiffJob implements OperationJob<RepsetDiffRequest> {

    private final BatchResources resources;

    RepsetDiffJob(BatchResources resources) {
        this.resources = resources;
    }

    @Override
    public Needs prepare(RepsetDiffRequest request) {
        request.options().validate();
        return new Needs(request.options().nodes());
    }

    @Override
    public Job build(RepsetDiffRequest request, ClusterSessions sessions) {
        List<ReplicationConfig> configs = new ReplicationCatalog().readAll(sessions);
        if (configs.stream().allMatch(c -> c.set(request.set()).isEmpty())) {
            StringBuilder known = new StringBuilder();
            configs.forEach(c -> known.append(known.isEmpty() ? "" : "; ").append(c.node()).append(" (").append(c.kind().label()).append("): ")
                    .append(c.sets().isEmpty() ? "none" : String.join(", ", c.sets().stream().map(ReplicationConfig.ReplicationSet::name).toList())));
            throw AceException.config("replication set '" + request.set() + "' is defined on no node of cluster " + sessions.cluster().name()
                    + "; the sets there are: " + known);
        }
        // a columns file naming a table the set does not hold would leave that table's choice unused, silently
        List<String> members = SetMembership.of(request.set(), configs).members().stream().map(m -> m.table().toString()).toList();
        List<String> strangers = request.columnsByTable().keySet().stream().filter(t -> !members.contains(t)).sorted().toList();
        if (!strangers.isEmpty()) {
            throw AceException.usage("the columns file names " + String.join(", ", strangers) + ", which replication set '" + request.set()
                    + "' does not hold on any node; correct the table name or remove its line");
        }
        var repository = resources.repository();
        Step membersStep = resources.step("members", new MembersTasklet(request, sessions, configs));
        Step tables = TableSetSteps.tables(resources, sessions, request.options(), new ColumnChoices(request.options().columns(),
                        request.columnsByTable()),
                new DiffFileAssembler.Output(RepsetDiffRequest.OPERATION, request.runKey(), request.outputDir(), request.html(),
                        request.maxHtmlRows()),
                TableSetSteps.workers(resources, request.options(), request.maxConnections()),
                new SetSummary(request, sessions, repository, resources.html(), resources.toolVersion()));
        return new JobBuilder(RepsetDiffRequest.OPERATION, repository).start(membersStep).next(tables).build();
    }
}
