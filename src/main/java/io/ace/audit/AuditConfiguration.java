package io.ace.audit;

import io.ace.repository.SchemaLock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class AuditConfiguration {

    @Bean
    AuditLog auditLog(DataSource dataSource) {
        AuditLog log = new AuditLog(dataSource);
        SchemaLock.around(dataSource, () -> {
            log.createSchema();
            log.purgeLeakedRefusals();
        });
        return log;
    }
}
