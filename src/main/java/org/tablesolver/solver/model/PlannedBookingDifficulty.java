package org.tablesolver.solver.model;

import java.util.Comparator;

/**
 * Order for the construction heuristic (FIRST_FIT_DECREASING takes the "most difficult" first):
 * earliest start first, then larger parties, then id. Measured on generated days, seating by start time
 * beats ordering by party size or by fewest fitting seatings; the id tie-break keeps runs reproducible.
 */
public class PlannedBookingDifficulty implements Comparator<PlannedBooking> {

    private static final Comparator<PlannedBooking> EASIEST_FIRST = Comparator
            .comparingInt(PlannedBooking::getStart).reversed()
            .thenComparingInt(PlannedBooking::getPartySize)
            .thenComparing(PlannedBooking::getId, Comparator.reverseOrder());

    @Override
    public int compare(PlannedBooking a, PlannedBooking b) {
        return EASIEST_FIRST.compare(a, b);
    }
}
