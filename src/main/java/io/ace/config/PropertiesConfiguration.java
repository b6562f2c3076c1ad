package io.ace.config;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;

/** Binds and checks the {@code ace.*} properties, and logs what the process runs with. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AceProperties.class)
public class PropertiesConfiguration {

    /** The checks of {@link SettingRanges}, which Spring Boot applies to the {@code ace.*} settings once they are bound. */
    @Bean(EnableConfigurationProperties.VALIDATOR_BEAN_NAME)
    @Role(BeanDefinition.ROLE_INFRASTRUCTURE)
    static SettingRanges configurationPropertiesValidator() {
        return new SettingRanges();
    }

    @Bean
    EffectiveConfiguration effectiveConfiguration(AceProperties properties, ObjectProvider<DataSourceProperties> dataSource) {
        DataSourceProperties repository = dataSource.getIfAvailable();
        return repository == null ? new EffectiveConfiguration(properties, null, null)
                : new EffectiveConfiguration(properties, repository.getUrl(), repository.getUsername());
    }
}
