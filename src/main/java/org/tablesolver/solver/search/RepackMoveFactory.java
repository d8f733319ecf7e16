package org.tablesolver.solver.search;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Generates repack moves (a domain-aware ruin and recreate): around one booking, clear a few of its
 * fitting seatings for a time window, then seat the cleared bookings and the unseated ones of that window
 * again, in order of end time (with some noise), each on the free seating that packs tightest.
 * <p>
 * Why: some improvements need several parties to move at once (an ejection chain is one path; a repack
 * re-lays a whole corner of the evening). It also lets late acceptance leave a basin that single moves
 * cannot. Configured in {@code solver-config/*.xml} as a {@code moveIteratorFactory}.
 */
public class RepackMoveFactory extends DraftMoveFactory {

    private static final int IDLE_HORIZON = 24 * 60;
    private static final int WAITING_LIMIT = 6;
    private static final int SCAN_LIMIT = 32;

    private int seatings = 3;
    private int windowMinutes = 60;

    /** How many of the anchor booking's fitting seatings are cleared. */
    public void setSeatings(int seatings) {
        this.seatings = seatings;
    }

    /** Minutes before and after the anchor booking that are cleared too. */
    public void setWindowMinutes(int windowMinutes) {
        this.windowMinutes = windowMinutes;
    }

    @Override
    protected EjectionMove nextMove(Random random) {
        PlannedBooking anchor = pickBooking(random);
        int from = anchor.getStart() - windowMinutes;
        int to = anchor.getEnd() + windowMinutes;
        List<Seating> area = pickArea(anchor, random);

        MoveDraft draft = index.newDraft();
        draft.addUnplaced(anchor);
        for (Seating seating : area) {
            for (PlannedBooking occupant : index.occupants(seating, from, to, null)) {
                if (!occupant.isPinned() && !draft.contains(occupant)) {
                    draft.addUnplaced(occupant);
                }
            }
        }
        // A few of the bookings waiting for a seat in that window, not all: on an overbooked day they are
        // many, and each one costs a search over its fitting seatings.
        List<PlannedBooking> waiting = index.unseatedDuring(from, to);
        Collections.shuffle(waiting, random);
        int added = 0;
        for (PlannedBooking candidate : waiting) {
            if (added == WAITING_LIMIT) {
                break;
            }
            if (!candidate.isPinned() && !draft.contains(candidate) && canUse(candidate, area)) {
                draft.addUnplaced(candidate);
                added++;
            }
        }
        List<PlannedBooking> order = new ArrayList<>(draft.bookings());
        // Earliest end first packs the most intervals; the noise makes each repack of a corner different.
        int[] noise = new int[order.size()];
        for (int i = 0; i < noise.length; i++) {
            noise[i] = random.nextInt(windowMinutes + 1);
        }
        List<Integer> positions = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            positions.add(i);
        }
        positions.sort(Comparator.comparingInt((Integer i) -> order.get(i).getEnd() + noise[i]).thenComparingInt(i -> i));
        for (int position : positions) {
            PlannedBooking booking = order.get(position);
            Seating best = tightestFree(booking, draft, area, random);
            if (best != null) {
                draft.place(booking, best);
            }
        }
        return draft.toMove();
    }

    private List<Seating> pickArea(PlannedBooking anchor, Random random) {
        List<Seating> range = new ArrayList<>(anchor.getFittingSeatings());
        Collections.shuffle(range, random);
        return range.subList(0, Math.min(seatings, range.size()));
    }

    private static boolean canUse(PlannedBooking booking, List<Seating> area) {
        for (Seating seating : booking.getFittingSeatings()) {
            for (Seating cleared : area) {
                if (seating.sharesTableWith(cleared)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The free fitting seating that leaves its tables idle the shortest time before the booking, then wastes
     * the fewest seats. On a large floor it looks at a random window of the range plus the cleared seatings
     * the booking fits, not at every seating the party fits.
     */
    private Seating tightestFree(PlannedBooking booking, MoveDraft draft, List<Seating> area, Random random) {
        List<Seating> range = booking.getFittingSeatings();
        List<Seating> candidates;
        if (range.size() <= SCAN_LIMIT) {
            candidates = range;
        } else {
            candidates = new ArrayList<>(SCAN_LIMIT + area.size());
            int offset = random.nextInt(range.size());
            for (int i = 0; i < SCAN_LIMIT; i++) {
                candidates.add(range.get((offset + i) % range.size()));
            }
            for (Seating cleared : area) {
                if (cleared.fits(booking.getPartySize()) && range.contains(cleared)) {
                    candidates.add(cleared);
                }
            }
        }
        Seating best = null;
        long bestKey = Long.MAX_VALUE;
        for (Seating seating : candidates) {
            if (index.isHeld(seating, booking.getStart(), booking.getEnd())
                    || !index.isFreeExcept(seating, booking.getStart(), booking.getEnd(), draft)
                    || draft.clashesWithPlaced(seating, booking)) {
                continue;
            }
            long key = (long) index.idleBefore(seating, booking.getStart(), IDLE_HORIZON) * 1000
                    + seating.getMaxCapacity() - booking.getPartySize();
            if (key < bestKey) {
                bestKey = key;
                best = seating;
            }
        }
        return best;
    }

}
