package io.ace.schedule;

import io.ace.batch.RunSubmitter;
import io.ace.launch.LaunchGrammar;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
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
    Scheduler scheduler(FireStore store, LaunchGrammar grammar, RunSubmitter submitter,
                        @Value("${ace.schedule.dir:jobs}") Path dir,
                        @Value("${ace.schedule.reload-seconds:5}") long reloadSeconds,
                        @Value("${ace.serve.output-dir:${ace.home}/reports}") Path outputDir,
                        ObjectProvider<Clock> clock) {
        return new Scheduler(dir, store, grammar, submitter, outputDir, Duration.ofSeconds(reloadSeconds),
                clock.getIfAvailable(Clock::systemUTC));
    }
}
