package org.tablesolver.database;

import java.sql.SQLException;

/** What PostgreSQL's SQLSTATE says about a failure. */
public final class SqlStates {

    private SqlStates() {
    }

    /**
     * True for class 22, "data exception" (a value out of range, text the database cannot store such as a NUL
     * byte, a date out of range): bad input, never a concurrency conflict.
     */
    public static boolean isDataError(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    /**
     * True when the failure is the connection's: SQLSTATE class 08 (connection exception), a terminated backend
     * (57P01-57P05), an idle-in-transaction timeout (25P03), a socket error or timeout, no connection to be had from
     * the pool, a COMMIT or ROLLBACK that failed. The data was not refused:
     * what a write did is unknown until the database is asked again.
     */
    public static boolean isConnectionFailure(Throwable failure) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>();
        todo.add(failure);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P0") || state.equals("25P03"))) {
                    return true;
                }
                if (sql instanceof java.sql.SQLTransientConnectionException
                        || sql instanceof java.sql.SQLNonTransientConnectionException) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    todo.add(sql.getNextException());
                }
            }
            if (t instanceof java.net.SocketException || t instanceof java.net.SocketTimeoutException
                    || t instanceof java.io.EOFException
                    || t instanceof org.springframework.jdbc.CannotGetJdbcConnectionException) {
                return true;
            }
            if (t instanceof org.springframework.transaction.TransactionSystemException) {
                // COMMIT or ROLLBACK itself failed: only a broken connection does that, and the outcome is open.
                return true;
            }
            if (t.getCause() != null && t.getCause() != t) {
                todo.add(t.getCause());
            }
            for (Throwable suppressed : t.getSuppressed()) {
                todo.add(suppressed);
            }
        }
        return false;
    }
}
