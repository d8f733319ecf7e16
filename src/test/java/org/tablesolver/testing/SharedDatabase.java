package org.tablesolver.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * One PostgreSQL database for several application instances of a test (Spring contexts or processes): a new
 * database on the server of {@code SPRING_DATASOURCE_URL} when that is set (CI's second run), else an embedded
 * PostgreSQL 17 of its own. Closing drops or stops it.
 */
public final class SharedDatabase implements AutoCloseable {

    private final EmbeddedPostgres embedded;
    private final String serverUrl;
    private final String name;
    private final String url;
    private final String user;
    private final String password;
    private final Path directory;

    private SharedDatabase(EmbeddedPostgres embedded, String serverUrl, String name, String url, String user,
                           String password, Path directory) {
        this.embedded = embedded;
        this.serverUrl = serverUrl;
        this.name = name;
        this.url = url;
        this.user = user;
        this.password = password;
        this.directory = directory;
    }

    public static SharedDatabase start() {
        String external = System.getenv("SPRING_DATASOURCE_URL");
        String user = System.getenv().getOrDefault("SPRING_DATASOURCE_USERNAME", "postgres");
        String password = System.getenv().getOrDefault("SPRING_DATASOURCE_PASSWORD", "");
        try {
            if (external != null && !external.isBlank()) {
                String name = "ts_shared_" + Long.toHexString(System.nanoTime());
                try (Connection c = DriverManager.getConnection(external, user, password);
                     Statement s = c.createStatement()) {
                    s.execute("create database " + name);
                }
                String base = external.contains("?") ? external.substring(0, external.indexOf('?')) : external;
                String url = base.substring(0, base.lastIndexOf('/') + 1) + name;
                return new SharedDatabase(null, external, name, url, user, password, null);
            }
            Path directory = Files.createTempDirectory("ts-shared-pg");
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(directory).setCleanDataDirectory(true)
                    .start();
            return new SharedDatabase(pg, null, null, pg.getJdbcUrl("postgres", "postgres"), "postgres", "",
                    directory);
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot start a shared test database", e);
        }
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String password() {
        return password;
    }

    /** The host and port the JDBC URL names (for a TCP proxy in front of it). */
    public java.net.InetSocketAddress address() {
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        return new java.net.InetSocketAddress(uri.getHost(), uri.getPort());
    }

    /** The URL with another host and port (a proxy's), same database. */
    public String urlVia(int port) {
        java.net.URI uri = java.net.URI.create(url.substring("jdbc:".length()));
        return "jdbc:postgresql://127.0.0.1:" + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Spring Boot arguments that point an instance at this database. */
    public String[] springArguments() {
        return new String[] {"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
                "--spring.datasource.password=" + password};
    }

    public TestDatabase client() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(url, user, password);
        return new TestDatabase(JdbcClient.create(dataSource));
    }

    @Override
    public void close() {
        try {
            if (embedded != null) {
                embedded.close();
            } else {
                try (Connection c = DriverManager.getConnection(serverUrl, user, password);
                     Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + name + " with (force)");
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot stop the shared test database", e);
        }
        if (directory != null) {
            try (var files = Files.walk(directory)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }
}
