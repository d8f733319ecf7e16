package org.tablesolver.solver.search;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;

import java.util.Iterator;
import java.util.List;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * What the compound-move factories share: an {@link OccupancyIndex} of the working plan, refreshed once
 * per step (the plan only changes between steps), the movable bookings, and random move generation.
 */
abstract class DraftMoveFactory implements MoveIteratorFactory<SeatingPlan, EjectionMove> {

    private static final int SAMPLES_TO_FIND_UNSEATED = 16;

    protected OccupancyIndex index;
    protected List<PlannedBooking> movable;
    /** Timefold asks for the size at every step; the movable bookings and their seatings never change in a phase. */
    private long size;

    /** The next move from the plan as it is now; may be not doable (Timefold then skips it). */
    protected abstract EjectionMove nextMove(Random random);

    @Override
    public void phaseStarted(ScoreDirector<SeatingPlan> scoreDirector) {
        SeatingPlan plan = scoreDirector.getWorkingSolution();
        index = new OccupancyIndex(plan);
        movable = plan.getBookings().stream()
                .filter(booking -> !booking.isPinned() && !booking.getFittingSeatings().isEmpty())
                .toList();
        size = movable.stream().mapToLong(booking -> booking.getFittingSeatings().size()).sum();
    }

    @Override
    public void phaseEnded(ScoreDirector<SeatingPlan> scoreDirector) {
        index = null;
        movable = null;
        size = 0;
    }

    @Override
    public long getSize(ScoreDirector<SeatingPlan> scoreDirector) {
        return size;
    }

    @Override
    public Iterator<EjectionMove> createOriginalMoveIterator(ScoreDirector<SeatingPlan> scoreDirector) {
        throw new UnsupportedOperationException(getClass().getSimpleName() + " only generates moves randomly");
    }

    /** Called once per step, so this is where the index catches up with the previous step. */
    @Override
    public Iterator<EjectionMove> createRandomMoveIterator(ScoreDirector<SeatingPlan> scoreDirector, Random random) {
        index.refresh();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return !movable.isEmpty();
            }

            @Override
            public EjectionMove next() {
                return nextMove(random);
            }
        };
    }

    /** A movable booking; half the time an unseated one, if a few samples find one. */
    protected PlannedBooking pickBooking(Random random) {
        if (random.nextBoolean()) {
            for (int sample = 0; sample < SAMPLES_TO_FIND_UNSEATED; sample++) {
                PlannedBooking candidate = movable.get(random.nextInt(movable.size()));
                if (candidate.getSeating() == null) {
                    return candidate;
                }
            }
        }
        return movable.get(random.nextInt(movable.size()));
    }
}
