package org.tablesolver.solver;

/** Why a solve ended: what a host or operator needs to know about the plan it left. */
public enum EndedBy {
    /** The plan reached the day's bound: proven optimal, nothing more to gain (then guests and preferences polished). */
    BOUND,
    /** The configuration's phases ended by their own counts with nothing left to gain (steps without improvement). */
    NO_GAIN,
    /** A configured step or move budget ended the search while it might still have gained. */
    LIMIT,
    /** The wall-clock safety cap ended it: the plan is the best found by then, and another run may differ. */
    TIME_LIMIT,
    /** Stopped by a user (DELETE /api/solves/{id}, or the command line interrupted). */
    STOPPED
}
