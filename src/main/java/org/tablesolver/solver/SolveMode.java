package org.tablesolver.solver;

/** What a solve may change. */
public enum SolveMode {
    /** Seat PENDING bookings around CONFIRMED and SEATED ones, which keep their tables. */
    PENDING_ONLY,
    /**
     * Also move CONFIRMED bookings to other tables when that seats more parties; a confirmed booking
     * is never left unseated (a hard rule) and SEATED bookings never move.
     */
    REOPTIMIZE
}
