package io.ace.report.archive;

/** A report file kept in an archive entry, with the size and sha256 it had when archived. */
public record ArchivedFile(String name, long bytes, String sha256) {
}
