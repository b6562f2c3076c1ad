package io.ace.difffile;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Streams rows into a table with {@code COPY ... FROM STDIN} in text format: each value reaches
 * the column's type input function exactly as given, as a cast of the same text would.
 */
public final class CopyRows implements AutoCloseable {

    private static final int BUFFER = 1 << 16;

    private final Writer out;

    /** Starts {@code COPY <table> (<columns>) FROM STDIN} on {@code connection}; table and columns come quoted. */
    public CopyRows(Connection connection, String table, List<String> quotedColumns) throws SQLException {
        PGCopyOutputStream copy = new PGCopyOutputStream(connection.unwrap(PGConnection.class),
                "COPY " + table + " (" + String.join(", ", quotedColumns) + ") FROM STDIN", BUFFER);
        this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
    }

    /** One row; a null value is SQL NULL. */
    public void row(List<String> values) throws IOException {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.write('\t');
            }
            String v = values.get(i);
            if (v == null) {
                out.write("\\N");
            } else {
                escape(v);
            }
        }
        out.write('\n');
    }

    /** COPY text format: backslash, tab, newline and carriage return are escaped; nothing else is. */
    private void escape(String v) throws IOException {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                default -> out.write(c);
            }
        }
    }

    /** Ends the COPY: the rows are in the table (within the caller's transaction). */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
