package org.tablesolver.solver.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.RandomDays;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;

/** The reduced model keeps the LP's optimum, and its dual is a bound at any prices. */
class ReducedModelTest {

    private static List<SeatingPlan> days() {
        List<SeatingPlan> plans = new ArrayList<>();
        for (int seed = 0; seed < 6; seed++) {
            DayInput generated = DayGenerator.generate("d" + seed, LocalDate.of(2026, 12, 4),
                    ZoneId.of("Europe/London"), DayGenerator.Profile.RESTAURANT, 10 + 3 * seed, 60 + 30 * seed, seed);
            plans.add(SeatingPlanBuilder.build(generated, SolveMode.PENDING_ONLY));
            // Pins, capacity holds, must-stay-seated bookings and pacing.
            plans.add(SeatingPlanBuilder.build(RandomDays.busyDayWithRules(seed, 8 + seed, 30 + 5 * seed, 12),
                    SolveMode.REOPTIMIZE));
        }
        return plans;
    }

    @Test
    void theReducedLpHasThePlainLpsOptimum() {
        int smaller = 0;
        for (SeatingPlan plan : days()) {
            double plain = PlainLp.optimum(plan, 60);
            assertThat(plain).isNotNaN();
            SeatedWeightBound.Result reduced = SeatedWeightBound.of(plan, 60);
            long total = plan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
            assertThat(reduced.bound()).as(plan.getRestaurantId())
                    .isEqualTo(Math.min(total, (long) Math.floor(plain + 1e-6)));

            ReducedModel model = ReducedModel.of(plan, booking -> SeatedWeightBound.options(plan, booking));
            long pairs = plan.getBookings().stream().mapToLong(b -> SeatedWeightBound.options(plan, b).size()).sum();
            assertThat(model.pairs).isLessThanOrEqualTo(pairs);
            smaller += model.pairs < pairs ? 1 : 0;
        }
        assertThat(smaller).as("days whose model the reduction made smaller").isGreaterThanOrEqualTo(6);
    }

    @Test
    void theDualIsABoundAtAnyPrices() {
        Random random = new Random(7);
        for (SeatingPlan plan : days().subList(0, 6)) {
            CpSatReference.Result exact = CpSatReference.solve(plan, 60);
            assertThat(exact.optimal()).isTrue();
            ReducedModel model = ReducedModel.of(plan, booking -> SeatedWeightBound.options(plan, booking));
            for (int trial = 0; trial < 20; trial++) {
                double[] prices = new double[model.cliques.size()];
                double scale = trial == 0 ? 0 : random.nextDouble() * 2;
                for (int c = 0; c < prices.length; c++) {
                    prices[c] = random.nextDouble() * scale - 0.2;
                }
                assertThat(model.dualValue(prices)).as("%s trial %d", plan.getRestaurantId(), trial)
                        .isGreaterThanOrEqualTo(exact.seatedWeight() - 1e-9);
            }
        }
    }
}
