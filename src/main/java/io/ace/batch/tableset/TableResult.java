package io.ace.batch.tableset;

import io.ace.batch.ReportFile;
import io.ace.batch.compare.DiffFileAssembler;
import io.ace.json.AceJson;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * What comparing one table of many found, kept in its partition's context when it completes.
 *
 * @param differingRows differing rows over all node pairs
 * @param pairs         differing rows per node pair ({@code n1/n2})
 * @param rowsChecked   the largest node's row count
 * @param diffFile      the diff file written, or null when the nodes agree
 * @param htmlFile      the HTML report written, or null
 * @param line          the comparison's one-line outcome
 */
public record TableResult(long differingRows, Map<String, Long> pairs, long rowsChecked, String diffFile, String htmlFile, String line) {

    private static final String KEY = "ace.table.result";

    static TableResult of(DiffFileAssembler.Assembled assembled) {
        return new TableResult(assembled.result().total(), assembled.result().diffRowsCount(), assembled.rowsChecked(),
                ReportFile.find(assembled.reports(), ReportFile.DIFF_FILE), ReportFile.find(assembled.reports(), ReportFile.HTML_REPORT),
                assembled.line());
    }

    void store(ExecutionContext context) {
        context.putString(KEY, AceJson.STATE.writeValueAsString(this));
    }

    /** The result a completed partition recorded, or null. */
    static TableResult from(ExecutionContext context) {
        String json = context.getString(KEY, null);
        return json == null ? null : AceJson.STATE.readValue(json, TableResult.class);
    }
}
