package io.ace.findings;

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
 */
public final class FindingsStore {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public FindingsStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1_000);
    }

    public void createSchema() {
        String text = largeTextType();
        jdbc.execute("CREATE TABLE IF NOT EXISTS ACE_DIFF_BLOCK (JOB_INSTANCE_ID BIGINT NOT NULL, BLOCK_NO INT NOT NULL,"
                + " PARTITION_NO INT NOT NULL, ROWS_PER_NODE VARCHAR(4000) NOT NULL, MISMATCHED_RANGES INT NOT NULL,"
                + " DIFF_KEYS INT NOT NULL, PRIMARY KEY (JOB_INSTANCE_ID, BLOCK_NO))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS ACE_DIFF_KEY (JOB_INSTANCE_ID BIGINT NOT NULL, BLOCK_NO INT NOT NULL,"
                + " SEQ INT NOT NULL, DIFF_JSON " + text + " NOT NULL, PRIMARY KEY (JOB_INSTANCE_ID, BLOCK_NO, SEQ))");
    }

    private String largeTextType() {
        try (Connection c = dataSource.getConnection()) {
            // H2 keeps a CLOB out of line, which made reading a million findings take minutes; its
            // VARCHAR holds up to 1,000,000 characters per differing key (PostgreSQL: no limit)
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres") ? "TEXT" : "VARCHAR(1000000)";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the job repository database: " + e.getMessage(), e);
        }
    }

    /** Forgets what an earlier, rolled-forward attempt may have recorded for a block, before it is compared again. */
    public void clearBlock(long jobInstanceId, int blockNo) {
        jdbc.update("DELETE FROM ACE_DIFF_KEY WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ?", jobInstanceId, blockNo);
        jdbc.update("DELETE FROM ACE_DIFF_BLOCK WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ?", jobInstanceId, blockNo);
    }

    /** Records differing keys of a block, numbered from {@code firstSeq} in key order. */
    public void addDifferences(long jobInstanceId, int blockNo, int firstSeq, List<String> differencesJson) {
        jdbc.batchUpdate("INSERT INTO ACE_DIFF_KEY (JOB_INSTANCE_ID, BLOCK_NO, SEQ, DIFF_JSON) VALUES (?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, jobInstanceId);
                        ps.setInt(2, blockNo);
                        ps.setInt(3, firstSeq + i);
                        ps.setString(4, differencesJson.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return differencesJson.size();
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

    /** The recorded differences of one block, in key order. */
    public List<String> differences(long jobInstanceId, int blockNo) {
        return jdbc.queryForList("SELECT DIFF_JSON FROM ACE_DIFF_KEY WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ? ORDER BY SEQ",
                String.class, jobInstanceId, blockNo);
    }

    /** Replaces a block's differences (after a re-check) and its count. */
    public void replaceDifferences(long jobInstanceId, int blockNo, List<String> differencesJson) {
        jdbc.update("DELETE FROM ACE_DIFF_KEY WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ?", jobInstanceId, blockNo);
        addDifferences(jobInstanceId, blockNo, 0, differencesJson);
        jdbc.update("UPDATE ACE_DIFF_BLOCK SET DIFF_KEYS = ? WHERE JOB_INSTANCE_ID = ? AND BLOCK_NO = ?", differencesJson.size(),
                jobInstanceId, blockNo);
    }

    /** Every recorded difference in key order (block, then position in the block), streamed. */
    public void forEachDifference(long jobInstanceId, Consumer<String> differenceJson) {
        jdbc.query("SELECT DIFF_JSON FROM ACE_DIFF_KEY WHERE JOB_INSTANCE_ID = ? ORDER BY BLOCK_NO, SEQ",
                rs -> {
                    differenceJson.accept(rs.getString(1));
                }, jobInstanceId);
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
