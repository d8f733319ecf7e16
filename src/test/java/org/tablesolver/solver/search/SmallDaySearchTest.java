package org.tablesolver.solver.search;

import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.solver.StopAtTarget;

import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;

import org.tablesolver.solver.reference.CpSatReference;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.junit.jupiter.api.Test;
import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.solver.bound.SeatedWeightBound;

class SmallDaySearchTest {

    private final SolverConfigs configs = new SolverConfigs(Path.of("solver-config"));

    private static DayInput day(int seed, int tables, int bookings) {
        return DayGenerator.generate("r" + seed, LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"),
                DayGenerator.Profile.RESTAURANT, tables, bookings, seed);
    }

    @Test
    void onSmallDaysItClosesTheFirstPlansGapToTheBoundNeverPassingTheOptimumNorLosingScore() {
        // Under FULL_ASSERT (the outer solver checks every score after the phase's changes), with the LP bound that
        // the production path gives: the plan never loses score, never seats more than the optimum an independent
        // model proves (CpSatReference), seats more on every day whose first plan falls short of the optimum, and
        // reaches the bound on at least half of them.
        SolverFactory<SeatingPlan> search = constructionThenSearch(Map.of(), EnvironmentMode.FULL_ASSERT);
        int shortDays = 0;
        int closed = 0;
        for (int seed = 1; seed <= 8; seed++) {
            DayInput day = day(seed, 6 + seed, 24 + 5 * seed);
            CpSatReference.Result exact = CpSatReference.solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY), 30);
            assertThat(exact.optimal()).as("seed %d: CP-SAT proves it", seed).isTrue();
            SeatingPlan first = construction(day);
            long bound = SeatedWeightBound.of(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY), 20).bound();
            SeatingPlan searched = search.buildSolver().solve(StopAtTarget.bounded(day, bound));
            long weight = SeatedWeightBound.seatedWeight(searched);
            assertThat(searched.getScore().isFeasible()).isTrue();
            assertThat(searched.getScore()).as("seed %d", seed).isGreaterThanOrEqualTo(first.getScore());
            assertThat(weight).as("seed %d", seed).isLessThanOrEqualTo(exact.seatedWeight());
            if (SeatedWeightBound.seatedWeight(first) < exact.seatedWeight()) {
                shortDays++;
                assertThat(weight).as("seed %d: seats more than the first plan", seed)
                        .isGreaterThan(SeatedWeightBound.seatedWeight(first));
                closed += weight >= bound ? 1 : 0;
            }
        }
        // The rest is the repair's: 1,000 steps are a head start, not a proof (on these days the LP bound is above
        // the optimum once, and twice the search ends one short of it).
        assertThat(shortDays).as("days whose first plan falls short of the optimum").isGreaterThanOrEqualTo(5);
        assertThat(closed).as("of those, days the search brings to the bound").isGreaterThanOrEqualTo(shortDays / 2);
    }

    @Test
    void itStopsAsSoonAsThePlanReachesTheBound() {
        // A target one above the first plan, as far as the phase knows the bound: it ends there, where with an
        // unreachable target (every booking seated) its 1,000 steps seat more. Counted in weight, not time.
        SolverFactory<SeatingPlan> search = constructionThenSearch(Map.of(), EnvironmentMode.PHASE_ASSERT);
        List<DayInput> days = new ArrayList<>();
        for (int seed = 1; seed <= 8; seed++) {
            DayInput day = day(seed, 5 + seed, 30 + 5 * seed);
            if (SeatedWeightBound.seatedWeight(construction(day)) < total(day)) {
                days.add(day);
            }
        }
        StopAtTarget.assertStopsAtTarget(search, days, day -> SeatedWeightBound.seatedWeight(construction(day)),
                SmallDaySearchTest::total);
    }

    @Test
    void largerDaysAndDaysWithoutABoundAreLeftAsTheFirstPlanLeftThem() {
        DayInput day = day(3, 9, 45);
        SeatingPlan first = construction(day);
        long bound = SeatedWeightBound.of(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY), 20).bound();
        assertThat(SeatedWeightBound.seatedWeight(first)).as("a day with a gap to close").isLessThan(bound);

        SeatingPlan tooLarge = constructionThenSearch(Map.of("maxBookings", "44"), EnvironmentMode.FULL_ASSERT)
                .buildSolver().solve(StopAtTarget.bounded(day, bound));
        assertThat(plan(tooLarge)).isEqualTo(plan(first));
        SeatingPlan unbounded = constructionThenSearch(Map.of(), EnvironmentMode.FULL_ASSERT)
                .buildSolver().solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
        assertThat(plan(unbounded)).isEqualTo(plan(first));
        SeatingPlan small = constructionThenSearch(Map.of("maxBookings", "45"), EnvironmentMode.FULL_ASSERT)
                .buildSolver().solve(StopAtTarget.bounded(day, bound));
        assertThat(plan(small)).as("the same day within maxBookings").isNotEqualTo(plan(first));
    }

    @Test
    void theSameDayGivesTheSamePlan() {
        SolverFactory<SeatingPlan> search = constructionThenSearch(Map.of("stepCountLimit", "300"),
                EnvironmentMode.PHASE_ASSERT);
        for (int seed = 1; seed <= 3; seed++) {
            DayInput day = day(seed, 8, 50);
            long total = total(day);
            assertThat(plan(search.buildSolver().solve(StopAtTarget.bounded(day, total))))
                    .isEqualTo(plan(search.buildSolver().solve(StopAtTarget.bounded(day, total))));
        }
    }

    /** The weight of every booking of the day: a bound no plan reaches unless everyone is seated. */
    private static long total(DayInput day) {
        return SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY).getBookings().stream()
                .mapToLong(PlannedBooking::getSeatingWeight).sum();
    }

    private static List<String> plan(SeatingPlan plan) {
        return plan.getBookings().stream()
                .map(b -> b.getId() + "=" + (b.getSeating() == null ? "-" : b.getSeating().getId())).toList();
    }

    private SolverFactory<SeatingPlan> constructionThenSearch(Map<String, String> properties, EnvironmentMode mode) {
        SolverConfig config = configs.load(SolverConfigs.DEFAULT).withEnvironmentMode(mode);
        config.setPhaseConfigList(List.of(
                new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(TightPackingConstruction.class)),
                new CustomPhaseConfig().withCustomPhaseCommandClassList(List.of(SmallDaySearch.class))
                        .withCustomProperties(properties)));
        return SolverFactory.create(config);
    }

    private SeatingPlan construction(DayInput day) {
        SolverConfig config = configs.load(SolverConfigs.DEFAULT);
        config.setPhaseConfigList(List.of(new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(List.of(TightPackingConstruction.class))));
        return SolverFactory.<SeatingPlan>create(config).buildSolver().solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
    }
}
