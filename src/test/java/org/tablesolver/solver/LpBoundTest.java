package org.tablesolver.solver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.tablesolver.dataset.DayGenerator;

/** The linear relaxation's bound is a bound: never below the optimum, never above "everyone seated". */
class LpBoundTest {

    @Test
    void boundsTheOptimumOfGeneratedDays() {
        int strictlyBelowAllSeated = 0;
        for (int seed = 0; seed < 12; seed++) {
            DayInput day = DayGenerator.generate("d" + seed, LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"),
                    DayGenerator.Profile.RESTAURANT, 8 + seed, 30 + 4 * seed, seed);
            SeatingPlan plan = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
            long allSeated = plan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();

            CpSatReference.Result exact = CpSatReference.solve(plan, 30);
            LpBound.Result relaxation = LpBound.solve(plan, 30);

            assertThat(exact.optimal()).isTrue();
            assertThat(relaxation.proven()).isTrue();
            assertThat(relaxation.bound()).as("seed %d", seed)
                    .isGreaterThanOrEqualTo(exact.seatedWeight())
                    .isLessThanOrEqualTo(allSeated);
            strictlyBelowAllSeated += relaxation.bound() < allSeated ? 1 : 0;
        }
        // Overbooked days, so the bound says something.
        assertThat(strictlyBelowAllSeated).isGreaterThanOrEqualTo(8);
    }
}
