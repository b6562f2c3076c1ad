package io.ace.batch;

import io.ace.report.RunStamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.job.JobExecution;

/** When a run started, and how long it has taken until now, as its reports state them. */
public record RunTiming(LocalDateTime started, String took) {

    public static RunTiming of(JobExecution job) {
        LocalDateTime started = job.getStartTime() == null ? LocalDateTime.now() : job.getStartTime();
        return new RunTiming(started, String.format(Locale.ROOT, "%.1fs", Duration.between(started, LocalDateTime.now()).toMillis() / 1000.0));
    }

    /** {@code n1, n2 compared · started ... · took ...}. */
    public String line(List<String> nodes) {
        return String.join(", ", nodes) + " compared · started " + started + " · took " + took;
    }

    /** What the run's summary ends with: the verdict, this timing, the execution and run key, the version. */
    public RunStamp stamp(String verdict, JobExecution job, String runKey, String version) {
        return new RunStamp(verdict, started.toString(), took, job.getId(), runKey, version);
    }
}
