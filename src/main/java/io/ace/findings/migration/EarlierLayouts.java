package io.ace.findings.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;

/** What the findings tables of a repository made by an earlier version look like, read from its metadata. */
final class EarlierLayouts {

    /** Where blocks of a repository written before runs compared many tables wait while the new table is made. */
    static final String BLOCKS_SET_ASIDE = "ACE_DIFF_BLOCK_UNPARTED";

    private EarlierLayouts() {
    }

    /** Whether the table (or its column, when named) exists, in whatever case the database keeps unquoted names. */
    static boolean exists(Connection c, String table, String column) throws SQLException {
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
    }
}
