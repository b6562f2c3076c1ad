package io.ace.cli;

import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBarRenderer;
import me.tongfei.progressbar.ProgressState;

/**
 * One line of the progress bar, laid out to the terminal's width: the task, the done share, the
 * bar, the count in the step's unit, the time taken and left, and a message (rows compared, a
 * pause, the phase after the counted work). The bar takes what the rest leaves, never fewer than
 * {@value #MIN_BAR} cells while the terminal is wide enough; what does not fit is shortened, the
 * message first, then the times, then the task.
 */
final class ProgressLine implements ProgressBarRenderer {

    static final int MIN_BAR = 10;
    private static final int MAX_BAR = 50;
    // ASCII only: a terminal without a UTF-8 locale shows anything else as "?"
    private static final String ELLIPSIS = "...";

    private final String unit;
    /** The count when the bar first drew: a resumed run's earlier work says nothing of its speed now. */
    private long firstDone = -1;

    ProgressLine(String unit) {
        this.unit = unit;
    }

    @Override
    public String render(ProgressState state, int width) {
        return line(state.getTaskName(), state.getCurrent(), state.getMax(), state.getElapsedAfterStart(), state.getExtraMessage(), width);
    }

    /** The line for a terminal {@code width} columns wide; it never reaches the last column, where a terminal would wrap it. */
    String line(String task, long done, long total, Duration elapsed, String message, int width) {
        if (firstDone < 0) {
            firstDone = done;
        }
        int room = width - 1;
        long shown = Math.min(done, Math.max(total, 1));
        int percent = total <= 0 ? 100 : (int) (shown * 100 / total);
        String share = String.format(Locale.ROOT, " %3d%% [", percent);
        String counts = String.format(Locale.ROOT, "] %,d/%,d %s", shown, total, unit);
        String times = " (" + clock(elapsed) + left(done, total, elapsed) + ")";
        String said = message == null || message.isEmpty() ? "" : " " + message;

        int fixed = task.length() + share.length() + counts.length();
        if (fixed + times.length() + said.length() + MIN_BAR > room) {
            said = shortened(said, room - fixed - times.length() - MIN_BAR);
        }
        if (fixed + times.length() + said.length() + MIN_BAR > room) {
            times = "";
        }
        if (fixed + said.length() + MIN_BAR > room) {
            task = shortened(task, room - share.length() - counts.length() - MIN_BAR);
            fixed = task.length() + share.length() + counts.length();
        }
        int cells = Math.max(1, Math.min(MAX_BAR, room - fixed - times.length() - said.length()));
        return task + share + bar(shown, total, cells) + counts + times + said;
    }

    private static String bar(long done, long total, int cells) {
        int filled = total <= 0 ? cells : (int) (done * cells / total);
        StringBuilder b = new StringBuilder(cells);
        b.append("=".repeat(filled));
        if (filled < cells) {
            b.append('>').append(" ".repeat(cells - filled - 1));
        }
        return b.toString();
    }

    /** {@code ", 1:05 left"} from the speed since the bar first drew; empty while unknown. */
    private String left(long done, long total, Duration elapsed) {
        long since = firstDone;
        if (done <= since || done >= total || elapsed.isZero()) {
            return "";
        }
        long millis = elapsed.toMillis() * (total - done) / (done - since);
        return ", " + clock(Duration.ofMillis(millis)) + " left";
    }

    /** {@code 0:07}, {@code 12:30}, {@code 2:05:00}. */
    static String clock(Duration d) {
        long s = d.toSeconds();
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    /** At most {@code max} characters, ending in an ellipsis when cut; empty when not even a few fit. */
    private static String shortened(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        return max < 6 ? "" : text.substring(0, max - ELLIPSIS.length()) + ELLIPSIS;
    }
}
