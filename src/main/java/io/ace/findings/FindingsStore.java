package io.ace.findings;

import io.ace.diff.KeyDifference;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the partitions of a comparison found, kept in the job repository's database so that a
 * partition's findings commit in the same transaction as its progress: a restart neither loses
 * nor repeats them. Rows are keyed by job instance, so every execution of one run shares them.
 * Differences are read back a page at a time, so no reader holds more than a page whatever the
 * number of differences.
 */
public final class FindingsStore {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    /** Stored rows read per query when streaming. */
    private static final int PAGE = 5_000;

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

    /** Records differing keys of a block, numbered from {@code firstSeq} in key order. */
    public void addDifferences(long jobInstanceId, int blockNo, int firstSeq, List<KeyDifference> differences) {
        insert(jobInstanceId, blockNo, firstSeq, differences.stream().map(DifferenceCodec::encode).toList());
    }

    private void insert(long jobInstanceId, int blockNo, int firstSeq, List<byte[]> data) {
        jdbc.batchUpdate("INSERT INTO ACE_DIFF_FINDING (JOB_INSTANCE_ID, BLOCK_NO, SEQ, DATA) VALUES (?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, jobInstanceId);
                        ps.setInt(2, blockNo);
                        ps.setInt(3, firstSeq + i);
                        ps.setBytes(4, data.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return data.size();
                    }
                });
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

    /** Up to {@code limit} recorded differences of one block from position {@code fromSeq} on, in key order. */
    public List<StoredDifference> differences(long jobInstanceId, int blockNo, int fromSeq, int limit) {
        return jdbc.query("SELECT SEQ, DATA FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ? AND SEQ >= ?"
                + " ORDER BY SEQ FETCH FIRST ? ROWS ONLY", (rs, i) -> new StoredDifference(rs.getInt(1), DifferenceCodec.decode(rs.getBytes(2))),
                jobInstanceId, blockNo, fromSeq, limit);
    }

    /**
     * After a re-check: drops the differences that resolved and replaces those whose rows changed
     * (each keeps its position), and counts the block's differences anew.
     */
    public void correctDifferences(long jobInstanceId, int blockNo, List<Integer> resolved, List<StoredDifference> changed) {
        if (!resolved.isEmpty()) {
            jdbc.batchUpdate("DELETE FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ? AND SEQ = ?",
                    resolved.stream().map(seq -> new Object[] {jobInstanceId, blockNo, seq}).toList());
            jdbc.update("UPDATE ACE_DIFF_BLOCK SET DIFF_KEYS = DIFF_KEYS - ? WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ?",
                    resolved.size(), jobInstanceId, blockNo);
        }
        if (!changed.isEmpty()) {
            jdbc.batchUpdate("UPDATE ACE_DIFF_FINDING SET DATA = ? WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ? AND SEQ = ?",
                    changed.stream().map(d -> new Object[] {DifferenceCodec.encode(d.difference()), jobInstanceId, blockNo, d.seq()}).toList());
        }
    }

    /** Every recorded difference in key order (block, then position in the block), streamed a page at a time. */
    public void forEachDifference(long jobInstanceId, Consumer<KeyDifference> consumer) {
        forEachStored(jobInstanceId, data -> consumer.accept(DifferenceCodec.decode(data)));
    }

    /**
     * Records what a repair did on one node (node {@code nodeNo} of the run, from position
     * {@code firstSeq}): one JSON object per change, for the repair report.
     */
    public void addChanges(long jobInstanceId, int nodeNo, int firstSeq, List<String> changesJson) {
        insert(jobInstanceId, nodeNo, firstSeq, changesJson.stream().map(j -> j.getBytes(StandardCharsets.UTF_8)).toList());
    }

    /** Every recorded repair change, node by node, streamed a page at a time. */
    public void forEachChange(long jobInstanceId, Consumer<String> changeJson) {
        forEachStored(jobInstanceId, data -> changeJson.accept(new String(data, StandardCharsets.UTF_8)));
    }

    /**
     * Pages through an instance's stored rows in order, block by block, each page an index range,
     * so neither repository holds more than a page for the reader.
     */
    private void forEachStored(long jobInstanceId, Consumer<byte[]> consumer) {
        Integer block = jdbc.queryForObject("SELECT MIN(BLOCK_NO) FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ?", Integer.class, jobInstanceId);
        while (block != null) {
            int[] last = {Integer.MIN_VALUE};
            int[] read = {PAGE};
            while (read[0] == PAGE) {
                read[0] = 0;
                jdbc.query("SELECT SEQ, DATA FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ? AND SEQ > ?"
                        + " ORDER BY SEQ FETCH FIRST ? ROWS ONLY", rs -> {
                            last[0] = rs.getInt(1);
                            read[0]++;
                            consumer.accept(rs.getBytes(2));
                        }, jobInstanceId, block, last[0], PAGE);
            }
            block = jdbc.queryForObject("SELECT MIN(BLOCK_NO) FROM ACE_DIFF_FINDING WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO > ?",
                    Integer.class, jobInstanceId, block);
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
