package org.tablesolver.solve;

/** Where a solve is. Only COMMITTED means that anything was written. */
public enum SolveStatus {
    /** Accepted; waiting for a free worker or for an earlier solve of the same day. */
    QUEUED,
    /** Loading, solving or committing (possibly again after a conflict). */
    SOLVING,
    /** The plan is in the database. */
    COMMITTED,
    /** Every attempt conflicted with concurrent changes; nothing was written. */
    CONFLICT,
    /** An error, or no feasible plan; nothing was written. */
    FAILED,
    /** Stopped before a plan was committed; nothing was written. */
    CANCELLED;

    public boolean finished() {
        return this != QUEUED && this != SOLVING;
    }
}
