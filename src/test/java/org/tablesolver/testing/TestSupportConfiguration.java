package org.tablesolver.testing;

import java.time.Clock;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

@TestConfiguration(proxyBeanMethods = false)
public class TestSupportConfiguration {

    @Bean
    TestDatabase testDatabase(JdbcClient jdbc) {
        return new TestDatabase(jdbc);
    }

    /** The application's clock in tests: {@link TestClock}, so no test depends on the date it runs. */
    @Bean
    Clock clock() {
        return new TestClock();
    }

    @Bean
    TestHooks testHooks() {
        return new TestHooks();
    }

    @Bean
    Api api(Environment environment, ObjectMapper objectMapper) {
        return new Api(() -> environment.getRequiredProperty("local.server.port", Integer.class), objectMapper,
                environment.getRequiredProperty("tablesolver.admin-key"));
    }
}
