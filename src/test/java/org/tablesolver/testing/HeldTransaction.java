package org.tablesolver.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

/**
 * A transaction of the test's own on a connection of its own, left open while the service works: it holds row
 * or advisory locks the service must wait for, and commits when the test says so (a real concurrent writer, as
 * another instance of the service or a person at the database would be).
 */
public final class HeldTransaction implements AutoCloseable {

    private final Connection connection;

    public HeldTransaction(DataSource dataSource) throws SQLException {
        this.connection = dataSource.getConnection();
        this.connection.setAutoCommit(false);
    }

    /** Runs one statement inside the transaction (its result, if any, is read and dropped). */
    public HeldTransaction run(String sql, Object... params) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            if (statement.execute()) {
                try (ResultSet rs = statement.getResultSet()) {
                    while (rs.next()) {
                        // drained
                    }
                }
            }
        }
        return this;
    }

    /** Takes the advisory lock the service takes for a restaurant-day ({@code DayLock}). */
    public HeldTransaction lockDay(String restaurantId, String date) throws SQLException {
        return run("select pg_advisory_xact_lock(hashtextextended(?, 0))",
                "tablesolver.solve:" + restaurantId + ":" + date);
    }

    /**
     * Waits until another backend waits for a lock while running a statement that contains {@code queryPart}; an
     * AssertionError after {@code timeout}.
     */
    public void awaitWaiter(String queryPart, Duration timeout) throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*) from pg_stat_activity
                where pid <> pg_backend_pid() and wait_event_type = 'Lock' and query like ?
                """)) {
            statement.setString(1, "%" + queryPart + "%");
            while (Instant.now().isBefore(deadline)) {
                clearStatisticsSnapshot();
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no backend waited for a lock in a statement with '" + queryPart + "' within "
                + timeout);
    }

    /** Whether some other backend waits for a lock in a statement that contains {@code queryPart} now. */
    public boolean someoneWaits(String queryPart) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("""
                select count(*) from pg_stat_activity
                where pid <> pg_backend_pid() and wait_event_type = 'Lock' and query like ?
                """)) {
            statement.setString(1, "%" + queryPart + "%");
            clearStatisticsSnapshot();
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getInt(1) > 0;
            }
        }
    }

    /** pg_stat_activity is read once per transaction unless the snapshot is cleared. */
    private void clearStatisticsSnapshot() throws SQLException {
        run("select pg_stat_clear_snapshot()");
    }

    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
            }
        } finally {
            connection.close();
        }
    }
}
