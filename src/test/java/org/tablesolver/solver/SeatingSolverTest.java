package org.tablesolver.solver;

import org.tablesolver.solver.explain.PlanReport;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.model.SeatingScore;
import org.tablesolver.solver.model.TableBlock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.solver.bound.SeatedWeightBound;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SeatingSolverTest {

    private final SolverConfigs configs = new SolverConfigs(Path.of("solver-config"));
    private final SeatingSolver solver = new SeatingSolver(configs);

    @ParameterizedTest
    @EnumSource(SolveMode.class)
    void fullAssertFindsNoScoreCorruption(SolveMode mode) {
        // FULL_ASSERT recalculates the score from scratch after every move and compares it with the
        // incremental one; it also checks undo moves. Short runs, every move type of the default.
        SolverFactory<SeatingPlan> factory = fullAssert(400);
        for (long seed = 1; seed <= 4; seed++) {
            SeatingPlan solved = factory.buildSolver().solve(SeatingPlanBuilder.build(RandomDays.busyDay(seed, 6, 24), mode));
            assertThat(solved.getScore().isFeasible()).as("seed %d", seed).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(SolveMode.class)
    void fullAssertWithPacingPinsAndCapacityHolds(SolveMode mode) {
        SolverFactory<SeatingPlan> factory = fullAssert(300);
        for (long seed = 1; seed <= 3; seed++) {
            SeatingPlan solved = factory.buildSolver()
                    .solve(SeatingPlanBuilder.build(RandomDays.busyDayWithRules(seed, 6, 24, 6), mode));
            assertThat(solved.getScore().isFeasible()).as("seed %d", seed).isTrue();
        }
    }

    @Test
    void pacingPinsAndCapacityHoldsAreRespected() {
        for (long seed = 1; seed <= 3; seed++) {
            DayInput day = RandomDays.busyDayWithRules(seed, 8, 48, 8);
            for (SolveMode mode : SolveMode.values()) {
                SeatingPlan solved = solver.newSolver(SolverConfigs.DEFAULT).solve(SeatingPlanBuilder.build(day, mode));
                assertThat(solved.getScore().isFeasible()).as("seed %d %s: %s", seed, mode,
                        solver.report(solved).constraints()).isTrue();
                Map<Integer, Integer> covers = new java.util.TreeMap<>();
                Map<Integer, Integer> allowance = new java.util.TreeMap<>();
                for (PlannedBooking booking : solved.getBookings()) {
                    if (booking.isCapacityHold() || booking.isMustStaySeated()) {
                        assertThat(booking.getSeating()).as("%s stays seated", booking.getId()).isNotNull();
                    }
                    if (booking.isPinned()) {
                        assertThat(booking.getSeating()).isSameAs(booking.getOriginalSeating());
                    }
                    if (booking.getSeating() != null) {
                        covers.merge(booking.getPacingSlot().index(), booking.getPartySize(), Integer::sum);
                        allowance.put(booking.getPacingSlot().index(), booking.getPacingSlot().allowance());
                    }
                }
                covers.forEach((slot, guests) -> assertThat(guests).as("slot %d", slot)
                        .isLessThanOrEqualTo(Math.max(8, allowance.get(slot))));
                PlanReport report = solver.report(solved);
                assertThat(report.assignments()).as("capacity holds are never written")
                        .noneMatch(a -> a.bookingId().startsWith("hold:"));
                assertThat(report.unseatedBookings()).noneMatch(u -> u.bookingId().startsWith("hold:"));
            }
        }
    }

    /** The default configuration under FULL_ASSERT, its local search cut to {@code steps} steps. */
    private SolverFactory<SeatingPlan> fullAssert(int steps) {
        SolverConfig config = configs.load(SolverConfigs.DEFAULT).withEnvironmentMode(EnvironmentMode.FULL_ASSERT);
        config.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance)
                .forEach(phase -> phase.setTerminationConfig(new TerminationConfig().withStepCountLimit(steps)));
        return SolverFactory.create(config);
    }

    @Test
    void sameDaySameConfigurationSamePlan() {
        DayInput day = RandomDays.busyDay(7, 12, 60);
        PlanReport first = solver.solve(day, SolveMode.REOPTIMIZE, SolverConfigs.DEFAULT);
        PlanReport second = new SeatingSolver(configs).solve(day, SolveMode.REOPTIMIZE, SolverConfigs.DEFAULT);
        assertThat(second.assignments()).isEqualTo(first.assignments());
        assertThat(second.score()).isEqualTo(first.score());
    }

    @Test
    @Tag("slow")
    void sameDaySamePlanInAnotherJvm() throws Exception {
        String here = DeterminismProbe.fingerprint(DeterminismProbe.DAY_SEED);
        assertThat(runProbeInNewJvm()).isEqualTo(here);
    }

    @Test
    void seatedAndPendingOnlyConfirmedBookingsNeverMove() {
        DayInput day = RandomDays.busyDay(3, 8, 40);
        Map<String, String> before = currentSeatings(day);
        PlanReport report = solver.solve(day, SolveMode.PENDING_ONLY, SolverConfigs.DEFAULT);
        Map<String, String> after = report.assignments().stream()
                .collect(Collectors.toMap(PlanReport.Assignment::bookingId, PlanReport.Assignment::seatingId));
        assertThat(before).isNotEmpty();
        before.forEach((booking, seating) -> assertThat(after).containsEntry(booking, seating));
        assertThat(report.moved()).isZero();
    }

    @Test
    void reoptimizingKeepsEveryConfirmedBookingSeatedSeatsAtLeastAsManyAndNeverMovesSeatedOnes() {
        for (long seed = 11; seed <= 14; seed++) {
            DayInput day = RandomDays.busyDay(seed, 8, 48);
            PlanReport pendingOnly = solver.solve(day, SolveMode.PENDING_ONLY, SolverConfigs.DEFAULT);
            PlanReport reoptimized = solver.solve(day, SolveMode.REOPTIMIZE, SolverConfigs.DEFAULT);
            Map<String, PlanReport.Assignment> seated = reoptimized.assignments().stream()
                    .collect(Collectors.toMap(PlanReport.Assignment::bookingId, Function.identity()));
            for (DayInput.Booking booking : day.bookings()) {
                if (booking.state() == BookingState.CONFIRMED) {
                    assertThat(seated).as("seed %d, %s", seed, booking.id()).containsKey(booking.id());
                }
                if (booking.state() == BookingState.SEATED) {
                    assertThat(seated.get(booking.id()).seatingId()).isEqualTo(booking.seatingId());
                }
            }
            assertThat(reoptimized.feasible()).isTrue();
            assertThat(SeatingScore.seatedBookings(reoptimized.score()))
                    .isGreaterThanOrEqualTo(SeatingScore.seatedBookings(pendingOnly.score()));
        }
    }

    @Test
    void plansRespectHoldsAndOutOfServiceTables() {
        for (long seed = 21; seed <= 24; seed++) {
            DayInput day = RandomDays.busyDay(seed, 8, 48);
            SeatingPlan solved = solver.newSolver(SolverConfigs.DEFAULT)
                    .solve(SeatingPlanBuilder.build(day, SolveMode.REOPTIMIZE));
            assertThat(day.holds()).isNotEmpty();
            for (PlannedBooking booking : solved.getBookings()) {
                if (booking.getSeating() == null) {
                    continue;
                }
                assertThat(booking.getSeating().isInService()).isTrue();
                for (TableBlock hold : solved.getBlocks()) {
                    boolean onHeldTable = booking.getSeating().getTableIds().contains(hold.tableId());
                    assertThat(onHeldTable && booking.overlaps(hold.start(), hold.end()))
                            .as("%s on held %s", booking, hold.id()).isFalse();
                }
            }
        }
    }

    @Test
    void aDayWhereNothingCanImproveEndsByItself() {
        // One booking already at its best seating: every other move is worse.
        DayInput day = TestDays.day().table("T1", "main", 2, 4).table("T2", "main", 2, 6)
                .booking("A", "19:00", 90, 2).build();
        long started = System.nanoTime();
        PlanReport report = solver.solve(day, SolveMode.PENDING_ONLY, SolverConfigs.DEFAULT);
        assertThat(report.assignments()).extracting(PlanReport.Assignment::seatingId).containsExactly("T1");
        // The wall-clock safety cap is 120 s: ending well before it proves the count-based termination fired.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(60));
    }

    @Test
    void constraintWeightsCanBeOverriddenAtRunTime() {
        // The garden table wastes two more seats than the main one; missing the preferred garden costs more.
        DayInput day = TestDays.day().table("T1", "main", 2, 2).table("G1", "garden", 2, 4)
                .booking("A", "19:00", 90, 2, "garden", null, 0).build();
        SeatingPlan byDefault = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
        SeatingPlan zoneIgnored = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
        zoneIgnored.setConstraintWeightOverrides(ConstraintWeightOverrides.of(Map.of(
                SeatingConstraints.PREFERRED_ZONE_MISSED, BendableLongScore.zero(1, 3))));

        assertThat(solver.report(solver.newSolver(SolverConfigs.DEFAULT).solve(byDefault)).assignments())
                .extracting(PlanReport.Assignment::seatingId).containsExactly("G1");
        PlanReport report = solver.report(solver.newSolver(SolverConfigs.DEFAULT).solve(zoneIgnored));
        assertThat(report.assignments()).extracting(PlanReport.Assignment::seatingId).containsExactly("T1");
        assertThat(report.constraints()).noneMatch(c -> c.name().equals(SeatingConstraints.PREFERRED_ZONE_MISSED)
                && c.impact() != 0);
    }

    @Test
    void thePreferencePenaltyOfEachChoiceAddsUpToThePreferencesLevel() {
        // What the repair phase prices each (booking, seating) at must be what the constraints say, overrides included.
        for (ConstraintWeightOverrides<BendableLongScore> overrides : List.of(
                ConstraintWeightOverrides.<BendableLongScore>none(),
                ConstraintWeightOverrides.of(Map.of(SeatingConstraints.WASTED_SEATS, SeatingScore.ONE_PREFERENCE.multiply(4),
                        SeatingConstraints.CONFIRMED_MOVED, BendableLongScore.zero(1, 3))))) {
            for (SolveMode mode : SolveMode.values()) {
                SeatingPlan plan = SeatingPlanBuilder.build(RandomDays.busyDay(11, 10, 50), mode);
                plan.setConstraintWeightOverrides(overrides);
                SeatingPlan solved = solver.newSolver(SolverConfigs.DEFAULT).solve(plan);
                long priced = solved.getBookings().stream().filter(PlannedBooking::isSeated)
                        .mapToLong(b -> SeatingConstraints.preferencePenalty(solved, b, b.getSeating())).sum();
                assertThat(-SeatingScore.preferences(solved.getScore())).as("%s %s", mode, overrides).isEqualTo(priced)
                        .isPositive();
            }
        }
    }

    @Test
    void anEmptyDaySolvesToAnEmptyPlan() {
        DayInput day = TestDays.day().table("T1", "main", 2, 4).build();
        PlanReport report = solver.solve(day, SolveMode.PENDING_ONLY, SolverConfigs.DEFAULT);
        assertThat(report.seated()).isZero();
        assertThat(report.unseatedBookings()).isEmpty();
    }

    private static Map<String, String> currentSeatings(DayInput day) {
        return day.bookings().stream()
                .filter(booking -> booking.state() != BookingState.PENDING)
                .collect(Collectors.toMap(DayInput.Booking::id, DayInput.Booking::seatingId));
    }

    private static String runProbeInNewJvm() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(DeterminismProbe.class.getName());
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        process.getErrorStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(process.waitFor()).isZero();
        String[] lines = output.split("\n");
        return lines[lines.length - 1].trim();
    }

    /**
     * A day with nothing to place where no move is acceptable (its parties already on their seatings, nothing
     * pending): the plan reaches the bound at once, and the polish must end by its step counts. Before the polish
     * always had the pass move, a configuration without local search (construction-only) polished with the built-in
     * moves, whose steps never found an acceptable move: the solve ran into the 120 s wall-clock cap.
     */
    @ParameterizedTest
    @EnumSource(SolveMode.class)
    void aDayWithNothingToPlaceIsPolishedByCountsWithEveryConfiguration(SolveMode mode) {
        DayInput busy = RandomDays.busyDay(5, 8, 40);
        DayInput frozen = busy.withBookings(busy.bookings().stream()
                .filter(booking -> booking.state() != BookingState.PENDING).toList());
        assertThat(frozen.bookings()).hasSizeGreaterThan(10);
        for (String config : configs.available()) {
            SeatingPlan problem = SeatingPlanBuilder.build(frozen, mode);
            SeatedWeightBound.Result bound = SeatedWeightBound.of(problem, 5);
            Ended ended = new Ended();
            // A guard against a hang, not a speed target: a polish ending by its counts takes milliseconds here,
            // one that cannot end takes the configuration's wall-clock cap (120 s or more).
            SeatingPlan solved = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> solver.solve(problem, config, bound, null, ended), config);
            assertThat(SeatedWeightBound.seatedWeight(solved)).as(config).isEqualTo(bound.bound());
            assertThat(ended.endedBy).as(config).isEqualTo(EndedBy.BOUND);
        }
    }

    /** Records why a solve ended. */
    static final class Ended implements SeatingSolver.Hooks {
        EndedBy endedBy;

        @Override
        public boolean starting(ai.timefold.solver.core.api.solver.Solver<SeatingPlan> solver) {
            return true;
        }

        @Override
        public void ended(ai.timefold.solver.core.api.solver.Solver<SeatingPlan> solver) {
        }

        @Override
        public void endedBy(EndedBy endedBy) {
            this.endedBy = endedBy;
        }
    }

    /**
     * The same frozen day without a bound to stop at: every shipped configuration's search must end by its own
     * counts (NO_GAIN or LIMIT), never by its wall-clock cap.
     */
    @Test
    void withoutABoundAFrozenDayEndsByCountsWithEveryConfiguration() {
        DayInput busy = RandomDays.busyDay(5, 8, 40);
        DayInput frozen = busy.withBookings(busy.bookings().stream()
                .filter(booking -> booking.state() != BookingState.PENDING).toList());
        List<String> shipped = configs.available().stream()
                .filter(name -> java.nio.file.Files.exists(Path.of("solver-config", name + ".xml"))).toList();
        assertThat(shipped).contains(SolverConfigs.DEFAULT, "construction-only", "quick");
        for (String config : shipped) {
            Ended ended = new Ended();
            org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(60),
                    () -> solver.solve(SeatingPlanBuilder.build(frozen, SolveMode.REOPTIMIZE), config, NO_BOUND, null,
                            ended), config);
            assertThat(ended.endedBy).as(config).isIn(EndedBy.NO_GAIN, EndedBy.LIMIT);
        }
        // And the ending is told as it is: the tests' configuration that searches until its one-second cap.
        Ended capped = new Ended();
        solver.solve(SeatingPlanBuilder.build(frozen, SolveMode.REOPTIMIZE), "test-one-second", NO_BOUND, null, capped);
        assertThat(capped.endedBy).isEqualTo(EndedBy.TIME_LIMIT);
    }

    private static final SeatedWeightBound.Result NO_BOUND = new SeatedWeightBound.Result(null, 0, 0);

    @Test
    void thePolishIsAShortLateAcceptanceSearchWithTheConfigurationsOwnMoves() {
        SeatingSolver solver = new SeatingSolver(new SolverConfigs(Path.of("solver-config")));
        SolverConfig searched = new SolverConfigs(Path.of("solver-config")).load(SolverConfigs.DEFAULT);
        LocalSearchPhaseConfig search = searched.getPhaseConfigList().stream()
                .filter(LocalSearchPhaseConfig.class::isInstance).map(LocalSearchPhaseConfig.class::cast)
                .findFirst().orElseThrow();
        assertThat(search.getAcceptorConfig().getEntityTabuRatio()).as("the default searches with tabu").isNotNull();

        SolverConfig polish = solver.polishConfig(SolverConfigs.DEFAULT);
        assertThat(polish.getPhaseConfigList()).hasSize(1);
        LocalSearchPhaseConfig polishing = (LocalSearchPhaseConfig) polish.getPhaseConfigList().get(0);
        assertThat(polishing.getAcceptorConfig().getEntityTabuRatio()).isNull();
        assertThat(polishing.getAcceptorConfig().getLateAcceptanceSize())
                .isEqualTo(SeatingSolver.POLISH_LATE_ACCEPTANCE_SIZE);
        assertThat(polishing.getForagerConfig().getAcceptedCountLimit()).isEqualTo(1);
        assertThat(polishing.getTerminationConfig().getUnimprovedStepCountLimit()).isEqualTo(SeatingSolver.POLISH_STEPS);
        assertThat(polishing.getMoveSelectorConfig()).usingRecursiveComparison().isEqualTo(search.getMoveSelectorConfig());
    }
}
