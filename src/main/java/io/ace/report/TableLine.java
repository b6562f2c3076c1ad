package io.ace.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * One table's line in the report of a run that compares many tables, and in its summary file
 * (where what a table does not have is left out).
 *
 * @param status   {@code identical}, {@code differed}, {@code skipped}, {@code not replicated}, {@code missing},
 *                 {@code definition differs}, {@code error}
 *                 or {@code not compared} (the run stopped before it)
 * @param detail   why it was skipped, which nodes lack it, the error; or the comparison's one-line outcome
 * @param note     a finding besides its rows (set membership differs, compared under a row filter), or null
 * @param pairs    differing rows per node pair, when it differed
 * @param diffFile the diff file's name (beside the report), or null
 * @param htmlFile its HTML diff report's name, or null
 */
public record TableLine(String table, String status, String detail, @JsonInclude(JsonInclude.Include.NON_NULL) String note,
                        @JsonProperty("diff_rows_count") @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Long> pairs,
                        @JsonInclude(JsonInclude.Include.NON_NULL) String diffFile,
                        @JsonProperty("html_report") @JsonInclude(JsonInclude.Include.NON_NULL) String htmlFile) {

    /** Whether this line is a finding an operator must act on (rows differ, a node lacks the table, an error, a note). */
    public boolean bad() {
        return status.equals("differed") || status.equals("missing") || status.equals("definition differs") || status.equals("error")
                || status.equals("not compared") || note != null;
    }
}
