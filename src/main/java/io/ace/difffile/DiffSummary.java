package io.ace.difffile;

import io.ace.catalog.TableName;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The summary object of a diff file (README, "The diff file"), built in the order pgEdge ACE
 * writes its fields: the ones every diff shares keep their names and meaning, and a run adds its
 * own where they belong.
 */
public final class DiffSummary {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** {@code schema}, {@code table}, {@code nodes}, {@code primary_key}. */
    public DiffSummary(TableName table, List<String> nodes, List<String> primaryKey) {
        fields.put("schema", table.schema());
        fields.put("table", table.table());
        fields.put("nodes", nodes);
        fields.put("primary_key", primaryKey);
    }

    public DiffSummary put(String name, Object value) {
        fields.put(name, value);
        return this;
    }

    /** {@code start_time}, {@code end_time} (RFC 3339, UTC) and {@code time_taken}. */
    public DiffSummary times(LocalDateTime start, LocalDateTime end) {
        fields.put("start_time", rfc3339(start));
        fields.put("end_time", rfc3339(end));
        fields.put("time_taken", String.format(Locale.ROOT, "%.1fs", Duration.between(start, end).toMillis() / 1000.0));
        return this;
    }

    /**
     * What was found: rows per pair and whether the limit cut them, rows checked, ranges (blocks,
     * or a tree's leaves) and how many mismatched, and the odd node counts.
     */
    public DiffSummary counts(DiffFileWriter.Result result, long rowsChecked, int ranges, int mismatched) {
        fields.put("diff_rows_count", result.diffRowsCount());
        fields.put("diff_row_limit_reached", result.limitReached());
        fields.put("total_rows_checked", rowsChecked);
        fields.put("initial_ranges_count", ranges);
        fields.put("mismatched_ranges_count", mismatched);
        fields.put("odd_node_counts", result.oddNodeCounts());
        return this;
    }

    /** {@code job_execution_id}, {@code run_key}, {@code tool_version}: which run wrote the file. */
    public Map<String, Object> run(long executionId, String runKey, String toolVersion) {
        fields.put("job_execution_id", executionId);
        fields.put("run_key", runKey);
        fields.put("tool_version", toolVersion);
        return fields;
    }

    private static String rfc3339(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).withZoneSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
