package org.tablesolver.solve;

import java.util.List;
import java.util.Map;

import org.tablesolver.booking.BookingStatus;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solver.model.DayInput;

/**
 * One snapshot of a restaurant-day: what the solver works on, and what the commit re-checks.
 *
 * @param floorPlan the plan as loaded; the commit refuses to write if it changed since
 * @param bookings  every non-cancelled booking of the day by id, with the version it had in the snapshot
 */
public record LoadedDay(DayKey key, FloorPlan floorPlan, DayInput input, Map<String, LoadedBooking> bookings,
                        List<CapacityHold> capacityHolds) {

    /** Solver ids of capacity holds start with this (booking ids cannot contain a colon). */
    public static final String HOLD_PREFIX = "hold:";

    /** An active capacity hold of the day: a party the solver must keep room for, on no particular table. */
    public record CapacityHold(String id, java.time.Instant start, int durationMinutes, int partySize, String zone,
                               String reference, java.time.Instant expiresAt) {

        public String solverId() {
            return HOLD_PREFIX + id;
        }
    }

    /**
     * @param seatingId table or combination it holds now; null for PENDING
     * @param tableIds  physical tables it holds now, in floor-plan order; empty for PENDING
     */
    public record LoadedBooking(String id, BookingStatus status, long version, String seatingId, List<String> tableIds,
                                boolean pinned) {
    }

    public LoadedBooking booking(String id) {
        LoadedBooking booking = bookings.get(id);
        if (booking == null) {
            throw new IllegalStateException("The plan names booking " + id + ", which was not loaded for " + key);
        }
        return booking;
    }
}
