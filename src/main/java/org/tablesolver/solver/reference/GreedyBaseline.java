package org.tablesolver.solver.reference;

import java.util.ArrayList;
import java.util.List;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.TableBlock;

/**
 * What the replaced system did, minus its concurrency bugs: bookings in arrival order (the order of the
 * day's list), each given the smallest free table or combination that fits it, one in its preferred zone
 * first; a booking nothing fits stays unseated and is never reconsidered.
 */
public final class GreedyBaseline {

    private GreedyBaseline() {
    }

    /** Seats the plan's bookings in place; pinned bookings keep their seating. */
    public static SeatingPlan seat(SeatingPlan plan) {
        List<List<PlannedBooking>> byTable = new ArrayList<>();
        for (PlannedBooking booking : plan.getBookings()) {
            if (booking.isPinned() && booking.getSeating() != null) {
                occupy(byTable, booking.getSeating(), booking);
            }
        }
        for (PlannedBooking booking : plan.getBookings()) {
            if (booking.isPinned()) {
                continue;
            }
            booking.setSeating(null);
            // Fitting seatings come smallest first: the first free one in the preferred zone, else the first free one.
            String preferred = booking.getPreferredZone();
            Seating chosen = null;
            for (Seating seating : booking.getFittingSeatings()) {
                if (!isFree(plan, byTable, seating, booking)) {
                    continue;
                }
                if (preferred == null || seating.isInZone(preferred)) {
                    chosen = seating;
                    break;
                }
                if (chosen == null) {
                    chosen = seating;
                }
            }
            if (chosen != null) {
                booking.setSeating(chosen);
                occupy(byTable, chosen, booking);
            }
        }
        return plan;
    }

    private static boolean isFree(SeatingPlan plan, List<List<PlannedBooking>> byTable, Seating seating,
            PlannedBooking booking) {
        for (int table : seating.getTableIndexes()) {
            if (table < byTable.size()) {
                for (PlannedBooking other : byTable.get(table)) {
                    if (other.overlaps(booking)) {
                        return false;
                    }
                }
            }
        }
        for (TableBlock block : plan.getBlocks()) {
            if (seating.usesTable(block.tableIndex()) && booking.overlaps(block.start(), block.end())) {
                return false;
            }
        }
        return true;
    }

    private static void occupy(List<List<PlannedBooking>> byTable, Seating seating, PlannedBooking booking) {
        for (int table : seating.getTableIndexes()) {
            while (byTable.size() <= table) {
                byTable.add(new ArrayList<>());
            }
            byTable.get(table).add(booking);
        }
    }
}
