package io.ace.web.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.ace.batch.ReportFile;
import io.ace.batch.RunView;
import io.ace.batch.StepProgress;
import io.ace.exit.ExitCode;
import io.ace.json.IsoTime;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An execution as the API answers it. Field names are spelled out where they are two words: the
 * OpenAPI description is generated from these annotations, not from a naming strategy.
 *
 * @param dryRun     a dry run, which wrote nothing
 * @param table      what the operation works on ({@code schema.table}, a set, a schema), empty when nothing
 * @param exitCode   the command line's exit code, null while it runs
 * @param meaning    the exit code in a word or two, null while it runs
 * @param summary    the outcome line, null while it runs
 * @param progress   done fraction (0..1)
 * @param paused     why it waits right now (a node over --max-load, ...), null when it does not
 * @param work       the work its steps reported, per unit
 * @param eta        expected end, null when unknown
 * @param parameters the job parameters by name; only for an execution asked for by its id
 * @param steps      its steps and partitions; only for an execution asked for by its id
 */
record Execution(@JsonProperty("execution_id") long executionId, String operation, @JsonProperty("dry_run") boolean dryRun, String cluster, String table,
                 @JsonProperty("run_key") String runKey, String status, @JsonProperty("exit_code") Integer exitCode, String meaning,
                 String summary, OffsetDateTime started, OffsetDateTime ended, double progress, String paused, List<Work> work,
                 OffsetDateTime eta, Reports reports,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> parameters,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Step> steps) {

    /** Work done in one unit: {@code {"unit": "blocks", "done": 12, "total": 40}}. */
    record Work(String unit, long done, long total) {

        static Work of(StepProgress p) {
            return new Work(p.unit().label(), p.done(), p.total());
        }
    }

    /** The diff file, HTML report, summary file and repair report it wrote, each null when it wrote none. */
    record Reports(@JsonProperty("diff_file") String diffFile, @JsonProperty("html_file") String htmlFile,
                   @JsonProperty("summary_file") String summaryFile, @JsonProperty("repair_report") String repairReport) {

        static Reports of(RunView v) {
            return new Reports(v.diffFile(), v.htmlFile(), ReportFile.find(v.reports(), ReportFile.SUMMARY),
                    ReportFile.find(v.reports(), ReportFile.REPAIR_REPORT));
        }
    }

    /**
     * One step or partition.
     *
     * @param progress done fraction of the step's work (0..1); absent for steps that report none
     * @param work     the step's work in its unit; absent for steps that report none
     * @param worker   the worker process that ran a partition of a distributed run; absent otherwise
     * @param error    its failure, or null
     */
    record Step(long id, String name, String status, @JsonProperty("read_count") long readCount,
                @JsonProperty("write_count") long writeCount, @JsonProperty("commit_count") long commitCount,
                @JsonProperty("rollback_count") long rollbackCount, @JsonProperty("duration_seconds") double durationSeconds,
                @JsonInclude(JsonInclude.Include.NON_NULL) Double progress, @JsonInclude(JsonInclude.Include.NON_NULL) Work work,
                @JsonInclude(JsonInclude.Include.NON_NULL) String worker,
                String error) {

        static Step of(RunView.StepView s) {
            return new Step(s.id(), s.name(), s.status(), s.readCount(), s.writeCount(), s.commitCount(), s.rollbackCount(),
                    s.duration().toMillis() / 1000.0, s.work() == null ? null : s.progress(), s.work() == null ? null : Work.of(s.work()),
                    s.worker(), s.error());
        }
    }

    /** {@code detail}: with its parameters and steps, as when asked for by its id. */
    static Execution of(RunView v, boolean detail) {
        return new Execution(v.id(), v.operation(), v.dryRun(), v.cluster(), v.target(), v.runKey(), v.status(), v.exitCode(),
                v.exitCode() == null ? null : ExitCode.meaning(v.exitCode()), v.summary(), withOffset(v.startTime()), withOffset(v.endTime()), v.progress(), v.paused(),
                v.work().units().stream().map(Work::of).toList(), withOffset(v.eta()),
                Reports.of(v),
                detail ? v.parameters().stream().collect(Collectors.toMap(RunView.Parameter::name, RunView.Parameter::value, (a, b) -> b,
                        LinkedHashMap::new)) : null,
                detail ? v.steps().stream().map(Step::of).toList() : null);
    }

    /** A time of the repository (local to this server) as ISO-8601 with its offset, to the millisecond, as every answer gives times. */
    private static OffsetDateTime withOffset(LocalDateTime time) {
        return time == null ? null : IsoTime.withOffset(time).truncatedTo(ChronoUnit.MILLIS);
    }
}
