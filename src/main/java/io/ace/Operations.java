package io.ace;

import io.ace.batch.BatchResources;
import io.ace.batch.JobControl;
import io.ace.cluster.ClusterRegistry;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.OperationRegistry;
import io.ace.operation.mtreebuild.MtreeBuild;
import io.ace.operation.mtreeinit.MtreeInit;
import io.ace.operation.mtreelisten.MtreeListen;
import io.ace.operation.mtreestatus.MtreeStatus;
import io.ace.operation.mtreetablediff.MtreeTableDiff;
import io.ace.operation.mtreeteardown.MtreeTeardown;
import io.ace.operation.mtreeteardowntable.MtreeTeardownTable;
import io.ace.operation.mtreeupdate.MtreeUpdate;
import io.ace.operation.repsetdiff.RepsetDiff;
import io.ace.operation.schemadiff.SchemaDiff;
import io.ace.operation.spockdiff.SpockDiff;
import io.ace.operation.tablediff.TableDiff;
import io.ace.operation.tablerepair.TableRepair;
import io.ace.operation.tablererun.TableRerun;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operations this version runs, one line each, in the order help and forms list them, and the grammar that launches them. */
@Configuration(proxyBeanMethods = false)
public class Operations {

    /**
     * Every operation; their jobs are made from {@code resources} on launch only, so the command
     * line can answer help, version and usage errors before the application starts.
     */
    public static OperationRegistry registry(Supplier<BatchResources> resources) {
        return new OperationRegistry(List.of(
                TableDiff.operation(resources),
                TableRerun.operation(resources),
                TableRepair.operation(resources),
                RepsetDiff.operation(resources),
                SchemaDiff.operation(resources),
                SpockDiff.operation(resources),
                MtreeInit.operation(resources),
                MtreeBuild.operation(resources),
                MtreeUpdate.operation(resources),
                MtreeTableDiff.operation(resources),
                MtreeListen.operation(resources),
                MtreeStatus.operation(resources),
                MtreeTeardownTable.operation(resources),
                MtreeTeardown.operation(resources)));
    }

    @Bean
    public OperationRegistry operationRegistry(BatchResources resources) {
        return registry(() -> resources);
    }

    @Bean
    LaunchGrammar launchGrammar(OperationRegistry operations, JobControl control, ClusterRegistry clusters, BatchResources resources) {
        return new LaunchGrammar(operations, control::diffFileOf, clusters::clusterName, resources.repairPlans());
    }
}
