package org.tablesolver.solver;

import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import ai.timefold.solver.core.api.solver.SolverFactory;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * The check that a phase stops as soon as the plan reaches its bound: each day is solved with a target one above its
 * first plan (a bound, as far as the phase knows) and with a target it cannot reach; the targeted solve must reach
 * the target whenever the other gets past the first plan, and on at least one day it must have stopped where the
 * other went on to seat more. Counted in seated weight, not time.
 */
public final class StopAtTarget {

    private StopAtTarget() {
    }

    /**
     * @param firstPlan   the seated weight of a day's first plan
     * @param unreachable the bound of the solve that must not stop early (null: none)
     */
    public static void assertStopsAtTarget(SolverFactory<SeatingPlan> factory, List<DayInput> days,
                                           ToLongFunction<DayInput> firstPlan, Function<DayInput, Long> unreachable) {
        int stoppedEarly = 0;
        for (int i = 0; i < days.size(); i++) {
            DayInput day = days.get(i);
            long first = firstPlan.applyAsLong(day);
            long unbounded = SeatedWeightBound.seatedWeight(factory.buildSolver()
                    .solve(bounded(day, unreachable.apply(day))));
            long reached = SeatedWeightBound.seatedWeight(factory.buildSolver().solve(bounded(day, first + 1)));
            if (unbounded > first) {
                assertThat(reached).as("day %d: reaches the target", i).isGreaterThanOrEqualTo(first + 1);
            }
            if (unbounded > reached) {
                stoppedEarly++;
            }
        }
        assertThat(stoppedEarly).as("days where stopping at the target left improvements unmade").isGreaterThanOrEqualTo(1);
    }

    /** The day's problem (pending bookings only) with a bound the solver takes as the plan's. */
    public static SeatingPlan bounded(DayInput day, Long bound) {
        SeatingPlan plan = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
        plan.setSeatedWeightBound(bound);
        return plan;
    }
}
