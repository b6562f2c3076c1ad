package io.ace.findings;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
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
 * nor repeats them. Rows are keyed by job instance (and the table within it, for runs that
 * compare many tables), so every execution of one run shares them.
 */
public final class FindingsStore {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String UNPARTED = "_UNPARTED";

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;

    public FindingsStore(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(1_000);
    }

    public void createSchema() {
        String text = largeTextType();
        List<String> setAside = setAsideUnparted();
        jdbc.execute("CREATE TABLE IF NOT EXISTS ACE_DIFF_BLOCK (JOB_INSTANCE_ID BIGINT NOT NULL, PART_NO INT DEFAULT 0 NOT NULL,"
                + " BLOCK_NO INT NOT NULL, PARTITION_NO INT NOT NULL, ROWS_PER_NODE VARCHAR(4000) NOT NULL, MISMATCHED_RANGES INT NOT NULL,"
                + " DIFF_KEYS INT NOT NULL, CONSTRAINT ACE_DIFF_BLOCK_PK PRIMARY KEY (JOB_INSTANCE_ID, PART_NO, BLOCK_NO))");
        jdbc.execute("CREATE TABLE IF NOT EXISTS ACE_DIFF_KEY (JOB_INSTANCE_ID BIGINT NOT NULL, PART_NO INT DEFAULT 0 NOT NULL,"
                + " BLOCK_NO INT NOT NULL, SEQ INT NOT NULL, DIFF_JSON " + text + " NOT NULL,"
                + " CONSTRAINT ACE_DIFF_KEY_PK PRIMARY KEY (JOB_INSTANCE_ID, PART_NO, BLOCK_NO, SEQ))");
        for (String table : setAside) {
            String columns = table.equals("ACE_DIFF_BLOCK")
                    ? "JOB_INSTANCE_ID, BLOCK_NO, PARTITION_NO, ROWS_PER_NODE, MISMATCHED_RANGES, DIFF_KEYS"
                    : "JOB_INSTANCE_ID, BLOCK_NO, SEQ, DIFF_JSON";
            jdbc.execute("INSERT INTO " + table + " (" + columns + ") SELECT " + columns + " FROM " + table + UNPARTED);
            jdbc.execute("DROP TABLE " + table + UNPARTED);
        }
    }

    /**
     * A repository written before runs compared many tables has its findings tables without
     * PART_NO: they are renamed, to be created anew and refilled (as part 0), so runs in progress
     * keep their findings. Returns the tables set aside.
     */
    private List<String> setAsideUnparted() {
        List<String> setAside = new ArrayList<>();
        for (String table : new String[] {"ACE_DIFF_BLOCK", "ACE_DIFF_KEY"}) {
            if (exists(table, null) && !exists(table, "PART_NO")) {
                jdbc.execute("ALTER TABLE " + table + " RENAME TO " + table + UNPARTED);
                setAside.add(table);
            }
        }
        return setAside;
    }

    /** Whether the table (or its column, when named) exists, in whatever case the database keeps unquoted names. */
    private boolean exists(String table, String column) {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            for (String t : new String[] {table, table.toLowerCase()}) {
                try (ResultSet rs = column == null ? meta.getTables(null, null, t, null)
                        : meta.getColumns(null, null, t, meta.storesLowerCaseIdentifiers() ? column.toLowerCase() : column)) {
                    if (rs.next()) {
                        return true;
                    }
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository's tables: " + e.getMessage(), e);
        }
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
    public void clearBlock(FindingsScope scope, int blockNo) {
        jdbc.update("DELETE FROM ACE_DIFF_KEY WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ?", scope.jobInstanceId(),
                scope.part(), blockNo);
        jdbc.update("DELETE FROM ACE_DIFF_BLOCK WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ?", scope.jobInstanceId(),
                scope.part(), blockNo);
    }

    /** Records differing keys of a block, numbered from {@code firstSeq} in key order. */
    public void addDifferences(FindingsScope scope, int blockNo, int firstSeq, List<String> differencesJson) {
        jdbc.batchUpdate("INSERT INTO ACE_DIFF_KEY (JOB_INSTANCE_ID, PART_NO, BLOCK_NO, SEQ, DIFF_JSON) VALUES (?, ?, ?, ?, ?)",
                new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        ps.setLong(1, scope.jobInstanceId());
                        ps.setInt(2, scope.part());
                        ps.setInt(3, blockNo);
                        ps.setInt(4, firstSeq + i);
                        ps.setString(5, differencesJson.get(i));
                    }

                    @Override
                    public int getBatchSize() {
                        return differencesJson.size();
                    }
                });
    }

    public void saveBlock(FindingsScope scope, int partition, BlockRecord block) {
        jdbc.update("INSERT INTO ACE_DIFF_BLOCK (JOB_INSTANCE_ID, PART_NO, BLOCK_NO, PARTITION_NO, ROWS_PER_NODE, MISMATCHED_RANGES, DIFF_KEYS)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)", scope.jobInstanceId(), scope.part(), block.blockNo(), partition,
                MAPPER.writeValueAsString(block.rowsPerNode()), block.mismatchedRanges(), block.diffKeys());
    }

    /** Blocks with differing keys, in key order. */
    public List<Integer> blocksWithDifferences(FindingsScope scope) {
        return jdbc.queryForList("SELECT BLOCK_NO FROM ACE_DIFF_BLOCK WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND DIFF_KEYS > 0"
                + " ORDER BY BLOCK_NO", Integer.class, scope.jobInstanceId(), scope.part());
    }

    /** The recorded differences of one block, in key order. */
    public List<String> differences(FindingsScope scope, int blockNo) {
        return jdbc.queryForList("SELECT DIFF_JSON FROM ACE_DIFF_KEY WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ? ORDER BY SEQ",
                String.class, scope.jobInstanceId(), scope.part(), blockNo);
    }

    /** Replaces a block's differences (after a re-check) and its count. */
    public void replaceDifferences(FindingsScope scope, int blockNo, List<String> differencesJson) {
        jdbc.update("DELETE FROM ACE_DIFF_KEY WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ?", scope.jobInstanceId(),
                scope.part(), blockNo);
        addDifferences(scope, blockNo, 0, differencesJson);
        jdbc.update("UPDATE ACE_DIFF_BLOCK SET DIFF_KEYS = ? WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? AND BLOCK_NO = ?",
                differencesJson.size(), scope.jobInstanceId(), scope.part(), blockNo);
    }

    /** Every recorded difference in key order (block, then position in the block), streamed. */
    public void forEachDifference(FindingsScope scope, Consumer<String> differenceJson) {
        jdbc.query("SELECT DIFF_JSON FROM ACE_DIFF_KEY WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? ORDER BY BLOCK_NO, SEQ",
                rs -> {
                    differenceJson.accept(rs.getString(1));
                }, scope.jobInstanceId(), scope.part());
    }

    public List<BlockRecord> blocks(FindingsScope scope) {
        return jdbc.query("SELECT BLOCK_NO, ROWS_PER_NODE, MISMATCHED_RANGES, DIFF_KEYS FROM ACE_DIFF_BLOCK"
                        + " WHERE JOB_INSTANCE_ID = ? AND PART_NO = ? ORDER BY BLOCK_NO",
                (rs, i) -> new BlockRecord(rs.getInt(1), rowsPerNode(rs.getString(2)), rs.getInt(3), rs.getInt(4)),
                scope.jobInstanceId(), scope.part());
    }

    private static Map<String, Long> rowsPerNode(String json) {
        Map<String, Long> rows = new LinkedHashMap<>();
        MAPPER.readTree(json).properties().forEach(e -> rows.put(e.getKey(), e.getValue().asLong()));
        return rows;
    }
}
