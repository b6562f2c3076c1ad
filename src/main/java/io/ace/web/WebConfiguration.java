package io.ace.web;

import io.ace.audit.AuditLog;
import io.ace.batch.JobControl;
import io.ace.batch.RunSubmitter;
import io.ace.launch.LaunchGrammar;
import io.ace.cluster.ClusterRegistry;
import io.ace.cluster.SessionBudget;
import io.ace.config.AceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;

/** The web side of {@code serve}: the actions the UI and the API share. */
@Configuration(proxyBeanMethods = false)
@ServeOnly
public class WebConfiguration {

    @Bean
    RunActions runActions(LaunchGrammar grammar, RunSubmitter submitter, JobControl control, AuditLog audit, RoleHierarchy roles,
                          AceProperties properties) {
        return new RunActions(grammar, submitter, control, audit, roles, properties.serve().outputDir().toAbsolutePath());
    }

    @Bean
    NodeHealthBoard nodeHealthBoard(ClusterRegistry registry, SessionBudget budget) {
        return new NodeHealthBoard(registry, budget);
    }

    @Bean
    ClusterHealthIndicator clustersHealthIndicator(NodeHealthBoard board) {
        return new ClusterHealthIndicator(board);
    }
}
