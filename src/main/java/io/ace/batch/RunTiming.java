package io.ace.batch;

import io.ace.json.IsoTime;
import io.ace.report.RunStamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.batch.core.job.JobExecution;

/**
 * When a run started and until when its reports account for it (the job repository's local
 * times), as those reports state them: {@link IsoTime} and seconds taken.
 */
public record RunTiming(LocalDateTime started, LocalDateTime ended) {

    /** From the run's start until now. */
    public static RunTiming of(JobExecution job) {
        LocalDateTime now = LocalDateTime.now();
        return new RunTiming(job.getStartTime() == null ? now : job.getStartTime(), now);
    }

    public String startTime() {
        return IsoTime.millis(started);
    }

    public String endTime() {
        return IsoTime.millis(ended);
    }

    /** {@code 2.0s}. */
    public String took() {
        return String.format(Locale.ROOT, "%.1fs", Duration.between(started, ended).toMillis() / 1000.0);
    }

    /** {@code n1, n2 compared · started ... · took ...}. */
    public String line(List<String> nodes) {
        return String.join(", ", nodes) + " compared · started " + startTime() + " · took " + took();
    }

    /** What the run's summary ends with: the verdict, this timing, the execution and run key, the version. */
    public RunStamp stamp(String verdict, JobExecution job, String runKey, String version) {
        return new RunStamp(verdict, startTime(), took(), job.getId(), runKey, version);
    }
}
