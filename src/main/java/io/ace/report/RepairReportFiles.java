package io.ace.report;

import io.ace.files.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import io.ace.difffile.ListingBudget;
import io.ace.json.AceJson;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes a table-repair's report: the JSON file (summary, then every change as {@link RepairJson}
 * wrote it, streamed so a repair of millions of rows needs no more memory than one of ten) and
 * the HTML page with the first changes.
 */
public final class RepairReportFiles {

    /** The files written. */
    public record Written(Path json, Path html) {
    }

    private final HtmlReportWriter html;

    public RepairReportFiles(HtmlReportWriter html) {
        this.html = html;
    }

    /**
     * @param changes     feeds every change's JSON to the consumer it is given, in report order
     * @param maxHtmlRows changes the HTML page lists
     */
    public Written write(Path outputDir, RepairSummary summary, Consumer<Consumer<String>> changes, int maxHtmlRows) throws IOException {
        Path base = ReportName.of(outputDir, summary.table().schema(), summary.table().table(), "repair", List.of(".json", ".html"));
        Path json = ReportName.withExtension(base, ".json");
        List<String> listed = new ArrayList<>();
        ListingBudget budget = new ListingBudget(ListingBudget.DEFAULT_CHARS);
        long[] total = {0};
        try (BufferedWriter out = PrivateFiles.newBufferedWriter(json)) {
            out.write("{\"summary\":" + AceJson.DOCUMENTS.writeValueAsString(summary) + ",\"changes\":[");
            try {
                changes.accept(change -> {
                    try {
                        out.write((total[0] == 0 ? "" : ",") + change);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    total[0]++;
                    if (listed.size() < maxHtmlRows && budget.take(change.length())) {
                        listed.add(change);
                    }
                });
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            out.write("]}\n");
        }
        Path page = ReportName.withExtension(base, ".html");
        html.writeRepairReport(page, RepairReport.of(summary, listed, total[0], maxHtmlRows, budget.reached()));
        return new Written(json, page);
    }
}
