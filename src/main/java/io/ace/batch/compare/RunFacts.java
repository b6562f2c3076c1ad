package io.ace.batch.compare;

import io.ace.batch.RunContext;
import io.ace.batch.RunTiming;
import io.ace.cluster.ClusterSessions;
import io.ace.operation.RunIdentity;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;

/** The facts every report states about the run that wrote it: what, where, which execution, when, who, which version. */
public final class RunFacts {

    private RunFacts() {
    }

    /** {@code targetName}: what the target is ({@code Table}, {@code Replication set}, ...); null when the operation has none. */
    public static Map<String, String> of(String operation, ClusterSessions sessions, String targetName, String target, String runKey,
                                         JobExecution job, String version) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Operation", operation);
        m.put("Cluster", sessions.cluster().name());
        if (targetName != null) {
            m.put(targetName, target);
        }
        m.put("Run key", runKey);
        m.put("Job execution", String.valueOf(job.getId()));
        RunTiming timing = RunTiming.of(job);
        m.put("Started", timing.startTime());
        m.put("Report written", timing.endTime());
        m.put("Launched by", RunIdentity.launchedBy(job.getJobParameters()) + " on " + RunContext.of(job).ownerProcess());
        m.put("Tool version", "ACE " + version);
        m.put("Service file", String.valueOf(sessions.cluster().source()));
        return m;
    }
}
