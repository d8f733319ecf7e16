package org.tablesolver.availability;

import java.util.function.Supplier;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.tablesolver.database.SqlStates;
import org.tablesolver.web.ConflictException;

/**
 * Writes of a restaurant-day that met a change committed after their snapshot (a booking cancelled or moved
 * meanwhile, a table taken by a neighbouring day's booking) roll back whole and run again on a fresh snapshot,
 * so a refusal is only ever about committed data; after the last attempt, a 409 that says nothing was written.
 */
public final class Retries {

    private Retries() {
    }

    /** A write met a change committed after its snapshot: roll back and try again. */
    public static final class ConcurrentChange extends RuntimeException {
        public ConcurrentChange(String message) {
            super(message);
        }
    }

    public static <T> T retry(int attempts, Supplier<T> attempt) {
        RuntimeException last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                return attempt.get();
            } catch (ConcurrentChange | DataIntegrityViolationException | PessimisticLockingFailureException e) {
                if (SqlStates.isDataError(e)) {
                    throw e; // bad input (400), not a concurrent change
                }
                last = e;
            }
        }
        throw new ConflictException(null, "The day kept changing under this request (" + last.getMessage()
                + "); nothing was written. Try again.");
    }
}
