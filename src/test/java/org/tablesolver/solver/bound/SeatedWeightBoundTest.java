package org.tablesolver.solver.bound;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.impl.solver.DefaultSolver;
import org.junit.jupiter.api.Test;
import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;

/**
 * The bound is a bound (never below the optimum CP-SAT proves, never above "everyone seated"), a solve that reaches
 * it says so and stops early, and "proven" is never claimed where CP-SAT proves a better plan.
 */
class SeatedWeightBoundTest {

    static DayInput day(int seed) {
        return DayGenerator.generate("d" + seed, LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"),
                DayGenerator.Profile.RESTAURANT, 8 + seed, 30 + 4 * seed, seed);
    }

    @Test
    void boundsTheOptimumOfGeneratedDays() {
        int strictlyBelowAllSeated = 0;
        int lagrangianBelowAllSeated = 0;
        long lagrangianExcess = 0;
        for (int seed = 0; seed < 12; seed++) {
            SeatingPlan plan = SeatingPlanBuilder.build(day(seed), SolveMode.PENDING_ONLY);
            long allSeated = plan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();

            CpSatReference.Result exact = CpSatReference.solve(plan, 30);
            SeatedWeightBound.Result relaxation = SeatedWeightBound.of(plan, 30);

            assertThat(exact.optimal()).isTrue();
            assertThat(relaxation.bound()).as("seed %d", seed).isNotNull()
                    .isGreaterThanOrEqualTo(exact.seatedWeight())
                    .isLessThanOrEqualTo(allSeated);
            assertThat(relaxation.total()).isEqualTo(allSeated);
            strictlyBelowAllSeated += relaxation.bound() < allSeated ? 1 : 0;

            SeatedWeightBound.Result lagrangian = SeatedWeightBound.lagrangian(plan);
            assertThat(lagrangian.bound()).as("seed %d: the Lagrangian bound", seed).isNotNull()
                    .isGreaterThanOrEqualTo(relaxation.bound()) // the LP's optimum is the best Lagrangian bound
                    .isLessThanOrEqualTo(allSeated);
            lagrangianBelowAllSeated += lagrangian.bound() < allSeated ? 1 : 0;
            lagrangianExcess += lagrangian.bound() - relaxation.bound();
        }
        // Overbooked days, so the bound says something.
        assertThat(strictlyBelowAllSeated).isGreaterThanOrEqualTo(8);
        assertThat(lagrangianBelowAllSeated).as("the Lagrangian bound is a real one, not 'everyone seated'")
                .isGreaterThanOrEqualTo(6);
        System.out.println("Lagrangian bound above the LP's, over 12 days: " + lagrangianExcess);
    }

    @Test
    void smallModelsGetTheSimplexWhoseBoundIsNeverLooserThanPdlpsAndStillAboveTheOptimum() {
        // The Lagrangian dual at any prices bounds the optimum; at GLOP's exact LP prices it is the LP optimum, at
        // PDLP's approximate ones at least that. So on every small day: optimum <= simplex bound <= PDLP bound.
        List<DayInput> days = new ArrayList<>(org.tablesolver.importing.ImportedDays.demoDays());
        for (int seed = 0; seed < 6; seed++) {
            days.add(day(seed));
        }
        int simplexModels = 0;
        for (DayInput day : days) {
            SeatingPlan plan = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
            ReducedModel model = ReducedModel.of(plan, booking -> SeatedWeightBound.options(plan, booking));
            if (model.pairs <= SeatedWeightBound.SIMPLEX_PAIRS) {
                simplexModels++;
            }
            double simplex = model.dualValue(SeatedWeightBound.cliquePrices(model, 30, true));
            double pdlp = model.dualValue(SeatedWeightBound.cliquePrices(model, 30, false));
            CpSatReference.Result exact = CpSatReference.solve(plan, 30);
            assertThat(exact.optimal()).isTrue();
            assertThat(simplex).as(day.restaurantId()).isGreaterThanOrEqualTo(exact.seatedWeight() - 1e-6)
                    .isLessThanOrEqualTo(pdlp + 1e-6);
            assertThat(SeatedWeightBound.of(plan, 30).bound()).as(day.restaurantId())
                    .isEqualTo(Math.min(plan.getBookings().stream().mapToLong(b -> b.getSeatingWeight()).sum(),
                            (long) Math.floor((model.pairs <= SeatedWeightBound.SIMPLEX_PAIRS ? simplex : pdlp) + 1e-6)));
        }
        assertThat(simplexModels).as("days small enough for the simplex").isGreaterThanOrEqualTo(5);
    }

    @Test
    void theBoundOfSomeBookingsIsTheDaysBoundWhenTheyAreAllOfItAndNeverBelowTheirOptimum() {
        // seatableWeight (online booking's proof of "no") is the same relaxation over the bookings it is given,
        // none of which must be seated: over a whole day of requests it is the day's bound; over part of a day, at
        // least what CP-SAT seats of that part alone.
        int below = 0;
        for (int seed = 0; seed < 8; seed++) {
            SeatingPlan plan = SeatingPlanBuilder.build(day(seed), SolveMode.PENDING_ONLY);
            long whole = SeatedWeightBound.seatableWeight(plan.getSeatings(), plan.getBookings(),
                    booking -> SeatedWeightBound.options(plan, booking));
            assertThat(whole).as("seed %d", seed).isEqualTo(SeatedWeightBound.of(plan, 30).bound());

            // The part: the bookings starting 19:00-20:59, as a day of their own for CP-SAT.
            DayInput part = day(seed).withBookings(day(seed).bookings().stream()
                    .filter(b -> b.start().atZone(ZoneId.of("Europe/London")).getHour() / 2 == 19 / 2).toList());
            SeatingPlan partPlan = SeatingPlanBuilder.build(part, SolveMode.PENDING_ONLY);
            long bound = SeatedWeightBound.seatableWeight(partPlan.getSeatings(), partPlan.getBookings(),
                    booking -> SeatedWeightBound.options(partPlan, booking));
            CpSatReference.Result exact = CpSatReference.solve(partPlan, 30);
            assertThat(exact.optimal()).isTrue();
            assertThat(bound).as("seed %d, 19:00-20:59", seed).isGreaterThanOrEqualTo(exact.seatedWeight());
            below += bound < partPlan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum() ? 1 : 0;
        }
        assertThat(below).as("parts whose bound proves that not everyone can be seated").isPositive();
    }

    @Test
    void boundsTheOptimumOfEverySeedDayRestaurant() {
        for (DayInput day : org.tablesolver.importing.ImportedDays.demoDays()) {
            SeatingPlan plan = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
            CpSatReference.Result exact = CpSatReference.solve(plan, 30);
            assertThat(exact.optimal()).isTrue();
            assertThat(SeatedWeightBound.of(plan, 30).bound()).as(day.restaurantId())
                    .isGreaterThanOrEqualTo(exact.seatedWeight());
            assertThat(SeatedWeightBound.lagrangian(plan).bound()).as(day.restaurantId())
                    .isGreaterThanOrEqualTo(exact.seatedWeight());
        }
    }

    @Test
    void aSolveThatReachesTheBoundSaysSoAndStopsEarlyAndNeverClaimsTooMuch() {
        SeatingSolver solver = new SeatingSolver(new SolverConfigs(java.nio.file.Path.of("solver-config")));
        int proven = 0;
        for (int seed = 0; seed < 8; seed++) {
            SeatingPlan problem = SeatingPlanBuilder.build(day(seed), SolveMode.PENDING_ONLY);
            SeatedWeightBound.Result bound = SeatedWeightBound.of(problem, 30);
            List<Solver<SeatingPlan>> bounded = new ArrayList<>();
            SeatingPlan plan = solver.solve(problem, "default", bound, null, hooks(bounded));
            long weight = SeatedWeightBound.seatedWeight(plan);
            CpSatReference.Result exact = CpSatReference.solve(SeatingPlanBuilder.build(day(seed),
                    SolveMode.PENDING_ONLY), 30);
            assertThat(weight).as("seed %d: never above the optimum", seed).isLessThanOrEqualTo(exact.seatedWeight());
            if (bound.proves(weight)) {
                proven++;
                assertThat(weight).as("seed %d: proven means optimal", seed).isEqualTo(exact.seatedWeight());
                assertThat(bound.gapPercent(weight)).isZero();
                assertThat(bounded).as("the search, then the polish").hasSize(2);

                // The configuration as it is, nothing to stop at: neither the bound nor a proof of the repair's
                // whole-day piece (which SeatingSolver.solve also stops at).
                Solver<SeatingPlan> unbounded = solver.newSolver("default");
                SeatingPlan searched = unbounded.solve(SeatingPlanBuilder.build(day(seed), SolveMode.PENDING_ONLY));
                long boundedMoves = moves(bounded.get(0));
                long unboundedMoves = moves(unbounded);
                assertThat(boundedMoves).as("seed %d: the bounded search stops at the bound", seed)
                        .isLessThan(unboundedMoves);
                assertThat(SeatedWeightBound.seatedWeight(searched)).isEqualTo(weight);
            } else {
                assertThat(bound.gapPercent(weight)).isPositive();
            }
        }
        assertThat(proven).as("days proven optimal").isGreaterThanOrEqualTo(4);
    }

    @Test
    void aDayOverTheSizeLimitGetsTheLagrangianBoundInstead() {
        SeatingPlan plan = SeatingPlanBuilder.build(day(3), SolveMode.PENDING_ONLY);
        SeatedWeightBound.Result lagrangian = SeatedWeightBound.of(plan, 30, 10);
        SeatedWeightBound.Result lp = SeatedWeightBound.of(plan, 30, Long.MAX_VALUE);
        assertThat(lagrangian.bound()).isNotNull().isGreaterThanOrEqualTo(lp.bound())
                .isEqualTo(SeatedWeightBound.lagrangian(plan).bound()); // a fixed number of steps: the same bound
        assertThat(lagrangian.gapPercent(lagrangian.bound())).isZero();
    }

    @Test
    void theSameDayGivesTheSamePlan() {
        SeatingSolver solver = new SeatingSolver(new SolverConfigs(java.nio.file.Path.of("solver-config")));
        List<String> plans = new ArrayList<>();
        for (int run = 0; run < 2; run++) {
            SeatingPlan problem = SeatingPlanBuilder.build(day(5), SolveMode.PENDING_ONLY);
            SeatingPlan plan = solver.solve(problem, "default", SeatedWeightBound.of(problem, 30), null,
                    hooks(new ArrayList<>()));
            plans.add(plan.getBookings().stream()
                    .map(b -> b.getId() + "=" + (b.getSeating() == null ? "-" : b.getSeating().getId())).toList()
                    .toString());
        }
        assertThat(plans.get(1)).isEqualTo(plans.get(0));
    }

    private static long moves(Solver<SeatingPlan> solver) {
        return ((DefaultSolver<SeatingPlan>) solver).getMoveEvaluationCount();
    }

    private static SeatingSolver.Hooks hooks(List<Solver<SeatingPlan>> seen) {
        return new SeatingSolver.Hooks() {
            @Override
            public boolean starting(Solver<SeatingPlan> solver) {
                seen.add(solver);
                return true;
            }

            @Override
            public void ended(Solver<SeatingPlan> solver) {
            }
        };
    }
}
