package io.ace.diff;

import io.ace.exit.AceException;
import io.ace.exit.UserInput;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A comparison scoped to one node's writes ({@code --against-origin NODE [--until TIMESTAMP]}),
 * typically a node that failed: only keys where some compared node holds a row whose last change
 * came from that node, committed no later than {@code until}, are reported. The node itself is
 * not compared (it may be down). A delete it made leaves no row to carry its origin, so it is
 * seen only where the row it deleted had also come from it.
 *
 * @param node  the node whose writes are compared
 * @param until the latest commit time of its writes that counts, or null for all
 */
public record AgainstOrigin(String node, Instant until) {

    /** The flags' values as given, or null when {@code node} is not given. */
    public static AgainstOrigin of(String node, String until) {
        if (node == null || node.isBlank()) {
            if (until != null && !until.isBlank()) {
                throw AceException.usage("--until fences the writes of --against-origin NODE: give the node too");
            }
            return null;
        }
        return new AgainstOrigin(node.strip(), until == null || until.isBlank() ? null : instant(until.strip()));
    }

    /** A timestamp with its offset: RFC 3339 ({@code 2026-12-06T03:00:00Z}) or as PostgreSQL prints it ({@code 2026-12-06 03:00:00+00}). */
    static Instant instant(String text) {
        String iso = text.replace(' ', 'T');
        if (iso.matches(".*[+-]\\d\\d$")) {
            iso += ":00";
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            throw AceException.usage("--until needs a timestamp with its offset, e.g. 2026-12-06T03:00:00Z; got " + UserInput.quoted(text));
        }
    }

    /** Whether a differing key is in scope: some node holds a row of it whose last change is this node's, in time. */
    public boolean keeps(KeyDifference difference) {
        for (NodeRow row : difference.rows().values()) {
            RowOrigin origin = row.origin();
            if (origin != null && node.equals(origin.node())
                    && (until == null || origin.commitTs() != null && !instant(origin.commitTs()).isAfter(until))) {
                return true;
            }
        }
        return false;
    }
}
