package io.ace.findings;

import io.ace.diff.KeyDifference;
import io.ace.json.AceJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What the partitions of a comparison found, kept in the job repository's database so that a
 * partition's findings commit in the same transaction as its progress: a restart neither loses
 * nor repeats them. Rows are keyed by job instance (and the table within it, for runs that
 * compare many tables), so every execution of one run shares them. Differences are stored in
 * runs of a few tens of kilobytes per row (see {@link FindingCodec}) and read back a few runs at
 * a time, so no reader holds more than that whatever their number.
 */
public final class FindingsStore {

    /** Rows deleted per transaction when a run's findings are dropped: the repository holds what a transaction deletes. */
    private static final int FORGET_BATCH = 64;
    /** Rows read per query when streaming (each a run of tens of kilobytes). */
    private static final int READ_BATCH = 16;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate onItsOwn;

    public FindingsStore(DataSource dataSource, PlatformTransactionManager transactions) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.onItsOwn = new TransactionTemplate(transactions);
        this.onItsOwn.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Forgets what an earlier, rolled-forward attempt may have recorded for a block, before it is compared again. */
    public void clearBlock(FindingsScope scope, int blockNo) {
        jdbc.update("DELETE FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ?", scope.jobInstanceId(),
                scope.part(), blockNo);
        jdbc.update("DELETE FROM ACE_DIFF_BLOCK WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ?", scope.jobInstanceId(),
                scope.part(), blockNo);
    }

    /** Drops every stored difference or change of a run, all its tables (their block records stay), a few rows per transaction. */
    public void forgetDifferences(long jobInstanceId) {
        List<int[]> rows = jdbc.query("SELECT PART_NO, BLOCK_NO, SEQ FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ?",
                (rs, i) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}, jobInstanceId);
        for (int from = 0; from < rows.size(); from += FORGET_BATCH) {
            List<Object[]> batch = rows.subList(from, Math.min(rows.size(), from + FORGET_BATCH)).stream()
                    .map(r -> new Object[] {jobInstanceId, r[0], r[1], r[2]}).toList();
            onItsOwn.executeWithoutResult(status -> jdbc.batchUpdate(
                    "DELETE FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ? AND SEQ = ?", batch));
        }
    }

    /** Records differing keys of a block that follow the first {@code firstSeq} ones, in key order. */
    public void addDifferences(FindingsScope scope, int blockNo, int firstSeq, List<KeyDifference> differences) {
        insertRuns(scope, blockNo, firstSeq, FindingCodec.differenceRuns(differences));
    }

    /** Stores runs of records, each row numbered by the position of its first record. */
    private void insertRuns(FindingsScope scope, int blockNo, int firstSeq, List<FindingCodec.Run> runs) {
        if (runs.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO ACE_DIFF_FINDING (JOB_INSTANCE_ID, PART_NO, BLOCK_NO, SEQ, DATA) VALUES (?, ?, ?, ?, ?)",
                runs.stream().map(r -> new Object[] {scope.jobInstanceId(), scope.part(), blockNo, firstSeq + r.offset(), r.data()}).toList());
    }

    public void saveBlock(FindingsScope scope, int partition, BlockRecord block) {
        jdbc.update("INSERT INTO ACE_DIFF_BLOCK (JOB_INSTANCE_ID, PART_NO, BLOCK_NO, PARTITION_NO, ROWS_PER_NODE, MISMATCHED_RANGES, DIFF_KEYS)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", scope.jobInstanceId(), scope.part(), block.blockNo(), partition,
                AceJson.STATE.writeValueAsString(block.rowsPerNode()), block.mismatchedRanges(), block.diffKeys());
    }

    /** Blocks with differing keys, in key order. */
    public List<Integer> blocksWithDifferences(FindingsScope scope) {
        return jdbc.queryForList("SELECT BLOCK_NO FROM ACE_DIFF_BLOCK WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND DIFF_KEYS > 0"
                + " ORDER BY BLOCK_NO", Integer.class, scope.jobInstanceId(), scope.part());
    }

    /** The keys and row hashes of a block's stored run after position {@code afterSeq}, or null after the last. */
    public StoredKeys keysAfter(FindingsScope scope, int blockNo, int afterSeq) {
        byte[][] data = {null};
        int[] seq = {0};
        // ordered by the whole primary key: H2 then reads the index in order, where ordering by SEQ alone made it sort
        jdbc.query("SELECT SEQ, DATA FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ? AND SEQ > ?"
                + " ORDER BY JOB_INSTANCE_ID, PART_NO, BLOCK_NO, SEQ FETCH FIRST 1 ROWS ONLY", rs -> {
                    seq[0] = rs.getInt(1);
                    data[0] = rs.getBytes(2);
                }, scope.jobInstanceId(), scope.part(), blockNo, afterSeq);
        return data[0] == null ? null : new StoredKeys(seq[0], FindingCodec.decodeRecorded(data[0]));
    }

    /** The differences, rows and all, of the block's stored run at position {@code seq}. */
    public List<KeyDifference> differencesAt(FindingsScope scope, int blockNo, int seq) {
        byte[] data = jdbc.queryForObject("SELECT DATA FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ? AND SEQ = ?",
                byte[].class, scope.jobInstanceId(), scope.part(), blockNo, seq);
        return FindingCodec.decodeDifferences(data);
    }

    /**
     * After a re-check: the stored run at {@code run}'s position holds its differences as they are
     * now (resolved ones left out, changed ones replaced), and the block's count of differences is
     * corrected, committed on their own. A re-check's corrections could grow as large as the
     * findings, and the repository keeps what a transaction replaces until it ends; a correction
     * committed before a failure is one the restarted re-check would make again.
     */
    public void replaceDifferences(FindingsScope scope, int blockNo, StoredKeys run, List<KeyDifference> now) {
        onItsOwn.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ? AND SEQ = ?",
                    scope.jobInstanceId(), scope.part(), blockNo, run.seq());
            // rows read now may be longer: the run may become several, each numbered within the old one's positions
            insertRuns(scope, blockNo, run.seq(), FindingCodec.differenceRuns(now));
            jdbc.update("UPDATE ACE_DIFF_BLOCK SET DIFF_KEYS = DIFF_KEYS - ? WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ?",
                    run.keys().size() - now.size(), scope.jobInstanceId(), scope.part(), blockNo);
        });
    }

    /** Every recorded difference in key order (block, then position in the block), read a few runs at a time. */
    public void forEachDifference(FindingsScope scope, Consumer<KeyDifference> consumer) {
        forEachRun(scope, data -> FindingCodec.decodeDifferences(data).forEach(consumer));
    }

    /**
     * Records what a repair did on one node (node {@code nodeNo} of the run, following the first
     * {@code firstSeq} changes): one JSON object per change, for the repair report.
     */
    public void addChanges(FindingsScope scope, int nodeNo, int firstSeq, List<String> changesJson) {
        insertRuns(scope, nodeNo, firstSeq, FindingCodec.textRuns(changesJson));
    }

    /** Every recorded repair change, node by node, read a few runs at a time. */
    public void forEachChange(FindingsScope scope, Consumer<String> changeJson) {
        forEachRun(scope, data -> FindingCodec.decodeTexts(data).forEach(changeJson));
    }

    /** A scope's stored runs in order, {@link #READ_BATCH} per query, each query an index range. */
    private void forEachRun(FindingsScope scope, Consumer<byte[]> consumer) {
        int[] position = {Integer.MIN_VALUE, Integer.MIN_VALUE};
        int[] read = {READ_BATCH};
        while (read[0] == READ_BATCH) {
            read[0] = 0;
            jdbc.query("SELECT BLOCK_NO, SEQ, DATA FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND (BLOCK_NO, SEQ) > (?, ?)"
                    + " ORDER BY JOB_INSTANCE_ID, PART_NO, BLOCK_NO, SEQ FETCH FIRST " + READ_BATCH + " ROWS ONLY", rs -> {
                        position[0] = rs.getInt(1);
                        position[1] = rs.getInt(2);
                        read[0]++;
                        consumer.accept(rs.getBytes(3));
                    }, scope.jobInstanceId(), scope.part(), position[0], position[1]);
        }
    }

    public List<BlockRecord> blocks(FindingsScope scope) {
        return jdbc.query("SELECT BLOCK_NO, ROWS_PER_NODE, MISMATCHED_RANGES, DIFF_KEYS FROM ACE_DIFF_BLOCK"
                        + " WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? ORDER BY BLOCK_NO",
                (rs, i) -> new BlockRecord(rs.getInt(1), rowsPerNode(rs.getString(2)), rs.getInt(3), rs.getInt(4)),
                scope.jobInstanceId(), scope.part());
    }

    private static Map<String, Long> rowsPerNode(String json) {
        Map<String, Long> rows = new LinkedHashMap<>();
        AceJson.STATE.readTree(json).properties().forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
        return rows;
    }
}
