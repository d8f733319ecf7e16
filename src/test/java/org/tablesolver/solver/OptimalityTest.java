package org.tablesolver.solver;

import org.tablesolver.solver.explain.PlanReport;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.model.SeatingScore;

import org.tablesolver.solver.reference.CpSatReference;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.importing.ImportedDays;

/**
 * The default configuration seats the optimum: on generated tiny days against exhaustive enumeration,
 * and on the seed-day demo data against OR-Tools CP-SAT.
 */
class OptimalityTest {

    private final SeatingSolver solver = new SeatingSolver(new SolverConfigs(Path.of("solver-config")));

    @Test
    void seatsTheOptimumOnGeneratedTinyDays() {
        int withCombinations = 0;
        int overbooked = 0;
        List<String> misses = new ArrayList<>();
        for (int seed = 0; seed < 24; seed++) {
            int tables = 4 + seed % 3;
            int bookings = 8 + seed % 5;
            DayInput day = DayGenerator.generate("tiny-" + seed, LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"),
                    DayGenerator.Profile.DINNER_ONLY, tables, bookings, seed);
            ExhaustiveOptimum.Optimum optimum = ExhaustiveOptimum.of(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
            PlanReport report = solver.solve(day, SolveMode.PENDING_ONLY, SolverConfigs.DEFAULT);

            long seatedWeight = totalWeight(day) + SeatingScore.seatedBookings(report.score());
            if (report.feasible() && seatedWeight == optimum.seatedWeight()
                    && report.seatedGuests() == optimum.seatedGuests()) {
                continue;
            }
            misses.add("seed %d: seated weight %d and %d guests, optimum %d and %d (%s)".formatted(seed, seatedWeight,
                    report.seatedGuests(), optimum.seatedWeight(), optimum.seatedGuests(), report.score()));
        }
        for (int seed = 0; seed < 24; seed++) {
            DayInput day = DayGenerator.generate("tiny-" + seed, LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"),
                    DayGenerator.Profile.DINNER_ONLY, 4 + seed % 3, 8 + seed % 5, seed);
            withCombinations += day.combinations().isEmpty() ? 0 : 1;
            overbooked += totalWeight(day) > ExhaustiveOptimum.of(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY))
                    .seatedWeight() ? 1 : 0;
        }
        assertThat(misses).isEmpty();
        // The instances must exercise what makes the problem hard, or this test proves little.
        assertThat(withCombinations).isGreaterThanOrEqualTo(12);
        assertThat(overbooked).isGreaterThanOrEqualTo(12);
    }

    @Test
    void seatsTheProvenOptimumOnTheSeedDay() {
        List<DayInput> days = ImportedDays.demoDays();
        assertThat(days).hasSize(5);
        List<String> misses = new ArrayList<>();
        for (DayInput day : days) {
            CpSatReference.Result exact = CpSatReference.solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY), 60);
            assertThat(exact.optimal()).as("CP-SAT proves the optimum of %s", day.restaurantId()).isTrue();
            PlanReport report = solver.solve(day, SolveMode.PENDING_ONLY, SolverConfigs.DEFAULT);
            long seatedWeight = totalWeight(day) + SeatingScore.seatedBookings(report.score());
            if (!report.feasible() || seatedWeight != exact.seatedWeight() || report.seatedGuests() != exact.seatedGuests()) {
                misses.add("%s: seated weight %d and %d guests, optimum %d and %d".formatted(day.restaurantId(),
                        seatedWeight, report.seatedGuests(), exact.seatedWeight(), exact.seatedGuests()));
            }
        }
        assertThat(misses).isEmpty();
    }

    private static long totalWeight(DayInput day) {
        return day.bookings().stream().mapToLong(booking -> 1 + booking.priority()).sum();
    }
}
