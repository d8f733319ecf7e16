package org.tablesolver.database;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectionTimeouts.class)
class ConnectionTimeoutsConfiguration {

    /** Static and bound by hand: a BeanPostProcessor is created before the configuration properties beans. */
    @Bean
    static BeanPostProcessor connectionTimeoutsPostProcessor(Environment environment) {
        ConnectionTimeouts timeouts = Binder.get(environment).bindOrCreate("tablesolver.database",
                ConnectionTimeouts.class);
        return ConnectionTimeouts.postProcessor(timeouts);
    }
}
