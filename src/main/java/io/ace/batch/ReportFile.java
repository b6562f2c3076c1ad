package io.ace.batch;

import java.nio.file.Path;
import java.util.List;

/**
 * A report file a run wrote.
 *
 * @param label what the file is, as the command line prints it ({@code diff file}, {@code report}, ...)
 * @param path  the file
 */
public record ReportFile(String label, Path path) {

    public static final String DIFF_FILE = "diff file";
    public static final String HTML_REPORT = "report";
    public static final String REPAIR_REPORT = "repair report";
    public static final String STATEMENTS = "statements";
    /** The JSON summary of an operation on more than one table. */
    public static final String SUMMARY = "summary";
    /** The HTML diff report of one table of many. */
    public static final String TABLE_REPORT = "table report";

    /** The path of the first file with this label, or null. */
    public static String find(List<ReportFile> files, String label) {
        return files.stream().filter(f -> f.label().equals(label)).findFirst().map(f -> f.path().toString()).orElse(null);
    }
}
