package io.ace.batch.compare;

import io.ace.catalog.TableName;

/**
 * Fails a comparison on purpose before a given block, so restart can be proven on a real run
 * (set {@code ace.testing.fail-before-block}, and {@code ace.testing.fail-in-table} to fail only
 * that table of a run that compares many; off unless set).
 */
public final class BlockFailureInjector {

    /** Fails nothing. */
    public static final BlockFailureInjector NONE = new BlockFailureInjector(-1, "");

    private final int failBeforeBlock;
    private final String table;

    /** {@code table}: the only table that fails ({@code schema.table}), or empty for any. */
    public BlockFailureInjector(int failBeforeBlock, String table) {
        this.failBeforeBlock = failBeforeBlock;
        this.table = table == null ? "" : table;
    }

    void beforeBlock(TableName compared, int block) {
        if (failBeforeBlock >= 0 && block == failBeforeBlock && (table.isEmpty() || table.equals(compared.toString()))) {
            throw new IllegalStateException("failure injected before block " + block + " of " + compared + " (ace.testing.fail-before-block)");
        }
    }
}
