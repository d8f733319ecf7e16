package org.tablesolver.solver;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The optimum of a tiny day by trying every assignment (depth-first, pruned by an optimistic bound):
 * the most seated weight (1 + priority per booking), then the most guests. Independent of the solver's
 * constraints and moves, so it checks them.
 */
final class ExhaustiveOptimum {

    record Optimum(long seatedWeight, long seatedGuests) {
    }

    private final List<PlannedBooking> bookings;
    private final List<List<Seating>> options = new ArrayList<>();
    private final Seating[] chosen;
    private final long[] remainingValue;
    private final long scale;
    private long best = -1;

    private ExhaustiveOptimum(SeatingPlan plan) {
        bookings = plan.getBookings().stream().sorted(Comparator.comparingInt(PlannedBooking::getStart)).toList();
        scale = bookings.stream().mapToLong(PlannedBooking::getPartySize).sum() + 1;
        for (PlannedBooking booking : bookings) {
            List<Seating> usable = new ArrayList<>();
            List<Seating> candidates = booking.isPinned() ? List.of(booking.getOriginalSeating())
                    : plan.getSeatings();
            for (Seating seating : candidates) {
                boolean allowed = booking.isPinned() || (seating.isInService() && seating.fits(booking.getPartySize())
                        && (booking.getRequiredZone() == null || seating.isInZone(booking.getRequiredZone()))
                        && !held(plan, seating, booking));
                if (allowed) {
                    usable.add(seating);
                }
            }
            options.add(usable);
        }
        chosen = new Seating[bookings.size()];
        remainingValue = new long[bookings.size() + 1];
        for (int i = bookings.size() - 1; i >= 0; i--) {
            remainingValue[i] = remainingValue[i + 1] + value(bookings.get(i));
        }
    }

    static Optimum of(SeatingPlan plan) {
        ExhaustiveOptimum search = new ExhaustiveOptimum(plan);
        search.search(0, 0);
        return new Optimum(search.best / search.scale, search.best % search.scale);
    }

    private long value(PlannedBooking booking) {
        return booking.getSeatingWeight() * scale + booking.getPartySize();
    }

    private void search(int i, long value) {
        if (value + remainingValue[i] <= best) {
            return;
        }
        if (i == bookings.size()) {
            best = value;
            return;
        }
        PlannedBooking booking = bookings.get(i);
        for (Seating seating : options.get(i)) {
            if (isFree(i, seating)) {
                chosen[i] = seating;
                search(i + 1, value + value(booking));
                chosen[i] = null;
            }
        }
        if (!booking.isPinned() && !booking.isMustStaySeated()) {
            search(i + 1, value);
        }
    }

    private boolean isFree(int i, Seating seating) {
        PlannedBooking booking = bookings.get(i);
        for (int j = 0; j < i; j++) {
            if (chosen[j] != null && chosen[j].sharesTableWith(seating) && bookings.get(j).overlaps(booking)) {
                return false;
            }
        }
        return true;
    }

    private static boolean held(SeatingPlan plan, Seating seating, PlannedBooking booking) {
        return plan.getBlocks().stream()
                .anyMatch(block -> seating.usesTable(block.tableIndex()) && booking.overlaps(block.start(), block.end()));
    }
}
