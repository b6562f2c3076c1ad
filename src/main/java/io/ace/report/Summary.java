package io.ace.report;

import io.ace.json.AceJson;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/**
 * What every summary of a run says, whatever the operation: the execution that wrote it and the
 * run it belongs to (a restart's summary names the restarting execution). Summaries are records
 * whose components are their JSON fields in order (but those marked ignored), named in snake_case
 * by {@link AceJson#DOCUMENTS}.
 */
public interface Summary {

    long jobExecutionId();

    String runKey();

    /** The fields by their JSON names, in order: what a report lists as the run's settings. */
    default Map<String, Object> fields() {
        return AceJson.DOCUMENTS.convertValue(this, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }
}
