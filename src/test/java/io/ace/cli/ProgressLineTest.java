package io.ace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Tag("fast")
class ProgressLineTest {

    private static final String TASK = "table-diff public.big";

    @ParameterizedTest
    @ValueSource(ints = {60, 80, 100, 140, 200})
    void theLineFillsTheTerminalWithoutWrappingAndKeepsABar(int width) {
        String line = new ProgressLine("blocks").line(TASK, 11, 20, Duration.ofSeconds(4), "1.7M rows, 17 mismatched", width);
        assertThat(line.length()).as(line).isLessThan(width);
        assertThat(bar(line)).as(line).hasSizeGreaterThanOrEqualTo(ProgressLine.MIN_BAR);
        assertThat(line).startsWith(TASK + "  55% [").contains("] 11/20 blocks");
        if (width >= 100) {
            assertThat(line).as("room for everything: nothing shortened").endsWith(" (0:04) 1.7M rows, 17 mismatched");
            assertThat(line.length() == width - 1 || bar(line).length() == 50).as("the bar takes what is left, up to 50 cells: " + line)
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 120})
    void aMessageThatDoesNotFitIsShortenedNotTheBar(int width) {
        String paused = "paused: n2 has 2 active sessions (limit --max-load 1), n3 has 4 active sessions (limit --max-load 1)";
        String line = new ProgressLine("blocks").line(TASK, 3, 20, Duration.ofSeconds(40), paused, width);
        assertThat(line.length()).isLessThan(width);
        assertThat(bar(line)).hasSizeGreaterThanOrEqualTo(ProgressLine.MIN_BAR);
        assertThat(line).contains(") paused: n2 has").endsWith("...");
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 60})
    void aNarrowTerminalDropsTimesThenShortensTheTask(int width) {
        String line = new ProgressLine("blocks").line("table-diff public.a_table_with_a_very_long_name_indeed", 5, 20, Duration.ofSeconds(9),
                "now: recheck", width);
        assertThat(line.length()).as(line).isLessThan(width);
        assertThat(line).contains("25% [").contains("5/20 blocks");
    }

    @ParameterizedTest
    @ValueSource(ints = {80})
    void theTimeLeftComesFromTheSpeedSinceTheBarFirstDrew(int width) {
        ProgressLine resumed = new ProgressLine("blocks");
        // the first drawing sees half done already: a resumed run; 5 more blocks in 10 s leave 5 blocks, 10 s
        String first = resumed.line(TASK, 10, 20, Duration.ZERO, "", width);
        assertThat(first).doesNotContain("left");
        assertThat(resumed.line(TASK, 15, 20, Duration.ofSeconds(10), "", width)).contains(" (0:10, 0:10 left)");
        assertThat(resumed.line(TASK, 20, 20, Duration.ofSeconds(20), "now: report", width)).contains("100% [====")
                .contains("20/20 blocks (0:20) now: report");
    }

    /** The cells between the brackets. */
    private static String bar(String line) {
        return line.substring(line.indexOf('[') + 1, line.indexOf(']'));
    }
}
