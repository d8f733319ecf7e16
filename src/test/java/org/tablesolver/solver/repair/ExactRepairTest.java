package org.tablesolver.solver.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.PhaseConfig;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.solver.StopAtTarget;
import org.tablesolver.solver.search.TightPackingConstruction;
import org.tablesolver.solver.bound.SeatedWeightBound;

class ExactRepairTest {

    private final SolverConfigs configs = new SolverConfigs(Path.of("solver-config"));

    static DayInput day(int seed, int tables, int bookings) {
        return DayGenerator.generate("r" + seed, LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"),
                DayGenerator.Profile.RESTAURANT, tables, bookings, seed);
    }

    @ParameterizedTest(name = "presolve {0}, hint {1}, parameters [{2}]")
    @CsvSource({"true, true, ''", "false, true, ''", "false, false, ''",
            "false, false, 'add_lp_constraints_lazily: false cut_level: 0'"})
    void oneWindowOverTheWholeDayReachesTheOptimumCpSatProves(String presolve, String hint, String parameters) {
        // A day within wholeDayBookings is one exact sub-problem (the whole day, every table, every waiting booking),
        // so from the first plan it must reach the optimum an independent model proves (CpSatReference), never more;
        // with CP-SAT's presolve and without it, with the working plan as a hint and without, and with the default's
        // further CP-SAT parameters (the default's way).
        SolverFactory<SeatingPlan> factory = constructionThenRepair(Map.of("wholeDayBookings", "1000",
                "deterministicSeconds", "30", "presolve", presolve, "hint", hint, "cpSatParameters", parameters),
                EnvironmentMode.PHASE_ASSERT);
        int improved = 0;
        for (int seed = 1; seed <= 6; seed++) {
            DayInput day = day(seed, 8 + seed, 30 + 6 * seed);
            CpSatReference.Result exact = CpSatReference.solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY), 30);
            assertThat(exact.optimal()).as("seed %d: CP-SAT proves it", seed).isTrue();
            long first = SeatedWeightBound.seatedWeight(construction(day));
            SeatingPlan repaired = factory.buildSolver().solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
            assertThat(repaired.getScore().isFeasible()).isTrue();
            assertThat(SeatedWeightBound.seatedWeight(repaired)).as("seed %d", seed).isEqualTo(exact.seatedWeight());
            if (exact.seatedWeight() > first) {
                improved++;
            }
        }
        assertThat(improved).as("days where the first plan was not optimal").isGreaterThanOrEqualTo(3);
    }

    @ParameterizedTest(name = "hint {0}, outside the group {1}")
    @CsvSource({"true, false", "false, false", "false, true"})
    void smallWindowsAndTableGroupsUnderFullAssertNeverBreakARuleAndNeverLoseScore(String hint, String outsideGroup) {
        // Short windows and tiny sub-problems: many windows, several table groups, waiting bookings cut off; pacing,
        // pinned bookings and capacity holds on the day. FULL_ASSERT checks the score after the phase's changes.
        // Without the hint a piece cut short by its time limit may end below the working plan: it must be dropped.
        // Outside the group, a freed party may take any table no fixed booking or hold is in the way of.
        SolverFactory<SeatingPlan> factory = constructionThenRepair(Map.of("wholeDayBookings", "0",
                "windowMinutes", "90", "maxFreed", "12", "maxWaiting", "4", "deterministicSeconds", "0.2",
                "hint", hint, "outsideGroup", outsideGroup), EnvironmentMode.FULL_ASSERT);
        int better = 0;
        List<DayInput> days = new ArrayList<>();
        List<SolveMode> modes = new ArrayList<>();
        for (int seed = 1; seed <= 3; seed++) {
            for (SolveMode mode : SolveMode.values()) {
                days.add(org.tablesolver.solver.RandomDays.busyDayWithRules(seed, 12, 70, 14));
                modes.add(mode);
            }
            days.add(day(seed, 10, 60));
            modes.add(SolveMode.PENDING_ONLY);
        }
        for (int i = 0; i < days.size(); i++) {
            DayInput day = days.get(i);
            SolveMode mode = modes.get(i);
            SeatingPlan first = construction(day, mode);
            SeatingPlan repaired = factory.buildSolver().solve(SeatingPlanBuilder.build(day, mode));
            assertThat(repaired.getScore().isFeasible()).as("day %d %s", i, mode).isTrue();
            assertThat(repaired.getScore()).as("day %d %s", i, mode).isGreaterThanOrEqualTo(first.getScore());
            for (PlannedBooking booking : repaired.getBookings()) {
                if (booking.isPinned()) {
                    assertThat(booking.getSeating()).isSameAs(booking.getOriginalSeating());
                }
                if (booking.isMustStaySeated()) {
                    assertThat(booking.getSeating()).isNotNull();
                }
            }
            if (repaired.getScore().compareTo(first.getScore()) > 0) {
                better++;
            }
        }
        assertThat(better).as("runs the repair improved").isGreaterThanOrEqualTo(2);
    }

    @Test
    void cpSatParametersThatAreNotCpSatParametersAreRefusedWhenTheConfigurationIsRead() {
        ExactRepair repair = new ExactRepair();
        repair.setCpSatParameters("add_lp_constraints_lazily: false cut_level: 0");
        assertThatThrownBy(() -> repair.setCpSatParameters("add_lp_constraints_lazily: maybe"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpSatParameters");
        assertThatThrownBy(() -> repair.setCpSatParameters("no_such_parameter: 1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no_such_parameter");
    }

    @Test
    void theRepairStopsAsSoonAsThePlanReachesTheBound() {
        // A target one above the first plan (a bound as far as the phase knows): the phase ends on the first
        // sub-problem that reaches it, where without one it goes on to seat more.
        SolverFactory<SeatingPlan> factory = constructionThenRepair(Map.of("wholeDayBookings", "0",
                "windowMinutes", "120", "maxFreed", "120",
                "maxWaiting", "40", "deterministicSeconds", "0.5", "maxSubproblems", "2000", "deterministicBudget", "30"),
                EnvironmentMode.PHASE_ASSERT);
        List<DayInput> days = new ArrayList<>();
        for (int seed = 1; seed <= 4; seed++) {
            days.add(day(seed, 10, 60));
        }
        StopAtTarget.assertStopsAtTarget(factory, days, day -> SeatedWeightBound.seatedWeight(construction(day)),
                day -> null);
    }

    @Test
    void stepsOfOnePieceEachPublishEveryImprovementAndEndOnTheSamePlan() {
        // As default.xml lists it: many instances of the command, each a step that ends after one improving piece.
        // The plan must be the one a single instance reaches, with a new best plan published after each piece.
        Map<String, String> properties = Map.of("wholeDayBookings", "0", "windowMinutes", "120", "maxFreed", "120",
                "maxWaiting", "40", "deterministicSeconds", "0.5", "maxSubproblems", "40", "deterministicBudget", "30");
        Map<String, String> stepwise = new java.util.HashMap<>(properties);
        stepwise.put("keptPerStep", "1");
        SolverFactory<SeatingPlan> whole = constructionThenRepair(properties, EnvironmentMode.PHASE_ASSERT);
        SolverFactory<SeatingPlan> steps = constructionThenRepair(stepwise, EnvironmentMode.PHASE_ASSERT, 40);
        int publishedMidRepair = 0;
        for (int seed = 1; seed <= 4; seed++) {
            DayInput day = day(seed, 10, 60);
            SeatingPlan once = whole.buildSolver().solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
            ai.timefold.solver.core.api.solver.Solver<SeatingPlan> solver = steps.buildSolver();
            List<Long> published = new ArrayList<>();
            solver.addEventListener(event -> published.add(SeatedWeightBound.seatedWeight(event.getNewBestSolution())));
            SeatingPlan stepped = solver.solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
            assertThat(plan(stepped)).as("seed %d", seed).isEqualTo(plan(once));
            // The first event is the first plan; every later one is a repair step.
            long first = SeatedWeightBound.seatedWeight(construction(day));
            long improvements = published.stream().filter(weight -> weight > first).count();
            publishedMidRepair += improvements > 1 ? 1 : 0;
        }
        assertThat(publishedMidRepair).as("days with more than one improvement published during the repair")
                .isGreaterThanOrEqualTo(1);
    }

    @Test
    void meagrePiecesInARowEndTheRepair() {
        // Every piece is meagre when it must gain the whole plan's weight: with one meagre piece allowed, the repair
        // ends after its first piece, where without the rule it goes on to seat more.
        Map<String, String> properties = Map.of("wholeDayBookings", "0", "windowMinutes", "120", "maxFreed", "120",
                "maxWaiting", "40", "deterministicSeconds", "0.5", "maxSubproblems", "40", "deterministicBudget", "30",
                "keptPerStep", "1");
        Map<String, String> meagre = new java.util.HashMap<>(properties);
        meagre.put("minGainPermille", "1000");
        meagre.put("meagrePieces", "1");
        SolverFactory<SeatingPlan> unlimited = constructionThenRepair(properties, EnvironmentMode.PHASE_ASSERT, 40);
        SolverFactory<SeatingPlan> limited = constructionThenRepair(meagre, EnvironmentMode.PHASE_ASSERT, 40);
        int cutShort = 0;
        for (int seed = 1; seed <= 4; seed++) {
            DayInput day = day(seed, 10, 60);
            long first = SeatedWeightBound.seatedWeight(construction(day));
            ai.timefold.solver.core.api.solver.Solver<SeatingPlan> solver = limited.buildSolver();
            List<Long> published = new ArrayList<>();
            solver.addEventListener(event -> published.add(SeatedWeightBound.seatedWeight(event.getNewBestSolution())));
            long stopped = SeatedWeightBound.seatedWeight(solver.solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY)));
            long full = SeatedWeightBound.seatedWeight(unlimited.buildSolver()
                    .solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY)));
            assertThat(published.stream().filter(weight -> weight > first).count()).as("seed %d: one piece", seed)
                    .isLessThanOrEqualTo(1);
            assertThat(stopped).isLessThanOrEqualTo(full);
            cutShort += stopped < full ? 1 : 0;
        }
        assertThat(cutShort).as("days where the later pieces would have seated more").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aPieceMayMoveAPartyOutOfItsTableGroupToSeatAWaitingOne() {
        // Two tables in two clusters, so two table groups: A (2-4 seats) holds a confirmed party of 2 in the evening,
        // B (1-2 seats) is free then; a waiting party of 4 fits only A. Confined to A, a piece cannot move the
        // confirmed party (it must stay seated, and B is not A's) and B's piece has no one waiting that fits B:
        // the four stay unseated. Allowed out of its group, A's piece sends the two to B and seats the four on A.
        Instant evening = LocalDate.of(2026, 12, 4).atTime(19, 0).atZone(ZoneId.of("Europe/London")).toInstant();
        DayInput day = new DayInput("two-groups", LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"), 0,
                List.of(new DayInput.Table("A", "main", 2, 4, true), new DayInput.Table("B", "main", 1, 2, true)),
                List.of(),
                List.of(new DayInput.Booking("two", evening, 120, 2, null, null, 0, BookingState.CONFIRMED, "A",
                                List.of("A")),
                        new DayInput.Booking("lunch", evening.minus(Duration.ofHours(6)), 60, 2, null, null, 0,
                                BookingState.CONFIRMED, "B", List.of("B")),
                        DayInput.Booking.pending("four", evening, 120, 4, null, null, 0)),
                List.of());
        Map<String, String> properties = new java.util.HashMap<>(Map.of("wholeDayBookings", "0", "maxFreed", "1"));
        Map<Boolean, Map<String, String>> seatingByOutside = new java.util.TreeMap<>();
        for (boolean outside : new boolean[] {false, true}) {
            properties.put("outsideGroup", Boolean.toString(outside));
            SolverFactory<SeatingPlan> repair = repairOnly(properties);
            SeatingPlan problem = SeatingPlanBuilder.build(day, SolveMode.REOPTIMIZE);
            for (PlannedBooking booking : problem.getBookings()) {
                if (booking.getSeating() == null && booking.getOriginalSeating() != null) {
                    booking.setSeating(booking.getOriginalSeating());
                }
            }
            SeatingPlan repaired = repair.buildSolver().solve(problem);
            assertThat(repaired.getScore().isFeasible()).isTrue();
            Map<String, String> seating = new java.util.TreeMap<>();
            repaired.getBookings().forEach(b -> seating.put(b.getId(), b.getSeating() == null ? "-" : b.getSeating().getId()));
            seatingByOutside.put(outside, seating);
        }
        assertThat(seatingByOutside.get(false)).containsEntry("four", "-").containsEntry("two", "A");
        assertThat(seatingByOutside.get(true)).containsEntry("four", "A").containsEntry("two", "B")
                .containsEntry("lunch", "B");
    }

    private static List<String> plan(SeatingPlan plan) {
        return plan.getBookings().stream()
                .map(b -> b.getId() + "=" + (b.getSeating() == null ? "-" : b.getSeating().getId())).toList();
    }

    private SolverFactory<SeatingPlan> constructionThenRepair(Map<String, String> properties, EnvironmentMode mode) {
        return constructionThenRepair(properties, mode, 1);
    }

    private SolverFactory<SeatingPlan> constructionThenRepair(Map<String, String> properties, EnvironmentMode mode,
                                                              int instances) {
        SolverConfig config = configs.load(SolverConfigs.DEFAULT).withEnvironmentMode(mode);
        List<PhaseConfig> phases = new ArrayList<>();
        phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(TightPackingConstruction.class)));
        List<Class<? extends ai.timefold.solver.core.api.solver.phase.PhaseCommand>> commands =
                java.util.Collections.nCopies(instances, ExactRepair.class);
        phases.add(new CustomPhaseConfig().withCustomPhaseCommandClassList(commands)
                .withCustomProperties(properties));
        config.setPhaseConfigList(phases);
        return SolverFactory.create(config);
    }

    /** The repair phase alone, one instance, on a plan seated as it comes (no construction). */
    private SolverFactory<SeatingPlan> repairOnly(Map<String, String> properties) {
        SolverConfig config = configs.load(SolverConfigs.DEFAULT).withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        config.setPhaseConfigList(List.of(new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(List.of(ExactRepair.class)).withCustomProperties(properties)));
        return SolverFactory.create(config);
    }

    private SeatingPlan construction(DayInput day) {
        return construction(day, SolveMode.PENDING_ONLY);
    }

    private SeatingPlan construction(DayInput day, SolveMode mode) {
        SolverConfig config = configs.load(SolverConfigs.DEFAULT);
        config.setPhaseConfigList(List.of(new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(List.of(TightPackingConstruction.class))));
        return SolverFactory.<SeatingPlan>create(config).buildSolver().solve(SeatingPlanBuilder.build(day, mode));
    }
}
