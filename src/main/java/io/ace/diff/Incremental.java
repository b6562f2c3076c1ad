package io.ace.diff;

import io.ace.catalog.Column;
import io.ace.catalog.Identifiers;
import io.ace.catalog.TableShape;
import io.ace.cluster.ClusterSessions;
import io.ace.cluster.NodePool;
import io.ace.exit.AceException;
import io.ace.exit.ExitCode;
import io.ace.exit.UserInput;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A comparison of only the rows changed since the last completed one, told by a column every
 * insert and update sets ({@code --incremental-column updated_at --boundary 10m}). Each run reads
 * the rows whose column lies in its window: after the last completed run's upper bound (its
 * watermark) and at most {@code now() - boundary}. The boundary leaves rows still being written
 * to the next run: a transaction that commits late, with a timestamp from before its commit, still
 * lands in a window not yet read. Bounds are {@code timestamptz} values, so a daylight-saving
 * change loses nothing, and a bound includes every row of its value, so no value is split
 * between two windows. Deletes leave no row with a new timestamp: an incremental run cannot see them.
 *
 * @param column   the column (a {@code timestamptz} every insert and update sets)
 * @param boundary how far behind the present a window ends
 */
public record Incremental(String column, Duration boundary) {

    public static final Duration DEFAULT_BOUNDARY = Duration.ofMinutes(10);
    private static final Pattern SHORT = Pattern.compile("(\\d{1,9})(s|m|h|d)");

    /** The flags as given, or null without a column. */
    public static Incremental of(String column, String boundary) {
        if (column == null || column.isBlank()) {
            if (boundary != null && !boundary.isBlank()) {
                throw AceException.usage("--boundary belongs to --incremental-column COLUMN: give the column too");
            }
            return null;
        }
        return new Incremental(column.strip(), boundary == null || boundary.isBlank() ? DEFAULT_BOUNDARY : duration(boundary.strip()));
    }

    /** The column must be the table's and a {@code timestamptz}: windows are instants, which a daylight-saving change does not move. */
    public void check(TableShape shape) {
        Column c = shape.columns().stream().filter(col -> col.name().equals(column)).findFirst()
                .orElseThrow(() -> AceException.usage("--incremental-column " + UserInput.quoted(column) + " is not a column of "
                        + shape.name() + "; its columns are " + String.join(", ", shape.columnNames())));
        if (!"timestamptz".equals(c.baseType()) || c.array()) {
            throw AceException.config("--incremental-column " + c.name() + " of " + shape.name() + " is " + c.type()
                    + "; a window compares instants (timestamptz), so a daylight-saving change can neither skip nor repeat rows:"
                    + " use a timestamptz column that every insert and update sets");
        }
    }

    /**
     * The window of a new run: after {@code watermark} (null: every row) up to the first node's
     * clock minus the boundary. A watermark past that bound (a shorter boundary than before) leaves
     * an empty window, not a backwards one.
     */
    public Window windowAfter(Instant watermark, Instant lastFull, ClusterSessions sessions) {
        NodePool first = sessions.pools().get(0);
        Instant now;
        try (Connection c = first.open(); PreparedStatement ps = c.prepareStatement(
                "SELECT to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            now = Instant.parse(rs.getString(1));
        } catch (SQLException e) {
            throw new AceException(ExitCode.UNREACHABLE, "cannot read the clock of node " + first.name(), e.getMessage(), e);
        }
        Instant to = now.minus(boundary);
        return new Window(this, watermark, watermark != null && watermark.isAfter(to) ? watermark : to, lastFull);
    }

    /** {@code 90s}, {@code 10m}, {@code 2h}, {@code 1d}, or ISO 8601 ({@code PT10M}). */
    static Duration duration(String text) {
        Matcher m = SHORT.matcher(text);
        Duration d;
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            d = switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
        } else {
            try {
                d = Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw AceException.usage("--boundary " + UserInput.quoted(text) + " is not a duration: give e.g. 90s, 10m, 2h, 1d or PT10M");
            }
        }
        if (d.isNegative()) {
            throw AceException.usage("--boundary must not be negative");
        }
        return d;
    }

    /**
     * One run's window.
     *
     * @param from     the watermark of the last completed run (exclusive), or null: the run compares every row
     * @param to       its own upper bound (inclusive), the next run's watermark
     * @param lastFull when a comparison of every row of the table last completed, or null when none did
     */
    public record Window(Incremental incremental, Instant from, Instant to, Instant lastFull) {

        /** The rows of the window, as a condition on the table's column; null for a run that compares every row. */
        String condition() {
            if (from == null) {
                return null;
            }
            String column = Identifiers.quote(incremental.column());
            return "(" + column + " > TIMESTAMPTZ '" + from + "' AND " + column + " <= TIMESTAMPTZ '" + to + "')";
        }

        /** As a run's context keeps it: {@code from|to} (from empty for a full run). */
        public String recorded() {
            return (from == null ? "" : from.toString()) + "|" + to;
        }

        /** The window a run recorded, with {@code lastFull} as found now. */
        public static Window of(Incremental incremental, String recorded, Instant lastFull) {
            int bar = recorded.indexOf('|');
            String from = recorded.substring(0, bar);
            return new Window(incremental, from.isEmpty() ? null : Instant.parse(from), Instant.parse(recorded.substring(bar + 1)), lastFull);
        }
    }
}
