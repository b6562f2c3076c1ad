package io.ace.operation;

import io.ace.exit.AceException;
import io.ace.report.HtmlReportWriter;
import picocli.CommandLine.Option;

/** {@code --max-html-rows}, which every operation that writes an HTML report takes. */
public class HtmlRowsOption {

    @Option(names = "--max-html-rows", paramLabel = "N",
            description = "Distinct keys the HTML report lists, each in every pair where it differs (the JSON keeps every row); 0 lists none, only counts (default: ${DEFAULT-VALUE}).")
    int maxHtmlRows = HtmlReportWriter.DEFAULT_MAX_ROWS;

    /** The most rows a report may be asked to list; what it holds in memory is bounded by its listing budget besides. */
    public static final int MAX = 1_000_000;

    public int value() {
        if (maxHtmlRows < 0 || maxHtmlRows > MAX) {
            throw AceException.usage("--max-html-rows must be between 0 and " + MAX + ", got " + maxHtmlRows);
        }
        return maxHtmlRows;
    }
}
