package io.ace.report;

import io.ace.files.PrivateFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * The SQL a dry-run repair would run on one node, one statement per line. It is written beside
 * its final name and appears under that name only once complete, so a failed or stopped dry run
 * never leaves a file that looks whole.
 */
public final class StatementsFile implements AutoCloseable {

    private final Path target;
    private final Path partial;
    private final BufferedWriter out;
    private boolean complete;

    /** A new file for {@code node}'s statements of {@code schema.table} in {@code outputDir}, under a name not yet taken. */
    public StatementsFile(Path outputDir, String schema, String table, String node) throws IOException {
        this.target = ReportName.withExtension(ReportName.of(outputDir, schema, table, "dry-run-" + node, List.of(".sql")), ".sql");
        this.partial = target.resolveSibling(target.getFileName() + ".partial");
        this.out = PrivateFiles.newBufferedWriter(partial);
    }

    public void add(String statement) throws IOException {
        out.write(statement);
        out.write(";\n");
    }

    /** A comment line (line breaks in it become spaces). */
    public void comment(String line) throws IOException {
        out.write("-- ");
        out.write(line.replaceAll("[\\r\\n]", " "));
        out.write("\n");
    }

    /** Puts the file under its name; returns it. */
    public Path complete() throws IOException {
        out.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        complete = true;
        return target;
    }

    /** Without {@link #complete()}, drops what was written. */
    @Override
    public void close() throws IOException {
        out.close();
        if (!complete) {
            Files.deleteIfExists(partial);
        }
    }
}
