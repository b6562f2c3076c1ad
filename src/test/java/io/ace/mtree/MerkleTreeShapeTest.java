package io.ace.mtree;

import static org.assertj.core.api.Assertions.assertThat;

import io.ace.diff.DiffPlan;
import io.ace.diff.KeyRange;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The tree's shape and the leaf layout, without a node. */
@Tag("fast")
class MerkleTreeShapeTest {

    @Test
    void widthsAndHeight() {
        assertThat(MerkleTree.height(300)).isEqualTo(4);
        assertThat(MerkleTree.height(16)).isEqualTo(2);
        assertThat(MerkleTree.height(1)).isEqualTo(1);
        assertThat(List.of(0, 1, 2, 3)).extracting(level -> MerkleTree.width(300, level)).containsExactly(300, 19, 2, 1);
    }

    @Test
    void layoutFromAPlanAndSplitsKeepEveryKeyInOneLeaf() {
        List<List<String>> splits = new ArrayList<>();
        for (int i = 1; i <= 11; i++) {
            splits.add(List.of(Integer.toString(i * 10)));
        }
        // 12 ranges, 4 per block: leaves start at the 4th and 8th split
        LeafLayout layout = LeafLayout.of(new DiffPlan(splits, 4, 1, 1200), 1);
        assertThat(layout.lowers()).containsExactly(List.of("40"), List.of("80"));
        assertThat(layout.range(0)).isEqualTo(new KeyRange(null, List.of("40")));
        assertThat(layout.range(2)).isEqualTo(new KeyRange(List.of("80"), null));

        LeafLayout split = layout.split(List.of(List.of("50"), List.of("60"), List.of("90")), List.of(1, 1, 2));
        assertThat(split.version()).isEqualTo(2);
        assertThat(split.lowers()).containsExactly(List.of("40"), List.of("50"), List.of("60"), List.of("80"), List.of("90"));
        for (int leaf = 1; leaf < split.leafCount(); leaf++) {
            assertThat(split.range(leaf).lower()).isEqualTo(split.range(leaf - 1).upper());
        }
        assertThat(Arrays.asList(split.range(0).lower(), split.range(split.leafCount() - 1).upper())).containsOnlyNulls();
    }
}
