package io.ace.findings.migration;

import java.sql.Connection;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A repository written before runs compared many tables has a blocks table without PART_NO: it is
 * set aside so that version 2 creates the table as it is now, and version 2.1 moves its rows over.
 */
public class V1_1__Findings_blocks_set_aside extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        if (EarlierLayouts.exists(c, "ACE_DIFF_BLOCK", null) && !EarlierLayouts.exists(c, "ACE_DIFF_BLOCK", "PART_NO")) {
            try (Statement st = c.createStatement()) {
                st.execute("ALTER TABLE ACE_DIFF_BLOCK RENAME TO " + EarlierLayouts.BLOCKS_SET_ASIDE);
            }
        }
    }
}
