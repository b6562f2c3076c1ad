package io.ace;

import io.ace.batch.BatchResources;
import io.ace.batch.JobControl;
import io.ace.launch.LaunchGrammar;
import io.ace.operation.OperationRegistry;
import io.ace.operation.repsetdiff.RepsetDiff;
import io.ace.operation.schemadiff.SchemaDiff;
import io.ace.operation.spockdiff.SpockDiff;
import io.ace.operation.tablediff.TableDiff;
import io.ace.operation.tablerepair.TableRepair;
import io.ace.operation.tablererun.TableRerun;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The operations this version runs, one line each, in the order help and forms list them, and the grammar that launches them. */
@Configuration(proxyBeanMethods = false)
public class Operations {

    @Bean
    OperationRegistry operationRegistry(BatchResources resources) {
        return new OperationRegistry(List.of(
                TableDiff.operation(resources),
                TableRerun.operation(resources),
                TableRepair.operation(resources),
                RepsetDiff.operation(resources),
                SchemaDiff.operation(resources),
                SpockDiff.operation(resources)));
    }

    @Bean
    LaunchGrammar launchGrammar(OperationRegistry operations, JobControl control) {
        return new LaunchGrammar(operations, control::diffFileOf);
    }
}
