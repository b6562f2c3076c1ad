package io.ace.report;

import io.ace.diff.DiffPlan;
import io.ace.diff.KeyRange;
import io.ace.findings.BlockRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the differences lie in the key space, as an inline SVG bar chart computed here so the
 * report needs no script: the plan's blocks in primary-key order, grouped into at most
 * {@link #MAX_BARS} bars; a bar's height is the keys found differing in its blocks, and the axis
 * names the first key of the blocks at its ticks.
 *
 * @param bars             one bar per group of blocks that held differences
 * @param ticks            axis labels, left to right
 * @param blocks           blocks in the plan
 * @param mismatchedBlocks blocks whose hashes disagreed
 * @param maxKeys          differing keys of the tallest bar (the top of the scale)
 */
public record KeySpaceChart(List<Bar> bars, List<Tick> ticks, int blocks, int mismatchedBlocks, int maxKeys) {

    /** Width of the drawing in SVG units; the page scales it to the report's width. */
    public static final int WIDTH = 1000;
    /** Height of the bars' area in SVG units. */
    public static final int PLOT = 100;
    static final int MAX_BARS = 200;
    private static final int TICKS = 4;
    private static final int MIN_BAR = 3;
    private static final int LABEL = 24;

    /** A bar in SVG units (y grows downwards), with the text shown on hover. */
    public record Bar(double x, double y, double width, double height, String title) {
    }

    /** An axis label at {@code x}; {@code anchor} is the SVG text-anchor. */
    public record Tick(double x, String label, String anchor) {
    }

    public static KeySpaceChart of(List<BlockRecord> records, DiffPlan plan) {
        int blocks = plan.blockCount();
        Map<Integer, BlockRecord> byNo = new HashMap<>();
        records.forEach(r -> byNo.put(r.blockNo(), r));
        int groups = Math.min(blocks, MAX_BARS);
        double step = (double) WIDTH / groups;
        int[] keys = new int[groups];
        int[] mismatched = new int[groups];
        long[] rows = new long[groups];
        for (int g = 0; g < groups; g++) {
            for (int b = first(g, groups, blocks); b < first(g + 1, groups, blocks); b++) {
                BlockRecord r = byNo.get(b);
                if (r != null) {
                    keys[g] += r.diffKeys();
                    mismatched[g] += r.mismatched() ? 1 : 0;
                    rows[g] += r.rowsChecked();
                }
            }
        }
        int max = 0;
        for (int k : keys) {
            max = Math.max(max, k);
        }
        List<Bar> bars = new ArrayList<>();
        for (int g = 0; g < groups; g++) {
            if (mismatched[g] == 0 && keys[g] == 0) {
                continue;
            }
            double h = Math.max(MIN_BAR, max == 0 ? MIN_BAR : (double) PLOT * keys[g] / max);
            int from = first(g, groups, blocks);
            int to = first(g + 1, groups, blocks) - 1;
            String which = from == to ? "block " + from : "blocks " + from + "\u2013" + to;
            bars.add(new Bar(g * step, PLOT - h, Math.max(step - (step > 4 ? 1 : 0), 1), h,
                    which + ", keys from " + lowerKey(plan, from) + ": " + keys[g] + (keys[g] == 1 ? " differing key, " : " differing keys, ")
                            + mismatched[g] + (mismatched[g] == 1 ? " mismatched block, " : " mismatched blocks, ") + String.format(Locale.ROOT, "%,d", rows[g]) + " rows"));
        }
        List<Tick> ticks = new ArrayList<>();
        int last = -1;
        for (int t = 0; t < TICKS; t++) {
            int g = t * groups / TICKS;
            if (g != last) {
                ticks.add(new Tick(g * step, cut(lowerKey(plan, first(g, groups, blocks))), t == 0 ? "start" : "middle"));
                last = g;
            }
        }
        ticks.add(new Tick(WIDTH, "end of table", "end"));
        int mismatchedBlocks = (int) records.stream().filter(BlockRecord::mismatched).count();
        return new KeySpaceChart(bars, ticks, blocks, mismatchedBlocks, max);
    }

    /** {@link #WIDTH}, for the template. */
    public int width() {
        return WIDTH;
    }

    /** {@link #PLOT}, for the template. */
    public int plot() {
        return PLOT;
    }

    private static int first(int group, int groups, int blocks) {
        return (int) ((long) group * blocks / groups);
    }

    private static String lowerKey(DiffPlan plan, int block) {
        KeyRange first = plan.block(block).get(0);
        return first.lower() == null ? "start of table" : String.join(", ", first.lower());
    }

    private static String cut(String label) {
        return label.length() <= LABEL ? label : label.substring(0, LABEL - 1) + "\u2026";
    }
}
