package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many hash buckets a multiset's rows are counted in: a power of two, about 64 rows each, bounded both ways. */
class MultisetBucketsTest {

    @Test
    void aPowerOfTwoOfAboutSixtyFourRowsEachWithinItsBounds() {
        assertThat(MultisetComparison.buckets(0)).isEqualTo(MultisetComparison.MIN_BUCKETS);
        assertThat(MultisetComparison.buckets(10_000)).isEqualTo(128);
        assertThat(MultisetComparison.buckets(1_010_050)).isEqualTo(8192);
        assertThat(MultisetComparison.buckets(16L << 20)).isEqualTo(1 << 18);
        assertThat(MultisetComparison.buckets(5_000_000_000L)).isEqualTo(MultisetComparison.MAX_BUCKETS);
        for (long rows = 1; rows < 1L << 40; rows *= 3) {
            int b = MultisetComparison.buckets(rows);
            assertThat(Integer.bitCount(b)).as("%d rows", rows).isEqualTo(1);
            assertThat(b).isBetween(MultisetComparison.MIN_BUCKETS, MultisetComparison.MAX_BUCKETS);
        }
    }
}
