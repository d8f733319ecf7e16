package org.tablesolver.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the embedded PostgreSQL that runs when no {@code spring.datasource.url} is configured.
 *
 * @param dataDirectory    where the database files live; kept across restarts, never cleaned on start
 * @param port             TCP port on 127.0.0.1; 0 picks a free one
 * @param ephemeral        use a fresh temporary directory instead and delete it on shutdown (tests)
 * @param attachToRunning  when a PostgreSQL already runs on the data directory (a table-solver server),
 *                         connect to it instead of refusing to start; the command line sets this
 */
@ConfigurationProperties("tablesolver.embedded")
record EmbeddedPostgresProperties(
        @DefaultValue("./data/postgres") Path dataDirectory,
        @DefaultValue("0") int port,
        @DefaultValue("false") boolean ephemeral,
        @DefaultValue("false") boolean attachToRunning) {
}
