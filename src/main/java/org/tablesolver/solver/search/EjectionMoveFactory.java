package org.tablesolver.solver.search;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generates {@link EjectionMove}s: put a booking (an unseated one half of the time) on one of its fitting
 * seatings, and move every booking that sat there at that time to a free fitting seating. An occupant
 * with no free seating may in turn take the seating of a single other booking, which is then reseated
 * the same way, up to {@code chainDepth} links; whoever is still without a seating at the end is unseated.
 * <p>
 * Why: seating one more party usually means moving other parties out of the way first. With single
 * change and swap moves that path goes through worse scores (a party is unseated for a while), which late
 * acceptance rarely takes; this move takes the whole path, an augmenting chain, in one step.
 * Configured in {@code solver-config/*.xml} as a {@code moveIteratorFactory}.
 */
public class EjectionMoveFactory extends DraftMoveFactory {

    private static final int ATTEMPTS_PER_MOVE = 10;

    private static final int DISPLACEMENT_TRIES = 8;
    private static final int SCAN_LIMIT = 32;

    private int chainDepth = 2;

    /** How many times an occupant may displace another one; set from the XML's custom properties. */
    public void setChainDepth(int chainDepth) {
        if (chainDepth < 0) {
            throw new IllegalArgumentException("chainDepth must be >= 0");
        }
        this.chainDepth = chainDepth;
    }

    @Override
    protected EjectionMove nextMove(Random random) {
        PlannedBooking booking = null;
        for (int attempt = 0; attempt < ATTEMPTS_PER_MOVE; attempt++) {
            booking = pickBooking(random);
            List<Seating> range = booking.getFittingSeatings();
            Seating target = range.get(random.nextInt(range.size()));
            if (target == booking.getSeating() || index.isHeld(target, booking.getStart(), booking.getEnd())) {
                continue;
            }
            List<PlannedBooking> occupants = index.occupants(target, booking.getStart(), booking.getEnd(), booking);
            if (occupants.stream().noneMatch(PlannedBooking::isPinned)) {
                MoveDraft chain = index.newDraft();
                chain.add(booking, target);
                occupants.forEach(chain::addUnplaced);
                for (PlannedBooking occupant : occupants) {
                    if (!reseat(occupant, chain, chainDepth, random)) {
                        chain.place(occupant, null);
                    }
                }
                return chain.toMove();
            }
        }
        // Nothing useful found this time: a move that changes nothing is not doable and gets skipped.
        return new EjectionMove(List.of(booking), Collections.singletonList(booking.getSeating()));
    }

    /**
     * Places {@code booking} (already in the chain, unplaced) on a seating that is free once the chain so
     * far is done: half the time the smallest, otherwise the first from a random point of its range. With
     * depth left and nothing free, takes the seating of a single other booking and reseats that one the
     * same way. Returns false, leaving the chain as it was, when neither works.
     */
    private boolean reseat(PlannedBooking booking, MoveDraft chain, int depth, Random random) {
        List<Seating> range = booking.getFittingSeatings();
        int offset = random.nextBoolean() ? 0 : random.nextInt(range.size());
        // On a large floor a party fits a hundred seatings or more: a window of them is enough to find a free one.
        for (int i = 0; i < Math.min(range.size(), SCAN_LIMIT); i++) {
            Seating candidate = range.get((offset + i) % range.size());
            if (isFreeAfterChain(candidate, booking, chain)) {
                chain.place(booking, candidate);
                return true;
            }
        }
        if (depth == 0) {
            return false;
        }
        // Displacing costs a nested search per candidate: try a few random ones, not the whole range.
        offset = random.nextInt(range.size());
        for (int i = 0; i < Math.min(range.size(), DISPLACEMENT_TRIES); i++) {
            Seating candidate = range.get((offset + i) % range.size());
            if (index.isHeld(candidate, booking.getStart(), booking.getEnd())
                    || chain.clashesWithPlaced(candidate, booking)) {
                continue;
            }
            PlannedBooking displaced = singleDisplaceable(candidate, booking, chain);
            if (displaced == null) {
                continue;
            }
            int mark = chain.size();
            chain.place(booking, candidate);
            chain.addUnplaced(displaced);
            if (reseat(displaced, chain, depth - 1, random)) {
                return true;
            }
            chain.truncate(mark);
            chain.place(booking, MoveDraft.UNPLACED);
        }
        return false;
    }

    /** The only booking outside the chain sitting on candidate at booking's time, if it may be moved. */
    private PlannedBooking singleDisplaceable(Seating candidate, PlannedBooking booking, MoveDraft chain) {
        PlannedBooking single = null;
        for (PlannedBooking occupant : index.occupants(candidate, booking.getStart(), booking.getEnd(), booking)) {
            if (chain.contains(occupant)) {
                continue;
            }
            if (single != null || occupant.isPinned()) {
                return null;
            }
            single = occupant;
        }
        return single;
    }

    private boolean isFreeAfterChain(Seating candidate, PlannedBooking booking, MoveDraft chain) {
        return index.isFreeExcept(candidate, booking.getStart(), booking.getEnd(), chain)
                && !index.isHeld(candidate, booking.getStart(), booking.getEnd())
                && !chain.clashesWithPlaced(candidate, booking);
    }
}
