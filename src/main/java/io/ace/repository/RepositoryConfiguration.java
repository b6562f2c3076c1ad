package io.ace.repository;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The repository's schema is brought up to date as the application starts. */
@Configuration(proxyBeanMethods = false)
public class RepositoryConfiguration {

    @Bean
    RepositorySchema repositorySchema(DataSource dataSource) {
        return new RepositorySchema(dataSource);
    }
}
