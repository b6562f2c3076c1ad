package io.ace.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** How the HTML row cap is shared among node pairs. */
@Tag("fast")
class RowShareTest {

    @Test
    void theRowCapIsSharedFairlyAmongPairs() {
        assertThat(RowShare.of(new long[] {100, 2, 100}, 10)).containsExactly(4, 2, 4);
        assertThat(RowShare.of(new long[] {3, 3}, 10)).containsExactly(3, 3);
        assertThat(RowShare.of(new long[] {7, 0, 7}, 5)).containsExactly(3, 0, 2);
        assertThat(RowShare.of(new long[] {7, 7}, 0)).containsExactly(0, 0);
    }
}
