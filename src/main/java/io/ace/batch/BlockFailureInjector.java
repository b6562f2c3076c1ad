package io.ace.batch;

import io.ace.catalog.TableName;
import java.util.ArrayList;
import java.util.List;

/**
 * Fails a comparison on purpose before a given block, so restart can be proven on a real run
 * (set {@code ace.testing.fail-before-block}, and {@code ace.testing.fail-in-table} to fail only
 * that table of a run that compares many). {@code ace.testing.fail-with} chooses how: an
 * exception (default), or a real {@code out-of-memory} or {@code stack-overflow} error, raised by
 * exhausting the heap or the stack of the step's thread. Production leaves {@code ace.testing}
 * unset, and gets {@link #NONE}.
 */
public final class BlockFailureInjector {

    /** Fails nothing. */
    public static final BlockFailureInjector NONE = new BlockFailureInjector(-1, "", null);

    private final int failBeforeBlock;
    private final String table;
    private final String failWith;

    /** {@code table}: the only table that fails ({@code schema.table}), or empty for any. */
    public BlockFailureInjector(int failBeforeBlock, String table, String failWith) {
        this.failBeforeBlock = failBeforeBlock;
        this.table = table == null ? "" : table;
        this.failWith = failWith == null ? "exception" : failWith;
    }

    /** Called before each block of {@code compared} is compared: fails when it is the one set. */
    public void beforeBlock(TableName compared, int block) {
        if (failBeforeBlock < 0 || block != failBeforeBlock || !(table.isEmpty() || table.equals(compared.toString()))) {
            return;
        }
        switch (failWith) {
            case "out-of-memory" -> exhaustHeap();
            case "stack-overflow" -> recurse(0);
            default -> throw new IllegalStateException("failure injected before block " + block + " of " + compared
                    + " (ace.testing.fail-before-block)");
        }
    }

    /** Allocates in large pieces until the heap is full: the error is a real one, and others' small allocations still fit. */
    private static void exhaustHeap() {
        List<long[]> held = new ArrayList<>();
        while (true) {
            held.add(new long[128 * 1024]);
        }
    }

    private static int recurse(int depth) {
        return recurse(depth + 1) + 1;
    }
}
