package io.ace.mtree;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps ACE's objects on the node they were made on. Rows cannot travel (the tables are unlogged),
 * but Spock can replicate DDL and add new tables to its replication sets: its repair mode and
 * DDL replication switch are set for ACE's DDL. And since a setting can be missed, what replication
 * would carry is checked: no relation of the schema in any pglogical or Spock replication set or
 * any publication, and ACE's publication limited to the tables it names.
 */
final class ReplicationIsolation {

    private static final String MEMBERSHIP = """
            SELECT s.set_name, c.relname FROM %1$s.replication_set_table t
            JOIN %1$s.replication_set s ON s.set_id = t.set_id
            JOIN pg_catalog.pg_class c ON c.oid = t.set_reloid
            JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = ?
            """;

    private ReplicationIsolation() {
    }

    /** Inside the transaction that runs ACE's DDL: on Spock, neither the DDL nor a table it creates replicates. */
    static void beforeDdl(Connection c) throws SQLException {
        if (installed(c, "spock")) {
            try (Statement st = c.createStatement()) {
                st.execute("SELECT spock.repair_mode(true)");
                for (String setting : List.of("spock.enable_ddl_replication", "spock.include_ddl_repset")) {
                    st.execute("SELECT set_config('" + setting + "', 'off', true) WHERE current_setting('" + setting + "', true) IS NOT NULL");
                }
            }
        }
    }

    /** What would carry ACE's objects to another node; empty when nothing would. */
    static List<String> leaks(Connection c) throws SQLException {
        List<String> leaks = new ArrayList<>();
        for (String extension : List.of("pglogical", "spock")) {
            if (installed(c, extension)) {
                try (PreparedStatement ps = c.prepareStatement(String.format(MEMBERSHIP, extension))) {
                    ps.setString(1, MetadataSchema.SCHEMA);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            leaks.add(extension + " replication set '" + rs.getString(1) + "' holds " + MetadataSchema.SCHEMA + "."
                                    + rs.getString(2));
                        }
                    }
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pubname, tablename FROM pg_catalog.pg_publication_tables WHERE schemaname = ?")) {
            ps.setString(1, MetadataSchema.SCHEMA);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    leaks.add("publication '" + rs.getString(1) + "' publishes " + MetadataSchema.SCHEMA + "." + rs.getString(2));
                }
            }
        }
        if (MetadataSchema.single(c, "SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_publication WHERE pubname = '"
                + MetadataSchema.PUBLICATION + "' AND puballtables)")) {
            leaks.add("publication '" + MetadataSchema.PUBLICATION + "' publishes all tables (it must name only the tracked tables)");
        }
        return leaks;
    }

    static boolean installed(Connection c, String extension) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_extension WHERE extname = ?)")) {
            ps.setString(1, extension);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
