package io.ace.repair.plan;

import java.util.List;
import java.util.Map;

/**
 * One differing key with each node's row as recorded or read: values are PostgreSQL text (null is
 * SQL NULL), column name to value, every column present. A node absent from {@code rows} lacks the
 * row. {@code commitTimes}: node to the commit time of its row's last change as RFC 3339 UTC text,
 * absent when unknown. {@code origins}: node to the name of the node the row's last change came
 * from ("local" means the node itself), absent when unknown.
 */
public record KeyRows(List<String> key, Map<String, Map<String, String>> rows, Map<String, String> commitTimes,
        Map<String, String> origins) {
}
