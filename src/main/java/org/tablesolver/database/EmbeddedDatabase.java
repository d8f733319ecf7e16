package org.tablesolver.database;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The embedded default's PostgreSQL: either started by this process on its data directory (and stopped on
 * shutdown), or, for a command-line run while a table-solver server already runs on that directory, the
 * server's PostgreSQL (left running on shutdown).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private final EmbeddedPostgres started;
    private final String jdbcUrl;
    private final int port;

    private EmbeddedDatabase(EmbeddedPostgres started, String jdbcUrl, int port) {
        this.started = started;
        this.jdbcUrl = jdbcUrl;
        this.port = port;
    }

    static EmbeddedDatabase started(EmbeddedPostgres postgres) {
        return new EmbeddedDatabase(postgres, postgres.getJdbcUrl("postgres", "postgres"), postgres.getPort());
    }

    static EmbeddedDatabase attached(RunningPostgres running) {
        return new EmbeddedDatabase(null, running.jdbcUrl(), running.port());
    }

    /** True when another process runs this PostgreSQL (this one only connects to it). */
    public boolean attached() {
        return started == null;
    }

    public String jdbcUrl() {
        return jdbcUrl;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() throws IOException {
        if (started != null) {
            started.close();
        }
    }
}
