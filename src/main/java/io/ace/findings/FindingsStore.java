package io.ace.findings;

import io.ace.diff.KeyDifference;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the partitions of a comparison found, kept in the job repository's database so that a
 * partition's findings commit in the same transaction as its progress: a restart neither loses
 * nor repeats them. Rows are keyed by job instance, so every execution of one run shares them.
 * Differences are stored in runs of up to {@link #RUN} per row (see {@link FindingCodec}) and
 * read back a run at a time, so no reader holds more than a run whatever their number.
 */
public final class FindingsStore {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Records per stored row. */
    static final int RUN = 1_000;

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public FindingsStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
    }

    public void createSchema() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS ACE_DIFF_BLOCK (JOB_INSTANCE_ID BIGINT NOT NULL, BLOCK_NO INT NOT NULL,"
                + " PARTITION_NO INT NOT NULL, ROWS_PER_NODE VARCHAR(4000) NOT NULL, MISMATCHED_RANGES INT NOT NULL,"
                + " DIFF_KEYS INT NOT NULL, PRIMARY KEY (JOB_INSTANCE_ID, BLOCK_NO))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS ACE_DIFF_FINDING (JOB_INSTANCE_ID BIGINT NOT NULL, BLOCK_NO INT NOT NULL,"
                + " SEQ INT NOT NULL, DATA " + binaryType() + " NOT NULL, PRIMARY KEY (JOB_INSTANCE_ID, BLOCK_NO, SEQ))");
    }

    private String binaryType() {
        try (Connection c = dataSource.getConnection()) {
            // kept inline: H2 keeps a BLOB out of line, which made reading a million findings take minutes
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "BYTEA" : "VARBINARY(1000000000)";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the job repository database: " + e.getMessage(), e);
        }
    }

    /** Forgets what an earlier, rolled-forward attempt may have recorded for a block, before it is compared again. */
    public void clearBlock(long jobInstanceId, int blockNo) {
        jdbc.update("DELETE FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ?", jobInstanceId, blockNo);
        jdbc.update("DELETE FROM ACE_DIFF_BLOCK WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ?", jobInstanceId, blockNo);
    }

    /** Drops every stored difference or change of a run (its block records stay). */
    public void forgetDifferences(long jobInstanceId) {
        jdbc.update("DELETE FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ?", jobInstanceId);
    }

    /** Records differing keys of a block that follow the first {@code firstSeq} ones, in key order. */
    public void addDifferences(long jobInstanceId, int blockNo, int firstSeq, List<KeyDifference> differences) {
        insertRuns(jobInstanceId, blockNo, firstSeq, differences, FindingCodec::encodeDifferences);
    }

    /** Stores records in runs, each row numbered by the position of its first record. */
    private <T> void insertRuns(long jobInstanceId, int blockNo, int firstSeq, List<T> records, Function<List<T>, byte[]> encode) {
        List<Object[]> rows = new ArrayList<>();
        for (int from = 0; from < records.size(); from += RUN) {
            rows.add(new Object[] {jobInstanceId, blockNo, firstSeq + from,
                encode.apply(records.subList(from, Math.min(records.size(), from + RUN)))});
        }
        jdbc.batchUpdate("INSERT INTO ACE_DIFF_FINDING (JOB_INSTANCE_ID, BLOCK_NO, SEQ, DATA) VALUES (?, ?, ?, ?)", rows);
    }

    public void saveBlock(long jobInstanceId, int partition, BlockRecord block) {
        jdbc.update("INSERT INTO ACE_DIFF_BLOCK (JOB_INSTANCE_ID, BLOCK_NO, PARTITION_NO, ROWS_PER_NODE, MISMATCHED_RANGES, DIFF_KEYS)"
                + " VALUES (?, ?, ?, ?, ?, ?)", jobInstanceId, block.blockNo(), partition, MAPPER.writeValueAsString(block.rowsPerNode()),
                block.mismatchedRanges(), block.diffKeys());
    }

    /** Blocks with differing keys, in key order. */
    public List<Integer> blocksWithDifferences(long jobInstanceId) {
        return jdbc.queryForList("SELECT BLOCK_NO FROM ACE_DIFF_BLOCK WHERE JOB_INSTANCE_ID = ? AND DIFF_KEYS > 0 ORDER BY BLOCK_NO",
                Integer.class, jobInstanceId);
    }

    /** The run of a block's recorded differences after position {@code afterSeq}, or null after the last. */
    public StoredDifferences differencesAfter(long jobInstanceId, int blockNo, int afterSeq) {
        byte[][] data = {null};
        int[] seq = {0};
        // ordered by the whole primary key: H2 then reads the index in order, where ordering by SEQ alone made it sort
        jdbc.query("SELECT SEQ, DATA FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ? AND SEQ > ?"
                + " ORDER BY JOB_INSTANCE_ID, BLOCK_NO, SEQ FETCH FIRST 1 ROWS ONLY", rs -> {
                    seq[0] = rs.getInt(1);
                    data[0] = rs.getBytes(2);
                }, jobInstanceId, blockNo, afterSeq);
        return data[0] == null ? null : new StoredDifferences(seq[0], FindingCodec.decodeDifferences(data[0]));
    }

    /**
     * After a re-check: the run's differences as they are now (resolved ones left out, changed
     * ones replaced), and the block's count of differences corrected.
     */
    public void replaceDifferences(long jobInstanceId, int blockNo, StoredDifferences run, List<KeyDifference> now) {
        if (now.isEmpty()) {
            jdbc.update("DELETE FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ? AND SEQ = ?", jobInstanceId, blockNo, run.seq());
        } else {
            jdbc.update("UPDATE ACE_DIFF_FINDING SET DATA = ? WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ? AND SEQ = ?",
                    FindingCodec.encodeDifferences(now), jobInstanceId, blockNo, run.seq());
        }
        jdbc.update("UPDATE ACE_DIFF_BLOCK SET DIFF_KEYS = DIFF_KEYS - ? WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ?",
                run.differences().size() - now.size(), jobInstanceId, blockNo);
    }

    /** Every recorded difference in key order (block, then position in the block), read a run at a time. */
    public void forEachDifference(long jobInstanceId, Consumer<KeyDifference> consumer) {
        forEachRun(jobInstanceId, data -> FindingCodec.decodeDifferences(data).forEach(consumer));
    }

    /**
     * Records what a repair did on one node (node {@code nodeNo} of the run, following the first
     * {@code firstSeq} changes): one JSON object per change, for the repair report.
     */
    public void addChanges(long jobInstanceId, int nodeNo, int firstSeq, List<String> changesJson) {
        insertRuns(jobInstanceId, nodeNo, firstSeq, changesJson, FindingCodec::encodeTexts);
    }

    /** Every recorded repair change, node by node, read a run at a time. */
    public void forEachChange(long jobInstanceId, Consumer<String> changeJson) {
        forEachRun(jobInstanceId, data -> FindingCodec.decodeTexts(data).forEach(changeJson));
    }

    /** An instance's stored runs in order, one query per run, each an index lookup. */
    private void forEachRun(long jobInstanceId, Consumer<byte[]> consumer) {
        int[] position = {Integer.MIN_VALUE, Integer.MIN_VALUE};
        boolean[] found = {true};
        while (found[0]) {
            found[0] = false;
            jdbc.query("SELECT BLOCK_NO, SEQ, DATA FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND (BLOCK_NO, SEQ) > (?, ?)"
                    + " ORDER BY JOB_INSTANCE_ID, BLOCK_NO, SEQ FETCH FIRST 1 ROWS ONLY", rs -> {
                        position[0] = rs.getInt(1);
                        position[1] = rs.getInt(2);
                        found[0] = true;
                        consumer.accept(rs.getBytes(3));
                    }, jobInstanceId, position[0], position[1]);
        }
    }

    public List<BlockRecord> blocks(long jobInstanceId) {
        return jdbc.query("SELECT BLOCK_NO, ROWS_PER_NODE, MISMATCHED_RANGES, DIFF_KEYS FROM ACE_DIFF_BLOCK WHERE JOB_INSTANCE_ID = ? ORDER BY BLOCK_NO",
                (rs, i) -> new BlockRecord(rs.getInt(1), rowsPerNode(rs.getString(2)), rs.getInt(3), rs.getInt(4)), jobInstanceId);
    }

    private static Map<String, Long> rowsPerNode(String json) {
        Map<String, Long> rows = new LinkedHashMap<>();
        MAPPER.readTree(json).properties().forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
        return rows;
    }
}
