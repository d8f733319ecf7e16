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
}
