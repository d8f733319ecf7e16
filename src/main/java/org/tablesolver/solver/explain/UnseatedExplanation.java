package org.tablesolver.solver.explain;

import java.util.List;

/**
 * Why a booking is left unseated, in words a host can act on, with the facts behind it.
 *
 * @param blockers for {@link Code#ALL_FITTING_SEATINGS_TAKEN}: what blocks each fitting seating
 */
public record UnseatedExplanation(String bookingId, Code code, String reason, List<Blocker> blockers) {

    public enum Code {
        /** No table or combination of the floor plan takes a party of that size. */
        NO_SEATING_FOR_PARTY_SIZE,
        /** Seatings of that size exist, but none in the booking's required zone. */
        NO_SEATING_IN_REQUIRED_ZONE,
        /** Every seating that would fit is out of service. */
        ALL_FITTING_SEATINGS_OUT_OF_SERVICE,
        /** Every fitting seating is occupied by other bookings or held during the booking's time. */
        ALL_FITTING_SEATINGS_TAKEN,
        /** A fitting seating is free: the solve was stopped before it could seat this booking. */
        FREE_SEATING_NOT_USED,
        /** A fitting seating is free, but the guests starting in the booking's pacing slot reach the limit. */
        PACING_LIMIT
    }

    /** One fitting seating and what keeps it from this booking. */
    public record Blocker(String seatingId, List<String> bookingIds, List<String> holdIds, boolean outOfService) {
    }
}
