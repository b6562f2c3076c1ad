package io.ace.mtree;

import io.ace.diff.DiffPlan;
import io.ace.diff.KeyRange;
import java.util.ArrayList;
import java.util.List;

/**
 * How a tree cuts the key space into leaves, decided by the tool and the same on every node: leaf
 * {@code i > 0} starts at {@code lowers[i-1]} (inclusive) and ends where the next begins; the
 * first and last leaves are open-ended. Every key lies in exactly one leaf.
 *
 * @param version bumped by every split, so nodes tell an older layout from the current one
 * @param lowers  the lower bound of every leaf but the first, in key order, each the key's column values as text
 */
record LeafLayout(int version, List<List<String>> lowers) {

    LeafLayout {
        lowers = lowers.stream().map(List::copyOf).toList();
    }

    /** The leaves of a comparison plan: one per block of about {@code --block-size} rows. */
    static LeafLayout of(DiffPlan plan, int version) {
        List<List<String>> lowers = new ArrayList<>();
        for (int block = 1; block < plan.blockCount(); block++) {
            lowers.add(plan.splits().get(block * plan.rangesPerBlock() - 1));
        }
        return new LeafLayout(version, lowers);
    }

    int leafCount() {
        return lowers.size() + 1;
    }

    KeyRange range(int leaf) {
        return new KeyRange(leaf == 0 ? null : lowers.get(leaf - 1), leaf == lowers.size() ? null : lowers.get(leaf));
    }

    List<KeyRange> ranges(List<Integer> leaves) {
        return leaves.stream().map(this::range).toList();
    }

    /** This layout with more bounds, each inside the leaf it splits; the version is the next one. */
    LeafLayout split(List<List<String>> newLowers, List<Integer> afterLeaf) {
        List<List<String>> all = new ArrayList<>();
        for (int leaf = 0; leaf < leafCount(); leaf++) {
            if (leaf > 0) {
                all.add(lowers.get(leaf - 1));
            }
            for (int i = 0; i < newLowers.size(); i++) {
                if (afterLeaf.get(i) == leaf) {
                    all.add(newLowers.get(i));
                }
            }
        }
        return new LeafLayout(version + 1, all);
    }

    boolean sameLeaves(LeafLayout other) {
        return lowers.equals(other.lowers);
    }
}
