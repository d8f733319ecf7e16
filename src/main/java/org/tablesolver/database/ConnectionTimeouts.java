package org.tablesolver.database;

import java.time.Duration;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Timeouts on every application connection, embedded or external (src/docs/operations.md "Configuration"), so no database fault
 * makes a request hang or keeps a restaurant-day locked: PostgreSQL ends a statement after
 * {@code statementTimeout}, a lock wait after {@code lockTimeout} (commits set a shorter one of their own) and a
 * session that stays idle inside a transaction after {@code idleInTransactionTimeout} (its locks released); the
 * driver gives up on a server that stops answering after {@code socketTimeout} and sends TCP keepalives, so a
 * half-open connection is noticed.
 */
@ConfigurationProperties("tablesolver.database")
public record ConnectionTimeouts(
        @DefaultValue("60s") Duration statementTimeout,
        @DefaultValue("30s") Duration lockTimeout,
        @DefaultValue("120s") Duration idleInTransactionTimeout,
        @DefaultValue("90s") Duration socketTimeout,
        @DefaultValue("10s") Duration connectTimeout) {

    public ConnectionTimeouts {
        if (socketTimeout.compareTo(statementTimeout) <= 0) {
            throw new IllegalArgumentException("tablesolver.database.socket-timeout (" + socketTimeout
                    + ") must be longer than statement-timeout (" + statementTimeout + ")");
        }
    }

    /** Applies the timeouts to a pool before it opens its first connection. */
    public void applyTo(HikariDataSource dataSource) {
        dataSource.addDataSourceProperty("options", "-c statement_timeout=" + statementTimeout.toMillis()
                + " -c lock_timeout=" + lockTimeout.toMillis()
                + " -c idle_in_transaction_session_timeout=" + idleInTransactionTimeout.toMillis());
        dataSource.addDataSourceProperty("socketTimeout", String.valueOf(socketTimeout.toSeconds()));
        dataSource.addDataSourceProperty("connectTimeout", String.valueOf(connectTimeout.toSeconds()));
        dataSource.addDataSourceProperty("tcpKeepAlive", "true");
    }

    /** Puts the timeouts on every Hikari pool of the context (the embedded default's and Spring Boot's). */
    static BeanPostProcessor postProcessor(ConnectionTimeouts timeouts) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof HikariDataSource dataSource) {
                    timeouts.applyTo(dataSource);
                }
                return bean;
            }
        };
    }
}
