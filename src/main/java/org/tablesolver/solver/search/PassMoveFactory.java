package org.tablesolver.solver.search;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;

import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;
import ai.timefold.solver.core.impl.heuristic.selector.move.factory.MoveIteratorFactory;

/**
 * Offers a move that changes nothing, so that a local search step can end even when every real move would
 * worsen the plan. Late acceptance accepts it (the score stays equal); without it, a step on a plan where no
 * move is acceptable (a tiny or already optimal day) never ends, the unimproved-step termination never
 * fires, and the solve runs into the wall-clock cap. Give it a small probability weight in the union.
 */
public class PassMoveFactory implements MoveIteratorFactory<SeatingPlan, PassMoveFactory.PassMove> {

    private static final PassMove PASS = new PassMove();

    @Override
    public long getSize(ScoreDirector<SeatingPlan> scoreDirector) {
        return 1;
    }

    @Override
    public Iterator<PassMove> createOriginalMoveIterator(ScoreDirector<SeatingPlan> scoreDirector) {
        return List.of(PASS).iterator();
    }

    @Override
    public Iterator<PassMove> createRandomMoveIterator(ScoreDirector<SeatingPlan> scoreDirector, Random random) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public PassMove next() {
                return PASS;
            }
        };
    }

    /** Leaves the plan as it is. */
    public static final class PassMove extends AbstractMove<SeatingPlan> {

        private PassMove() {
        }

        @Override
        public boolean isMoveDoable(ScoreDirector<SeatingPlan> scoreDirector) {
            return true;
        }

        @Override
        protected void doMoveOnGenuineVariables(ScoreDirector<SeatingPlan> scoreDirector) {
            // Nothing changes: that is the point.
        }

        @Override
        public Collection<PlannedBooking> getPlanningEntities() {
            return List.of();
        }

        @Override
        public Collection<Seating> getPlanningValues() {
            return List.of();
        }

        @Override
        public String toString() {
            return "Pass";
        }
    }
}
