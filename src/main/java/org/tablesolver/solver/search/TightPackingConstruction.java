package org.tablesolver.solver.search;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;

/**
 * The first plan: bookings in order of the end of their occupancy, each on the free fitting seating that
 * leaves its tables idle the shortest time before it, then wastes the fewest seats. Ordering by end and
 * packing tightly in time is the classic rule that seats the most intervals on parallel machines; here it
 * gives local search a start close to the optimum. Bookings already seated (pinned or confirmed) stay.
 * Deterministic: no randomness, ties broken by the seatings' fixed order.
 */
public class TightPackingConstruction implements PhaseCommand<SeatingPlan> {

    /** Idle time counts up to this many minutes: beyond, every gap is as good as "since opening". */
    private static final int IDLE_HORIZON = 24 * 60;

    @Override
    public void changeWorkingSolution(ScoreDirector<SeatingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        SeatingPlan plan = scoreDirector.getWorkingSolution();
        OccupancyIndex index = new OccupancyIndex(plan);
        List<PlannedBooking> toSeat = new ArrayList<>();
        for (PlannedBooking booking : plan.getBookings()) {
            if (!booking.isPinned() && booking.getSeating() == null) {
                toSeat.add(booking);
            }
        }
        Map<Integer, Integer> startingCovers = new HashMap<>();
        for (PlannedBooking booking : plan.getBookings()) {
            if (booking.getSeating() != null && booking.getPacingSlot() != null) {
                startingCovers.merge(booking.getPacingSlot().index(), booking.getPartySize(), Integer::sum);
            }
        }
        // Parties that must stay seated (capacity holds) first: they have room by the rules that admitted them.
        toSeat.sort(Comparator.comparing((PlannedBooking booking) -> !booking.isMustStaySeated())
                .thenComparingInt(PlannedBooking::getEnd)
                .thenComparingInt(PlannedBooking::getStart)
                .thenComparing(PlannedBooking::getId));
        for (PlannedBooking booking : toSeat) {
            if (isPhaseTerminated.getAsBoolean()) {
                return;
            }
            PlannedBooking.PacingSlot slot = booking.getPacingSlot();
            if (slot != null && startingCovers.getOrDefault(slot.index(), 0) + booking.getPartySize() > slot.allowance()) {
                continue;
            }
            Seating best = null;
            long bestKey = Long.MAX_VALUE;
            for (Seating seating : booking.getFittingSeatings()) {
                if (index.isHeld(seating, booking.getStart(), booking.getEnd())
                        || !index.isFreeExcept(seating, booking.getStart(), booking.getEnd(), null)) {
                    continue;
                }
                long idle = index.idleBefore(seating, booking.getStart(), IDLE_HORIZON);
                long waste = seating.getMaxCapacity() - booking.getPartySize();
                long key = idle * 1000 + waste;
                if (key < bestKey) {
                    bestKey = key;
                    best = seating;
                }
            }
            if (best != null) {
                scoreDirector.beforeVariableChanged(booking, PlannedBooking.SEATING);
                booking.setSeating(best);
                scoreDirector.afterVariableChanged(booking, PlannedBooking.SEATING);
                scoreDirector.triggerVariableListeners();
                index.update(booking);
                if (slot != null) {
                    startingCovers.merge(slot.index(), booking.getPartySize(), Integer::sum);
                }
            }
        }
    }
}
