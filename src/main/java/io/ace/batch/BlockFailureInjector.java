package io.ace.batch;

import java.util.ArrayList;
import java.util.List;

/**
 * Fails a comparison on purpose before a given block, so restart can be proven on a real run
 * (set {@code ace.testing.fail-before-block}; off unless set). {@code ace.testing.fail-with}
 * chooses how: an exception (default), or a real out-of-memory or stack-overflow error, raised
 * by exhausting the heap or the stack of the step's thread.
 */
public final class BlockFailureInjector {

    /** What the injected failure is. */
    public enum Failure { EXCEPTION, OUT_OF_MEMORY, STACK_OVERFLOW }

    private final int failBeforeBlock;
    private final Failure failure;

    public BlockFailureInjector(int failBeforeBlock, Failure failure) {
        this.failBeforeBlock = failBeforeBlock;
        this.failure = failure;
    }

    void beforeBlock(int block) {
        if (failBeforeBlock < 0 || block != failBeforeBlock) {
            return;
        }
        switch (failure) {
            case EXCEPTION -> throw new IllegalStateException("failure injected before block " + block + " (ace.testing.fail-before-block)");
            case OUT_OF_MEMORY -> exhaustHeap();
            case STACK_OVERFLOW -> recurse(0);
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
