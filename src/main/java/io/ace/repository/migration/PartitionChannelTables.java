package io.ace.repository.migration;

/** Where Spring Integration keeps the schema of its JDBC message store for PostgreSQL, which holds the partition channel. */
final class PartitionChannelTables {

    static final String SCRIPT = "org/springframework/integration/jdbc/schema-postgresql.sql";

    private PartitionChannelTables() {
    }
}
