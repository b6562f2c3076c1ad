package io.ace.web;

import io.ace.audit.AuditLog;
import io.ace.batch.JobControl;
import io.ace.batch.RunSubmitter;
import io.ace.cli.LaunchArguments;
import io.ace.cluster.ClusterRegistry;
import io.ace.executions.ExecutionQueries;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;

/** The web side of {@code serve}: the actions the UI and the API share. */
@Configuration(proxyBeanMethods = false)
@ServeOnly
public class WebConfiguration {

    @Bean
    RunActions runActions(LaunchArguments arguments, RunSubmitter submitter, JobControl control, AuditLog audit, RoleHierarchy roles,
                          @Value("${ace.serve.output-dir}") Path outputDir) {
        return new RunActions(arguments, submitter, control, audit, roles, outputDir.toAbsolutePath());
    }

    @Bean
    NodeHealthBoard nodeHealthBoard(ClusterRegistry registry) {
        return new NodeHealthBoard(registry);
    }

    @Bean
    ClusterHealthIndicator clustersHealthIndicator(NodeHealthBoard board) {
        return new ClusterHealthIndicator(board);
    }

    @Bean
    ExecutionQueries executionQueries(DataSource dataSource, JobRepository repository) {
        return new ExecutionQueries(dataSource, repository);
    }
}
