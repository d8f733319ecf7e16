package org.tablesolver.testing;

import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import org.tablesolver.solver.model.SeatingPlan;

/**
 * Test only ({@code solver-config/test-slow-start.xml}): a first phase that changes nothing and takes a second of wall
 * clock, so that a solve is still running a second after it started even on a day it then proves at once; a fault
 * test that kills an instance mid-run needs solves in flight.
 */
public class SlowStart implements PhaseCommand<SeatingPlan> {

    @Override
    public void changeWorkingSolution(ScoreDirector<SeatingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until && !isPhaseTerminated.getAsBoolean()) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
