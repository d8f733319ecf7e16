package org.tablesolver.solver.search;

import org.tablesolver.solver.SeatingConstraints;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.phase.PhaseCommand;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * A head start for small days, between the first plan and the repair: on a day of at most {@code maxBookings}
 * bookings with a bound the first plan has not reached, a short local search (late acceptance with ejection chains and
 * repacks, at most {@code stepCountLimit} steps) that stops as soon as the plan reaches the bound. On restaurant days
 * the first plan is usually a booking or two short of the optimum, and a few ejection chains close it in a
 * millisecond or two, where the repair's exact whole-day piece takes 5-15 ms (SmallDayProbe). Larger days skip it:
 * their search is chaotic, and a step taken here would move every later piece of their path. Runs as a solver of its
 * own on a copy of the plan, whose result replaces the working plan only when its score is better. Deterministic:
 * a step count and a score limit.
 */
public class SmallDaySearch implements PhaseCommand<SeatingPlan> {

    /** The search's solver factories by step count limit: built once, the first time a small day needs one. */
    private static final Map<Integer, SolverFactory<SeatingPlan>> FACTORIES = new ConcurrentHashMap<>();

    private int maxBookings = 100;
    private int stepCountLimit = 1000;

    public void setMaxBookings(int maxBookings) {
        this.maxBookings = maxBookings;
    }

    public void setStepCountLimit(int stepCountLimit) {
        this.stepCountLimit = stepCountLimit;
    }

    @Override
    public void changeWorkingSolution(ScoreDirector<SeatingPlan> scoreDirector, BooleanSupplier isPhaseTerminated) {
        SeatingPlan plan = scoreDirector.getWorkingSolution();
        Long bound = plan.getSeatedWeightBound();
        if (plan.getBookings().size() > maxBookings || bound == null || isPhaseTerminated.getAsBoolean()) {
            return;
        }
        if (SeatedWeightBound.seatedWeight(plan) >= bound) {
            return;
        }
        long total = plan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
        TerminationConfig atBound = new TerminationConfig()
                .withBestScoreLimit(SeatingSolver.boundLimit(bound - total).toString());
        Solver<SeatingPlan> search = FACTORIES.computeIfAbsent(stepCountLimit, SmallDaySearch::factory)
                .buildSolver(new SolverConfigOverride<SeatingPlan>().withTerminationConfig(atBound));
        // The solver works on a copy; its best plan is the given one unless it found a better score.
        SeatingPlan searched = search.solve(plan);
        for (int i = 0; i < plan.getBookings().size(); i++) {
            PlannedBooking booking = plan.getBookings().get(i);
            Seating seating = searched.getBookings().get(i).getSeating();
            if (booking.getSeating() != seating) {
                scoreDirector.beforeVariableChanged(booking, PlannedBooking.SEATING);
                booking.setSeating(seating);
                scoreDirector.afterVariableChanged(booking, PlannedBooking.SEATING);
            }
        }
        scoreDirector.triggerVariableListeners();
    }

    private static SolverFactory<SeatingPlan> factory(int stepCountLimit) {
        MoveIteratorFactoryConfig ejections = new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(EjectionMoveFactory.class)
                .withMoveIteratorFactoryCustomProperties(Map.of("chainDepth", "1"));
        ejections.setFixedProbabilityWeight(4.0);
        MoveIteratorFactoryConfig repacks = new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(RepackMoveFactory.class);
        repacks.setFixedProbabilityWeight(1.0);
        MoveIteratorFactoryConfig passes = new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(PassMoveFactory.class);
        passes.setFixedProbabilityWeight(0.25);
        LocalSearchPhaseConfig search = new LocalSearchPhaseConfig()
                .withTerminationConfig(new TerminationConfig().withStepCountLimit(stepCountLimit))
                .withMoveSelectorConfig(new UnionMoveSelectorConfig().withMoveSelectors(ejections, repacks, passes))
                .withAcceptorConfig(new LocalSearchAcceptorConfig().withLateAcceptanceSize(200))
                .withForagerConfig(new LocalSearchForagerConfig().withAcceptedCountLimit(1));
        return SolverFactory.create(new SolverConfig()
                .withSolutionClass(SeatingPlan.class)
                .withEntityClasses(PlannedBooking.class)
                .withConstraintProviderClass(SeatingConstraints.class)
                .withPhases(search));
    }
}
