package org.tablesolver.solver.explain;

import org.tablesolver.solver.model.BookingState;

import java.util.List;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * What a solved plan says: who sits where, who is left unseated and why, and the score per constraint.
 *
 * @param seated bookings with a seating (whatever their state before the solve)
 * @param newlyConfirmed PENDING bookings the plan seats
 * @param moved CONFIRMED bookings the plan puts on another seating than before
 */
public record PlanReport(
        BendableLongScore score,
        int seated,
        int unseated,
        int seatedGuests,
        int newlyConfirmed,
        int moved,
        List<Assignment> assignments,
        List<UnseatedExplanation> unseatedBookings,
        List<ConstraintSummary> constraints) {

    /** True when no hard constraint is broken. */
    public boolean feasible() {
        return score.isFeasible();
    }

    /**
     * @param previousSeatingId where the booking sat before the solve, null if it was PENDING
     */
    public record Assignment(String bookingId, BookingState state, String seatingId, List<String> tableIds,
            String previousSeatingId) {

        public boolean moved() {
            return previousSeatingId != null && !previousSeatingId.equals(seatingId);
        }
    }

    /**
     * @param level "hard", "seated bookings", "seated guests" or "preferences"
     * @param impact what the constraint adds to its level (negative for a penalty)
     */
    public record ConstraintSummary(String name, String level, int matches, long impact) {
    }
}
