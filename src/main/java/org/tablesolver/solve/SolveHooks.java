package org.tablesolver.solve;

import java.time.LocalDate;

/**
 * Points inside the pipeline where tests (and diagnostics) can observe or disturb a solve: pause
 * between solving and committing while bookings change, or fail in the middle of a commit. Every
 * bean of this type is called on the solve's thread. An exception thrown from a hook counts as an
 * unexpected failure (the solve ends FAILED and nothing is written); the service itself declares no
 * hook.
 */
public interface SolveHooks {

    /** A solve attempt of one restaurant-day. */
    record Attempt(String solveId, String restaurantId, LocalDate date, int attempt) {
    }

    /** Before an attempt loads its day; no connection is held. */
    default void beforeLoad(Attempt attempt) {
    }

    /** After the solver finished and before the commit transaction starts; no connection is held. */
    default void beforeCommit(Attempt attempt) {
    }

    /**
     * Inside the commit transaction, right after one table assignment row was inserted; statements run here
     * use the commit's connection.
     */
    default void assignmentWritten(Attempt attempt, String bookingId, String tableId) {
    }

    /** Inside the commit transaction after every row was written, right before COMMIT is sent. */
    default void beforeCommitStatement(Attempt attempt) {
    }
}
