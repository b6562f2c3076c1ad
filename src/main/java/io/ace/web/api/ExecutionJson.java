package io.ace.web.api;

import io.ace.exit.ExitCode;
import io.ace.batch.RunView;
import io.ace.batch.StepProgress;
import java.util.LinkedHashMap;
import java.util.Map;

/** An execution as the API answers it. */
final class ExecutionJson {

    private ExecutionJson() {
    }

    static Map<String, Object> of(RunView v, boolean detail) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execution_id", v.id());
        m.put("operation", v.operation());
        m.put("cluster", v.cluster());
        m.put("table", v.target());
        m.put("run_key", v.runKey());
        m.put("status", v.status());
        m.put("exit_code", v.exitCode());
        m.put("meaning", v.exitCode() == null ? null : ExitCode.meaning(v.exitCode()));
        m.put("summary", v.summary());
        m.put("started", v.startTime());
        m.put("ended", v.endTime());
        m.put("progress", v.progress());
        m.put("paused", v.paused());
        m.put("work", v.work().units().stream().map(ExecutionJson::work).toList());
        m.put("eta", v.eta());
        Map<String, Object> reports = new LinkedHashMap<>();
        reports.put("diff_file", v.diffFile());
        reports.put("html_file", v.htmlFile());
        m.put("reports", reports);
        if (detail) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            v.parameters().forEach(p -> parameters.put(p.name(), p.value()));
            m.put("parameters", parameters);
            m.put("steps", v.steps().stream().map(s -> {
                Map<String, Object> step = new LinkedHashMap<>();
                step.put("id", s.id());
                step.put("name", s.name());
                step.put("status", s.status());
                step.put("read_count", s.readCount());
                step.put("write_count", s.writeCount());
                step.put("commit_count", s.commitCount());
                step.put("rollback_count", s.rollbackCount());
                step.put("duration_seconds", s.duration().toMillis() / 1000.0);
                if (s.work() != null) {
                    step.put("progress", s.progress());
                    step.put("work", work(s.work()));
                }
                if (s.worker() != null) {
                    step.put("worker", s.worker());
                }
                step.put("error", s.error());
                return step;
            }).toList());
        }
        return m;
    }

    /** Work done in one unit: {@code {"unit": "blocks", "done": 12, "total": 40}}. */
    private static Map<String, Object> work(StepProgress p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("unit", p.unit().label());
        m.put("done", p.done());
        m.put("total", p.total());
        return m;
    }
}
