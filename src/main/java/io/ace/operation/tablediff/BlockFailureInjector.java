package io.ace.operation.tablediff;

/**
 * Fails a comparison on purpose before a given block, so restart can be proven on a real run
 * (set {@code ace.testing.fail-before-block}; off unless set).
 */
public final class BlockFailureInjector {

    private final int failBeforeBlock;

    public BlockFailureInjector(int failBeforeBlock) {
        this.failBeforeBlock = failBeforeBlock;
    }

    void beforeBlock(int block) {
        if (failBeforeBlock >= 0 && block == failBeforeBlock) {
            throw new IllegalStateException("failure injected before block " + block + " (ace.testing.fail-before-block)");
        }
    }
}
