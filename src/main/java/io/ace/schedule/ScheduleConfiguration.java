package io.ace.schedule;

import io.ace.batch.RunSubmitter;
import io.ace.config.AceProperties;
import io.ace.launch.LaunchGrammar;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The built-in scheduler; only the long-running serve process schedules, never a CLI run. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "ace.serve.enabled", havingValue = "true")
public class ScheduleConfiguration {

    @Bean
    FireStore fireStore(DataSource dataSource) {
        return new FireStore(dataSource);
    }

    @Bean
    Scheduler scheduler(FireStore store, LaunchGrammar grammar, RunSubmitter submitter, AceProperties properties,
                        ObjectProvider<Clock> clock) {
        AceProperties.Schedule schedule = properties.schedule();
        return new Scheduler(schedule.dir(), store, grammar, submitter, properties.serve().outputDir(),
                Duration.ofSeconds(schedule.reloadSeconds()), clock.getIfAvailable(Clock::systemUTC));
    }
}
