package org.tablesolver.solve;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tablesolver.solver.EndedBy;
import org.tablesolver.solver.SolveMode;

/**
 * A solve as the API shows it: the answer of {@code POST .../solve}, {@code GET /api/solves/{id}} and
 * {@code DELETE /api/solves/{id}}. While a solve runs, {@code score} is the best score found so far and
 * {@code totalMillis} the time since the request. Counts, assignments and unseated bookings are set once
 * a plan is committed; {@code assignments} and {@code unseatedBookings} are null for solves read back from
 * the audit table.
 *
 * @param seated         every CONFIRMED or SEATED booking of the day after the commit
 * @param newlyConfirmed PENDING bookings this solve confirmed
 * @param moved          CONFIRMED bookings this solve put on other tables (REOPTIMIZE only)
 * @param solveMillis    time spent in the solver, over all attempts
 * @param totalMillis    time since the request: queueing, loading, solving and writing (a committed solve: up to
 *                       its COMMIT, as stored with it)
 * @param attempts       load-solve-commit attempts so far (more than 1 after conflicts)
 * @param error          why a solve ended CONFLICT, FAILED or CANCELLED
 */
public record SolveView(
        String solveId,
        String restaurantId,
        @Schema(example = "2026-12-04") LocalDate date,
        SolveMode mode,
        String config,
        SolveStatus status,
        @Schema(nullable = true, example = "[0]hard/[-3/-12/-40]soft") String score,
        Integer seated,
        Integer unseated,
        Integer newlyConfirmed,
        Integer moved,
        @Schema(description = "An upper bound on the seated weight (1 + priority per seated booking) any plan of "
                + "the day can reach: the linear relaxation of the seating model (its looser Lagrangian relaxation when the "
                + "LP does not finish in time); null only for a day with no plan at all")
        Long bound,
        @Schema(description = "How far the plan's seated weight is below the bound, in percent (0: it reaches it)")
        Double gap,
        @Schema(description = "True when the plan reaches the bound: no plan seats more") Boolean proven,
        @Schema(nullable = true, description = "Why the solve ended: BOUND (the plan reached the bound: proven), NO_GAIN (the search "
                + "ended by its own counts with nothing left to gain), LIMIT (a configured step budget), TIME_LIMIT "
                + "(the wall-clock cap: another run may differ), STOPPED (by a user); null while it runs and for a "
                + "solve that did not end by solving (a conflict, a failure, a discard)")
        EndedBy endedBy,
        @Schema(nullable = true) List<Assignment> assignments,
        @Schema(nullable = true) List<Unseated> unseatedBookings,
        Long solveMillis,
        long totalMillis,
        int attempts,
        @Schema(nullable = true) String error,
        Instant requestedAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt) {

    /** What changed for a booking in this solve. */
    public enum Change {
        /** Was PENDING, is CONFIRMED now. */
        NEW,
        /** Was CONFIRMED at other tables. */
        MOVED,
        /** Keeps its tables. */
        UNCHANGED
    }

    /**
     * A seated booking of the plan.
     *
     * @param tables  physical table ids, in floor-plan order
     * @param seating the table or combination id
     * @param status  CONFIRMED or SEATED
     */
    public record Assignment(String bookingId, List<String> tables, String seating, String status, Change change) {
    }

    /**
     * A booking left unseated (it stays PENDING) and why.
     *
     * @param code     machine-readable reason: NO_SEATING_FOR_PARTY_SIZE, NO_SEATING_IN_REQUIRED_ZONE,
     *                 ALL_FITTING_SEATINGS_OUT_OF_SERVICE, ALL_FITTING_SEATINGS_TAKEN, FREE_SEATING_NOT_USED
     * @param blockers      for ALL_FITTING_SEATINGS_TAKEN: what keeps each fitting table or combination, the first
     *                      {@link #BLOCKERS_SHOWN} of them; {@code GET /api/solves/{solveId}/unseated/{bookingId}/blockers}
     *                      pages through all
     * @param blockersTotal how many there are in all
     */
    public record Unseated(String bookingId, String reason, String code, List<Blocker> blockers,
                           @Schema(description = "How many blockers there are in all (blockers shows the first five)")
                           Integer blockersTotal) {
    }

    /** Blockers an unseated booking shows in a solve answer, at most. */
    public static final int BLOCKERS_SHOWN = 5;

    /** A fitting table or combination and what occupies it at the booking's time. */
    public record Blocker(String seating, List<String> bookings, List<String> holds, boolean outOfService) {
    }
}
