package io.ace.diff;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The frozen plan's arithmetic: every key in exactly one range, blocks and partitions covering every range once. */
@Tag("fast")
class DiffPlanTest {

    private static List<List<String>> splits(int n) {
        List<List<String>> splits = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            splits.add(List.of(Integer.toString(i * 10)));
        }
        return splits;
    }

    @Test
    void rangesAreHalfOpenAndTheEndsAreOpen() {
        DiffPlan plan = DiffPlan.of(splits(3), 2, 1, 40);
        assertThat(plan.rangeCount()).isEqualTo(4);
        assertThat(plan.range(0)).isEqualTo(new KeyRange(null, List.of("10")));
        assertThat(plan.range(1)).isEqualTo(new KeyRange(List.of("10"), List.of("20")));
        assertThat(plan.range(3)).isEqualTo(new KeyRange(List.of("30"), null));
    }

    @Test
    void blocksAndPartitionsCoverEveryRangeExactlyOnce() {
        for (int n : new int[] {0, 1, 15, 16, 17, 255, 1000}) {
            for (int perBlock : new int[] {1, 3, 16}) {
                for (int workers : new int[] {1, 2, 8}) {
                    DiffPlan plan = DiffPlan.of(splits(n), perBlock, workers, 1000);
                    List<KeyRange> seen = new ArrayList<>();
                    for (int p = 0; p < plan.partitionCount(); p++) {
                        assertThat(plan.endBlock(p)).isGreaterThan(plan.firstBlock(p));
                        plan.blocks(plan.firstBlock(p), plan.endBlock(p)).forEach(seen::addAll);
                    }
                    List<KeyRange> all = new ArrayList<>();
                    for (int r = 0; r < plan.rangeCount(); r++) {
                        all.add(plan.range(r));
                    }
                    assertThat(seen).as("%d splits, %d ranges per block, %d workers", n, perBlock, workers).isEqualTo(all);
                    assertThat(plan.blocksPerPartition()).isLessThanOrEqualTo(DiffPlan.MAX_BLOCKS_PER_PARTITION);
                }
            }
        }
    }

    @Test
    void sampleSplitsAreStrictlyIncreasingAndFewerThanTheRanges() {
        List<List<String>> sample = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sample.add(List.of(Integer.toString(i / 10))); // heavy duplicates: ten of each key
        }
        List<List<String>> splits = RangePlanner.splitsFrom(sample, 50);
        assertThat(splits).hasSizeLessThan(50).doesNotHaveDuplicates();
        for (int i = 1; i < splits.size(); i++) {
            assertThat(Integer.parseInt(splits.get(i).get(0))).isGreaterThan(Integer.parseInt(splits.get(i - 1).get(0)));
        }
        assertThat(RangePlanner.splitsFrom(sample, 1)).isEmpty();
    }

    @Test
    void pacingStartsWithOneBlockAndMovesHalfwayTowardsTheTarget() {
        QueryPacer off = new QueryPacer(0);
        assertThat(off.nextBlocks(37)).isEqualTo(37);

        QueryPacer pacer = new QueryPacer(1.0);
        assertThat(pacer.nextBlocks(100)).isEqualTo(1);
        pacer.observed(1, 10_000_000L); // 10 ms a block: 100 blocks would take the target
        assertThat(pacer.nextBlocks(1000)).isEqualTo(50);
        pacer.observed(50, 500_000_000L);
        assertThat(pacer.nextBlocks(1000)).isEqualTo(75);
        assertThat(pacer.nextBlocks(3)).isEqualTo(3);
        pacer.observed(75, 60_000_000_000L); // one very slow statement does not drop below one block
        assertThat(pacer.nextBlocks(1000)).isGreaterThanOrEqualTo(1).isLessThan(75);
    }
}
