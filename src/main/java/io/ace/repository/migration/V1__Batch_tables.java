package io.ace.repository.migration;

import io.ace.repository.RepositoryDatabase;
import java.sql.Connection;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Spring Batch's tables, from the schema script Spring Batch ships for the database, so they are
 * exactly the ones its version expects; on PostgreSQL also the tables of Spring Integration's
 * JDBC message store, which carries partitions to workers.
 */
public class V1__Batch_tables extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        boolean postgres = RepositoryDatabase.isPostgres(c);
        ScriptUtils.executeSqlScript(c, new ClassPathResource("org/springframework/batch/core/schema-" + (postgres ? "postgresql" : "h2") + ".sql"));
        if (postgres) {
            ScriptUtils.executeSqlScript(c, new ClassPathResource(PartitionChannelTables.SCRIPT));
        }
    }
}
