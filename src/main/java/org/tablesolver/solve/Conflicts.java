package org.tablesolver.solve;

import java.sql.SQLException;
import java.util.Optional;

import org.springframework.transaction.TransactionSystemException;

/**
 * Decides whether a failed commit is worth another attempt. Retried: the day changed since it was loaded
 * ({@link CommitConflict}), and what PostgreSQL reports for concurrent work: serialization failure, deadlock,
 * exclusion violation (a table booked twice), lock timeout, a cancelled statement. A lost connection
 * ({@link #connectionLost}) is read back first instead (the pipeline). Anything else is a bug or a broken
 * database and ends the solve as FAILED.
 */
final class Conflicts {

    private Conflicts() {
    }

    /** Why the commit may succeed on a fresh snapshot, or empty when it should not be retried. */
    static Optional<String> retryableReason(Throwable failure) {
        for (Throwable t = failure; t != null; t = next(t)) {
            if (t instanceof CommitConflict conflict) {
                return Optional.of(conflict.getMessage());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                Optional<String> reason = describe(sql.getSQLState());
                if (reason.isPresent()) {
                    return reason;
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the failure is the database connection's, not the data's: a broken, refused or timed-out
     * connection, a terminated backend. After such a failure during a commit nobody knows whether COMMIT
     * landed until the database is asked again.
     */
    static boolean connectionLost(Throwable failure) {
        return org.tablesolver.database.SqlStates.isConnectionFailure(failure);
    }

    private static Optional<String> describe(String sqlState) {
        return switch (sqlState) {
            case "40001" -> Optional.of("a concurrent transaction made the commit unserializable (40001)");
            case "40P01" -> Optional.of("the commit deadlocked with a concurrent transaction (40P01)");
            case "23P01" -> Optional.of("a table was booked by someone else for an overlapping time meanwhile "
                    + "(exclusion constraint, 23P01)");
            case "55P03" -> Optional.of("a lock the commit needs was held too long by another transaction (55P03)");
            case "57014" -> Optional.of("the commit's statement was cancelled (57014)");
            default -> Optional.empty();
        };
    }

    private static Throwable next(Throwable t) {
        // A failed rollback on a dead connection replaces the original exception; the original is the one
        // that says what happened.
        if (t instanceof TransactionSystemException tse && tse.getApplicationException() != null) {
            return tse.getApplicationException();
        }
        if (t instanceof SQLException sql && sql.getNextException() != null && sql.getCause() == null) {
            return sql.getNextException();
        }
        return t.getCause() == t ? null : t.getCause();
    }
}
