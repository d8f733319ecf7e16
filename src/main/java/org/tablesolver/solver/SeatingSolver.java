package org.tablesolver.solver;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;

/**
 * The solver's front door: builds solvers from named configurations, solves a day and reports on a plan.
 * Thread-safe; each solve gets a fresh {@link Solver}, so solves of different days run in parallel.
 */
public class SeatingSolver {

    private static final List<String> LEVELS = List.of("hard", "seated bookings", "seated guests", "preferences");

    private final SolverConfigs configs;
    private final Map<String, Built> factories = new ConcurrentHashMap<>();

    public SeatingSolver(SolverConfigs configs) {
        this.configs = configs;
    }

    public SolverConfigs configs() {
        return configs;
    }

    /**
     * A fresh solver for one solve. Call {@link Solver#terminateEarly()} from another thread to stop it;
     * it then returns the best plan found so far.
     *
     * @throws SolverConfigs.UnknownSolverConfigException when no configuration has that name
     */
    public Solver<SeatingPlan> newSolver(String configName) {
        return factory(configName).buildSolver();
    }

    /**
     * The solver factory of a configuration, built again when its file in the configuration folder changed since
     * (so an edited configuration takes effect on the next solve).
     *
     * @throws SolverConfigs.UnknownSolverConfigException when no configuration has that name
     * @throws SolverConfigs.InvalidSolverConfigException when it does not parse or does not build a solver
     */
    public SolverFactory<SeatingPlan> factory(String configName) {
        String version = configs.version(configName);
        Built built = factories.compute(configName, (name, known) -> known != null && known.version().equals(version)
                ? known : new Built(version, build(name)));
        return built.factory();
    }

    private SolverFactory<SeatingPlan> build(String name) {
        try {
            SolverFactory<SeatingPlan> factory = SolverFactory.create(configs.load(name));
            factory.buildSolver();
            return factory;
        } catch (SolverConfigs.UnknownSolverConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SolverConfigs.InvalidSolverConfigException(name, e);
        }
    }

    private record Built(String version, SolverFactory<SeatingPlan> factory) {
    }

    /** Solves a day in the calling thread with a named configuration and reports on the result. */
    public PlanReport solve(DayInput input, SolveMode mode, String configName) {
        SeatingPlan solved = newSolver(configName).solve(SeatingPlanBuilder.build(input, mode));
        return report(solved);
    }

    /** Scores a plan (solved here or built elsewhere) and explains it. */
    public PlanReport report(SeatingPlan plan) {
        SolutionManager<SeatingPlan, BendableLongScore> solutionManager = SolutionManager.create(factory());
        ScoreAnalysis<BendableLongScore> analysis = solutionManager.analyze(plan);
        List<PlanReport.Assignment> assignments = new ArrayList<>();
        int seatedGuests = 0;
        int newlyConfirmed = 0;
        int moved = 0;
        for (PlannedBooking booking : plan.getBookings()) {
            Seating seating = booking.getSeating();
            if (seating == null || booking.isCapacityHold()) {
                continue;
            }
            Seating previous = booking.getOriginalSeating();
            PlanReport.Assignment assignment = new PlanReport.Assignment(booking.getId(), booking.getState(),
                    seating.getId(), seating.getTableIds(), previous == null ? null : previous.getId());
            assignments.add(assignment);
            seatedGuests += booking.getPartySize();
            if (booking.getState() == BookingState.PENDING) {
                newlyConfirmed++;
            }
            if (assignment.moved()) {
                moved++;
            }
        }
        List<UnseatedExplanation> unseated = new UnseatedReasons(plan).explainAll();
        return new PlanReport(analysis.score(), assignments.size(), unseated.size(), seatedGuests, newlyConfirmed,
                moved, List.copyOf(assignments), unseated, summaries(analysis));
    }

    private SolverFactory<SeatingPlan> factory() {
        return factory(SolverConfigs.DEFAULT);
    }

    private static List<PlanReport.ConstraintSummary> summaries(ScoreAnalysis<BendableLongScore> analysis) {
        List<PlanReport.ConstraintSummary> summaries = new ArrayList<>();
        for (ConstraintAnalysis<BendableLongScore> constraint : analysis.constraintAnalyses()) {
            BendableLongScore weight = constraint.weight();
            BendableLongScore score = constraint.score();
            String level;
            long impact;
            if (weight.hardScore(0) != 0) {
                level = "hard";
                impact = score.hardScore(0);
            } else if (weight.softScore(SeatingScore.SEATED_BOOKINGS_LEVEL) != 0) {
                level = "seated bookings";
                impact = score.softScore(SeatingScore.SEATED_BOOKINGS_LEVEL);
            } else if (weight.softScore(SeatingScore.SEATED_GUESTS_LEVEL) != 0) {
                level = "seated guests";
                impact = score.softScore(SeatingScore.SEATED_GUESTS_LEVEL);
            } else {
                level = "preferences";
                impact = score.softScore(SeatingScore.PREFERENCES_LEVEL);
            }
            summaries.add(new PlanReport.ConstraintSummary(constraint.constraintName(), level,
                    constraint.matchCount(), impact));
        }
        summaries.sort(Comparator.comparingInt((PlanReport.ConstraintSummary summary) -> LEVELS.indexOf(summary.level()))
                .thenComparing(PlanReport.ConstraintSummary::name));
        return List.copyOf(summaries);
    }
}
