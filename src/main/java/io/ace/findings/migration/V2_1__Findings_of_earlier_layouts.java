package io.ace.findings.migration;

import io.ace.diff.KeyDifference;
import io.ace.diff.NodeRow;
import io.ace.difffile.DiffFileReader;
import io.ace.findings.FindingCodec;
import io.ace.findings.FindingsScope;
import io.ace.findings.FindingsStore;
import io.ace.json.AceJson;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * The findings of runs in progress in a repository of an earlier version are kept, so they
 * resume: blocks set aside by version 1.1 become part 0 of their run, and findings stored one
 * JSON object per row (ACE_DIFF_KEY) become binary runs, values in the diff file's spelling.
 */
public class V2_1__Findings_of_earlier_layouts extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        SingleConnectionDataSource one = new SingleConnectionDataSource(c, true);
        JdbcTemplate jdbc = new JdbcTemplate(one);
        if (EarlierLayouts.exists(c, EarlierLayouts.BLOCKS_SET_ASIDE, null)) {
            String columns = "JOB_INSTANCE_ID, BLOCK_NO, PARTITION_NO, ROWS_PER_NODE, MISMATCHED_RANGES, DIFF_KEYS";
            jdbc.execute("INSERT INTO ACE_DIFF_BLOCK (" + columns + ") SELECT " + columns + " FROM " + EarlierLayouts.BLOCKS_SET_ASIDE);
            jdbc.execute("DROP TABLE " + EarlierLayouts.BLOCKS_SET_ASIDE);
        }
        if (EarlierLayouts.exists(c, "ACE_DIFF_KEY", null)) {
            convertJsonFindings(c, jdbc, new FindingsStore(one, new DataSourceTransactionManager(one)));
        }
    }

    private static void convertJsonFindings(Connection c, JdbcTemplate jdbc, FindingsStore store) throws Exception {
        String part = EarlierLayouts.exists(c, "ACE_DIFF_KEY", "PART_NO") ? "PART_NO" : "0";
        List<long[]> places = new ArrayList<>();
        List<String> records = new ArrayList<>();
        jdbc.query("SELECT JOB_INSTANCE_ID, " + part + ", BLOCK_NO, SEQ, DIFF_JSON FROM ACE_DIFF_KEY ORDER BY 1, 2, 3, 4", rs -> {
            long[] place = {rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)};
            if (!records.isEmpty() && (records.size() == FindingCodec.RUN_RECORDS || !sameBlock(places.get(0), place))) {
                insert(store, places.get(0), records);
                places.clear();
                records.clear();
            }
            places.add(place);
            records.add(rs.getString(5));
        });
        if (!records.isEmpty()) {
            insert(store, places.get(0), records);
        }
        jdbc.execute("DROP TABLE ACE_DIFF_KEY");
    }

    private static boolean sameBlock(long[] a, long[] b) {
        return a[0] == b[0] && a[1] == b[1] && a[2] == b[2];
    }

    /** Records of one block from position {@code first}: differences (they have "nodes") or a repair's changes. */
    private static void insert(FindingsStore store, long[] first, List<String> records) {
        FindingsScope scope = new FindingsScope(first[0], (int) first[1]);
        int block = (int) first[2];
        int seq = (int) first[3];
        if (!AceJson.STATE.readTree(records.get(0)).has("nodes")) {
            store.addChanges(scope, block, seq, records);
            return;
        }
        List<KeyDifference> differences = new ArrayList<>(records.size());
        for (String json : records) {
            JsonNode d = AceJson.STATE.readTree(json);
            List<String> key = new ArrayList<>();
            d.get("key").forEach(k -> key.add(k.asString()));
            Map<String, NodeRow> rows = new LinkedHashMap<>();
            d.get("nodes").properties().forEach(e -> {
                List<String> values = new ArrayList<>();
                DiffFileReader.row(e.getValue().get("row").asString()).values().forEach(v -> values.add(v.sqlText()));
                rows.put(e.getKey(), new NodeRow(values, Long.parseLong(e.getValue().get("hash").asString())));
            });
            differences.add(new KeyDifference(key, rows, d.has("odd") ? d.get("odd").asString() : null));
        }
        store.addDifferences(scope, block, seq, differences);
    }
}
