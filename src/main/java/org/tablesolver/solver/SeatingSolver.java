package org.tablesolver.solver;

import org.tablesolver.solver.explain.PlanReport;
import org.tablesolver.solver.explain.UnseatedExplanation;
import org.tablesolver.solver.explain.UnseatedReasons;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.model.SeatingScore;
import org.tablesolver.solver.search.PassMoveFactory;

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
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.event.SolverEventListener;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.ChangeMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.generic.SwapMoveSelectorConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.localsearch.decider.acceptor.LocalSearchAcceptorConfig;
import ai.timefold.solver.core.config.localsearch.decider.forager.LocalSearchForagerConfig;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import ai.timefold.solver.core.impl.localsearch.scope.LocalSearchPhaseScope;
import ai.timefold.solver.core.impl.phase.event.PhaseLifecycleListenerAdapter;
import ai.timefold.solver.core.impl.phase.scope.AbstractPhaseScope;
import ai.timefold.solver.core.impl.solver.AbstractSolver;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * The solver's front door: builds solvers from named configurations, solves a day and reports on a plan.
 * Thread-safe; each solve gets a fresh {@link Solver}, so solves of different days run in parallel.
 */
public class SeatingSolver {

    private static final List<String> LEVELS = List.of("hard", "seated bookings", "seated guests", "preferences");

    private final SolverConfigs configs;
    private final Map<String, Built> factories = new ConcurrentHashMap<>();
    private final Map<String, Built> polishFactories = new ConcurrentHashMap<>();

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
        return built(configName).factory();
    }

    private Built built(String configName) {
        String version = configs.version(configName);
        return factories.compute(configName, (name, known) -> known != null && known.version().equals(version)
                ? known : build(name, version));
    }

    private Built build(String name, String version) {
        try {
            SolverConfig config = configs.load(name);
            SolverFactory<SeatingPlan> factory = SolverFactory.create(config);
            factory.buildSolver();
            return new Built(version, factory, config.getTerminationConfig() == null ? new TerminationConfig()
                    : config.getTerminationConfig().copyConfig(),
                    config.getPhaseConfigList() == null ? List.of() : List.copyOf(config.getPhaseConfigList()));
        } catch (SolverConfigs.UnknownSolverConfigException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SolverConfigs.InvalidSolverConfigException(name, e);
        }
    }

    /**
     * A built configuration: its file's version, its factory, its solver-level termination and its phases (kept as
     * read).
     */
    private record Built(String version, SolverFactory<SeatingPlan> factory, TerminationConfig termination,
                         List<PhaseConfig> phases) {
    }

    /** Steps without improvement after which the polish of a proven plan (guests, preferences) ends. */
    public static final int POLISH_STEPS = 500;

    /** What a bounded solve tells its caller: each solver before it runs (false: skip it), and when it ended. */
    public interface Hooks {
        boolean starting(Solver<SeatingPlan> solver);

        void ended(Solver<SeatingPlan> solver);

        /** Why the solve ended, once it has (not called when it never started). */
        default void endedBy(EndedBy endedBy) {
        }
    }

    /**
     * Solves with a known bound: the search stops as soon as the plan's seated weight reaches {@code bound} (the
     * plan is then proven optimal on level 0), and a short local search with the configuration's moves,
     * ending after {@link #POLISH_STEPS} steps without improvement, then improves guests and preferences. Without
     * a bound, the configuration runs as it is. Deterministic either way: every limit is a count.
     */
    public SeatingPlan solve(SeatingPlan problem, String configName, SeatedWeightBound.Result bound,
                             SolverEventListener<SeatingPlan> listener, Hooks hooks) {
        Built built = built(configName);
        problem.setSeatedWeightBound(bound.bound());
        Solver<SeatingPlan> solver;
        if (bound.bound() == null) {
            solver = built.factory().buildSolver();
        } else {
            TerminationConfig termination = built.termination().copyConfig();
            termination.setBestScoreLimit(boundLimit(bound.levelZero()).toString());
            solver = built.factory().buildSolver(new SolverConfigOverride<SeatingPlan>().withTerminationConfig(termination));
        }
        Ending main = new Ending(built);
        SeatingPlan best = run(solver, problem, listener, hooks, main);
        if (best == null) {
            return null;
        }
        if (!proven(best)) {
            hooks.endedBy(main.endedBy(solver));
            return best;
        }
        Solver<SeatingPlan> polish = polishFactory(configName).buildSolver();
        Ending polishing = new Ending(built);
        SeatingPlan polished = run(polish, best, listener, hooks, polishing);
        // Proven either way; only a polish cut by the wall clock makes the plan one that another run may not repeat.
        hooks.endedBy(polished != null && polishing.overTime() ? EndedBy.TIME_LIMIT : EndedBy.BOUND);
        return polished == null ? best : polished;
    }

    /**
     * How one run of a solver ended, from its last phase: the wall-clock cap, a local search's count without
     * improvement (nothing left to gain) or its step budget, or a custom phase that ended by itself.
     */
    private static final class Ending extends PhaseLifecycleListenerAdapter<SeatingPlan> {
        private final Built built;
        private long started;
        private long elapsedMillis;
        private int lastPhase = -1;
        private boolean lastLocalSearch;
        private int lastSteps;
        private int lastBestStep;

        Ending(Built built) {
            this.built = built;
        }

        void watch(Solver<SeatingPlan> solver) {
            started = System.nanoTime();
            if (solver instanceof AbstractSolver<SeatingPlan> inner) {
                // Timefold's public API says nothing of which termination ended a phase; its listener sees the counts.
                inner.addPhaseLifecycleListener(this);
            }
        }

        void stopped() {
            elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        }

        @Override
        public void phaseEnded(AbstractPhaseScope<SeatingPlan> phaseScope) {
            lastPhase = phaseScope.getPhaseIndex();
            lastLocalSearch = phaseScope instanceof LocalSearchPhaseScope;
            lastSteps = phaseScope.getNextStepIndex();
            lastBestStep = phaseScope.getBestSolutionStepIndex();
        }

        boolean overTime() {
            Long limit = built.termination() == null ? null : built.termination().calculateTimeMillisSpentLimit();
            return limit != null && elapsedMillis >= limit;
        }

        /** Why a run that did not reach the bound ended. */
        EndedBy endedBy(Solver<SeatingPlan> solver) {
            if (solver.isTerminateEarly()) {
                return EndedBy.STOPPED;
            }
            if (overTime()) {
                return EndedBy.TIME_LIMIT;
            }
            if (!lastLocalSearch || lastPhase < 0 || lastPhase >= built.phases().size()
                    || !(built.phases().get(lastPhase) instanceof LocalSearchPhaseConfig search)) {
                return EndedBy.NO_GAIN; // a custom phase (construction, repair) that ended by itself
            }
            TerminationConfig limits = search.getTerminationConfig();
            Integer unimproved = limits == null ? null : limits.getUnimprovedStepCountLimit();
            if (unimproved != null && lastSteps - 1 - lastBestStep >= unimproved) {
                return EndedBy.NO_GAIN;
            }
            return EndedBy.LIMIT;
        }
    }

    /**
     * Whether a plan reaches its day's bound: the relaxation's, or the optimum a phase proved meanwhile (the repair's
     * whole-day piece solved to optimality sets it on the plan).
     */
    public static boolean proven(SeatingPlan plan) {
        Long bound = plan.getSeatedWeightBound();
        return bound != null && SeatedWeightBound.seatedWeight(plan) >= bound;
    }

    /** A solve that {@link #solve} runs on this thread, and the optimum a phase proved during it. */
    private static final class Running {
        final Solver<SeatingPlan> solver;
        Long proven;

        Running(Solver<SeatingPlan> solver) {
            this.solver = solver;
        }
    }

    private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

    /**
     * Called by a phase on the solving thread when it has proven that no plan of the day seats more than
     * {@code optimum} and the working plan seats that much: the solve that {@link #solve} runs ends after the current
     * step, as it does at the relaxation's bound, its plan carries the optimum as its bound (proven), and the polish
     * follows. Nothing happens outside such a solve.
     */
    public static void provenOptimal(long optimum) {
        Running running = RUNNING.get();
        if (running != null) {
            running.proven = running.proven == null ? optimum : Math.min(running.proven, optimum);
            running.solver.terminateEarly();
        }
    }

    /** The best score limit of a plan that reaches the bound: feasible, level 0 at {@code levelZero}, any rest. */
    public static BendableLongScore boundLimit(long levelZero) {
        return BendableLongScore.of(new long[] {0}, new long[] {levelZero, Long.MIN_VALUE, Long.MIN_VALUE});
    }

    private static SeatingPlan run(Solver<SeatingPlan> solver, SeatingPlan problem,
                                   SolverEventListener<SeatingPlan> listener, Hooks hooks, Ending ending) {
        if (listener != null) {
            solver.addEventListener(listener);
        }
        if (!hooks.starting(solver)) {
            hooks.ended(solver);
            return null;
        }
        Running running = new Running(solver);
        RUNNING.set(running);
        ending.watch(solver);
        try {
            SeatingPlan best = solver.solve(problem);
            ending.stopped();
            // The best plan was cloned when it last improved: a proof that came without an improvement is not on it.
            if (best != null && running.proven != null && (best.getSeatedWeightBound() == null
                    || running.proven < best.getSeatedWeightBound())) {
                best.setSeatedWeightBound(running.proven);
            }
            return best;
        } finally {
            RUNNING.remove();
            hooks.ended(solver);
        }
    }

    /** The late acceptance size of the polish. */
    static final int POLISH_LATE_ACCEPTANCE_SIZE = 200;

    /**
     * The polish of a configuration: the moves of its first local search with late acceptance, ending after
     * POLISH_STEPS unimproved steps.
     */
    private SolverFactory<SeatingPlan> polishFactory(String configName) {
        String version = configs.version(configName);
        Built built = polishFactories.compute(configName, (name, known) -> known != null
                && known.version().equals(version) ? known : new Built(version, buildPolish(name), null, List.of()));
        return built.factory();
    }

    private SolverFactory<SeatingPlan> buildPolish(String name) {
        return SolverFactory.create(polishConfig(name));
    }

    /** The configuration of a configuration's polish. */
    SolverConfig polishConfig(String name) {
        SolverConfig config = configs.load(name);
        LocalSearchPhaseConfig search = config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance).map(LocalSearchPhaseConfig.class::cast)
                .findFirst().map(LocalSearchPhaseConfig::copyConfig).orElseGet(LocalSearchPhaseConfig::new);
        // The phase's own limits stay (a move-count limit ends a phase whose steps may never complete), with at
        // most POLISH_STEPS unimproved steps.
        TerminationConfig limits = search.getTerminationConfig() == null ? new TerminationConfig()
                : search.getTerminationConfig().copyConfig();
        Integer unimproved = limits.getUnimprovedStepCountLimit();
        limits.setUnimprovedStepCountLimit(unimproved == null ? POLISH_STEPS : Math.min(unimproved, POLISH_STEPS));
        search.setTerminationConfig(limits);
        // Late acceptance whatever the search's own acceptor: a step costs a move or a few, where a tabu step weighs
        // twenty or more, and a proven plan only needs guests and preferences touched up.
        LocalSearchAcceptorConfig acceptor = new LocalSearchAcceptorConfig();
        acceptor.setLateAcceptanceSize(POLISH_LATE_ACCEPTANCE_SIZE);
        search.setAcceptorConfig(acceptor);
        LocalSearchForagerConfig forager = new LocalSearchForagerConfig();
        forager.setAcceptedCountLimit(1);
        search.setForagerConfig(forager);
        search.setMoveSelectorConfig(withPassMove(search.getMoveSelectorConfig()));
        config.setPhaseConfigList(List.of(search));
        return config;
    }

    /** The pass move's share of the polish's moves where the configuration's own search lacks it. */
    static final double POLISH_PASS_WEIGHT = 0.05;

    /**
     * A configuration's moves (Timefold's change and swap moves when it names none) with {@link PassMoveFactory}
     * beside them unless they already have it: a late acceptance step ends only on an accepted move, and on a plan
     * where every real move worsens the score (nothing to place, nothing can move) only the pass is accepted.
     * Without it such a polish never ended by its counts and ran into the wall-clock cap (a construction-only
     * re-solve of a day with nothing new: 120 s).
     */
    static MoveSelectorConfig<?> withPassMove(MoveSelectorConfig<?> moves) {
        List<MoveSelectorConfig> leaves = new ArrayList<>();
        if (moves != null) {
            moves.extractLeafMoveSelectorConfigsIntoList(leaves);
            if (leaves.stream().anyMatch(leaf -> leaf instanceof MoveIteratorFactoryConfig factory
                    && factory.getMoveIteratorFactoryClass() == PassMoveFactory.class)) {
                return moves;
            }
        }
        MoveSelectorConfig<?> own = moves != null ? moves.copyConfig()
                : new UnionMoveSelectorConfig().withMoveSelectors(new ChangeMoveSelectorConfig(),
                        new SwapMoveSelectorConfig());
        own.setFixedProbabilityWeight(1.0);
        MoveIteratorFactoryConfig pass = new MoveIteratorFactoryConfig()
                .withMoveIteratorFactoryClass(PassMoveFactory.class);
        pass.setFixedProbabilityWeight(POLISH_PASS_WEIGHT);
        return new UnionMoveSelectorConfig().withMoveSelectors(own, pass);
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
