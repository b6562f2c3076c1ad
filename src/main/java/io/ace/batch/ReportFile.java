package io.ace.batch;

import java.nio.file.Path;

/**
 * A report file a run wrote.
 *
 * @param label what the file is, as the command line prints it ({@code diff file}, {@code report}, ...)
 * @param path  the file
 */
public record ReportFile(String label, Path path) {
}
