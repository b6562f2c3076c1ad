package io.ace.cli;

import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The command line's parser, for the UI, the API and the scheduler. */
@Configuration(proxyBeanMethods = false)
public class CliConfiguration {

    @Bean
    LaunchArguments launchArguments(ApplicationContext context) {
        return new LaunchArguments(context);
    }
}
