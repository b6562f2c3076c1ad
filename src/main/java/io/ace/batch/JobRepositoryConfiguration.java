package io.ace.batch;

import javax.sql.DataSource;
import org.springframework.batch.core.configuration.BatchConfigurationException;
import org.springframework.batch.core.configuration.support.JdbcDefaultBatchConfiguration;
import org.springframework.batch.core.repository.ExecutionContextSerializer;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.repository.dao.JacksonExecutionContextStringSerializer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch's infrastructure on the application's database (Spring Boot's own batch configuration
 * then stands back), with the job repository whose step updates read only what their stop check
 * needs ({@link StopCheckingJobRepository}) and execution contexts stored as readable JSON. The
 * repository starts after its schema is brought up to date (the import orders them).
 */
@Configuration(proxyBeanMethods = false)
@Import(DatabaseInitializationDependencyConfigurer.class)
public class JobRepositoryConfiguration extends JdbcDefaultBatchConfiguration {

    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;

    JobRepositoryConfiguration(DataSource dataSource, PlatformTransactionManager transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    @Bean
    @Override
    public JobRepository jobRepository() {
        StopCheckingJobRepository.Factory factory = new StopCheckingJobRepository.Factory();
        try {
            factory.setDataSource(getDataSource());
            factory.setTransactionManager(getTransactionManager());
            factory.setDatabaseType(getDatabaseType());
            factory.setIncrementerFactory(getIncrementerFactory());
            factory.setJobKeyGenerator(getJobKeyGenerator());
            factory.setClobType(getClobType());
            factory.setTablePrefix(getTablePrefix());
            factory.setSerializer(getExecutionContextSerializer());
            factory.setConversionService(getConversionService());
            factory.setJdbcOperations(getJdbcOperations());
            factory.setCharset(getCharset());
            factory.setMaxVarCharLength(getMaxVarCharLength());
            factory.setIsolationLevelForCreateEnum(getIsolationLevelForCreate());
            factory.setValidateTransactionState(getValidateTransactionState());
            factory.afterPropertiesSet();
            return factory.getObject();
        } catch (Exception e) {
            throw new BatchConfigurationException("cannot set up the job repository: " + e.getMessage(), e);
        }
    }

    @Override
    protected DataSource getDataSource() {
        return dataSource;
    }

    @Override
    protected PlatformTransactionManager getTransactionManager() {
        return transactions;
    }

    @Override
    protected ExecutionContextSerializer getExecutionContextSerializer() {
        return new JacksonExecutionContextStringSerializer();
    }
}
