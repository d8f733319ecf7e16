package org.tablesolver.solver.bound;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.Seating;

/**
 * An upper bound on the seated weight (level 0 of the score: the sum of 1 + priority over the seated bookings)
 * that any plan of a day can reach: the linear relaxation of the seating model. One variable in [0, 1] per booking
 * and seating it may take; each booking on at most one seating (exactly one for those that must stay seated); and
 * one clique per table and start time: at every start of a booking that may use a table, at most one of the
 * bookings then under way sits at it. Pacing is left out, which only loosens the bound. The LP is solved on a
 * {@link ReducedModel} with the same optimum (dominated seatings dropped, identical bookings grouped, maximal
 * cliques only) by OR-Tools PDLP, and the bound is the Lagrangian dual's value at the LP's clique prices, rounded
 * down (seated weights are whole numbers): valid for any prices, so the LP solver's tolerances cannot make it
 * wrong. Days with more (reduced) booking-seating pairs than the caller's limit, and days whose LP does not finish,
 * get the Lagrangian relaxation with prices found by subgradient steps instead ({@link LagrangianBound}: no LP
 * solver, a fixed number of steps, looser).
 */
public final class SeatedWeightBound {

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * @param bound the bound, or null when the day has no plan at all (a booking that must stay seated has no
     *              seating), which a day the pipeline builds never is
     * @param total the weight of every booking of the day: the bound when everyone could be seated
     */
    public record Result(Long bound, long total, double seconds) {

        /** The bound as a level-0 score (minus the unseated weight it allows), or null without a bound. */
        public Long levelZero() {
            return bound == null ? null : bound - total;
        }

        /** The gap of a plan in percent of the bound, 0 when the plan reaches it; null without a bound. */
        public Double gapPercent(long seatedWeight) {
            if (bound == null) {
                return null;
            }
            return bound == 0 ? 0.0 : Math.max(0, bound - seatedWeight) * 100.0 / bound;
        }

        public boolean proves(long seatedWeight) {
            return bound != null && seatedWeight >= bound;
        }

        /**
         * This bound, or the tighter one a solve proved for its plan ({@code solved}'s bound: the optimum of the day
         * when a phase solved the whole day exactly).
         */
        public Result provenBy(SeatingPlan solved) {
            Long proven = solved.getSeatedWeightBound();
            return proven != null && (bound == null || proven < bound) ? new Result(proven, total, seconds) : this;
        }
    }

    private SeatedWeightBound() {
    }

    /** The seated weight of a plan, comparable with the bound. */
    public static long seatedWeight(SeatingPlan plan) {
        return plan.getBookings().stream().filter(PlannedBooking::isSeated).mapToLong(PlannedBooking::getSeatingWeight)
                .sum();
    }

    /** {@link #of(SeatingPlan, double, long)} without a size limit. */
    public static Result of(SeatingPlan plan, double timeLimitSeconds) {
        return of(plan, timeLimitSeconds, Long.MAX_VALUE);
    }

    /**
     * @param maxVariables the LP is not solved for a day with more booking-seating pairs than this, counted after the
     *                     reduction (the benchmark's XL-overbooked day has 278,147): the Lagrangian bound then
     */
    public static Result of(SeatingPlan plan, double timeLimitSeconds, long maxVariables) {
        long began = System.nanoTime();
        long total = plan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
        ReducedModel model = ReducedModel.of(plan, booking -> options(plan, booking));
        if (model.pairs > maxVariables) {
            return lagrangian(plan, total, began);
        }
        if (model.groups.stream().anyMatch(group -> group.must() && group.seatings().isEmpty())) {
            return new Result(null, total, (System.nanoTime() - began) / 1e9); // no plan at all
        }
        double[] prices = cliquePrices(model, timeLimitSeconds);
        if (prices == null) {
            return lagrangian(plan, total, began); // out of time or work: the bound that needs no LP
        }
        // The dual's value at the LP's clique prices is a bound whatever the LP solver's tolerances; the LP solver
        // stops within a 1e-5 relative gap, so it is the LP's optimum to well under one booking.
        long bound = Math.min(total, (long) Math.floor(model.dualValue(prices) + 1e-6));
        return new Result(bound, total, (System.nanoTime() - began) / 1e9);
    }

    /**
     * The most weight that the given bookings can have seated together, bounded by the same relaxation (GLOP's
     * simplex, certified by the Lagrangian dual, rounded down), where none of them must be seated: a value below their
     * total weight proves that they cannot all be seated at once. For the exact check of online booking, whose models
     * are one restaurant's parties around one slot.
     *
     * @param seatings every seating of the bookings' plan
     * @param options  the seatings each booking may take
     * @return the bound, or the total weight when the LP does not finish (no proof)
     */
    public static long seatableWeight(List<Seating> seatings, List<PlannedBooking> bookings,
                                      Function<PlannedBooking, List<Seating>> options) {
        long total = bookings.stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
        ReducedModel model = ReducedModel.of(seatings, bookings, options, booking -> false);
        double[] prices = cliquePrices(model, 10, true);
        return prices == null ? total : Math.min(total, (long) Math.floor(model.dualValue(prices) + 1e-6));
    }

    /** PDLP's work limit: ten times what the benchmark's largest days need, reached long before the time limit. */
    static final int LP_ITERATIONS = 20_000;

    /**
     * The optimal prices (dual values) of the reduced model's cliques, by OR-Tools PDLP (a first-order LP method: on
     * the benchmark's XL days 7-8 s where GLOP's simplex takes 70-90 s on the same model) with one thread and an iteration limit, so
     * they are the same on every run, or on small models by GLOP ({@link #SIMPLEX_PAIRS}); null when it does not
     * finish.
     */
    private static double[] cliquePrices(ReducedModel model, double timeLimitSeconds) {
        return cliquePrices(model, timeLimitSeconds, model.pairs <= SIMPLEX_PAIRS);
    }

    /**
     * Models of at most this many booking-seating pairs (after the reduction) go to GLOP's simplex instead of PDLP: on
     * the seed day's restaurants and the benchmark's S days it finds the same bounds in half the time or less (S-normal
     * 2 ms against 11 ms, BoundProbe and SmallDayProbe on 2026-12-04); from M on they take about as long, and on L
     * the simplex is three to eight times slower.
     */
    static final long SIMPLEX_PAIRS = 2_000;

    /** The clique prices by GLOP's simplex ({@code simplex}) or by PDLP; null when the LP does not finish. */
    static double[] cliquePrices(ReducedModel model, double timeLimitSeconds, boolean simplex) {
        MPSolver solver = MPSolver.createSolver(simplex ? "GLOP" : "PDLP");
        try {
            solver.setTimeLimit((long) (timeLimitSeconds * 1000));
            solver.setNumThreads(1);
            if (!simplex && !solver.setSolverSpecificParametersAsString("""
                    num_threads: 1
                    termination_criteria {
                      iteration_limit: %d
                      simple_optimality_criteria { eps_optimal_relative: 1e-5 eps_optimal_absolute: 1e-5 }
                    }""".formatted(LP_ITERATIONS))) {
                throw new IllegalStateException("PDLP refused its parameters");
            }
            List<MPConstraint> cliques = model.writeTo(solver, false);
            if (solver.solve() != MPSolver.ResultStatus.OPTIMAL) {
                return null;
            }
            return cliques.stream().mapToDouble(MPConstraint::dualValue).toArray();
        } finally {
            solver.delete();
        }
    }

    /**
     * The work of the Lagrangian bound, in seatings evaluated: its number of steps depends on the day alone, so the
     * bound is the same on every run.
     */
    static final long LAGRANGIAN_PAIR_EVALUATIONS = 200_000_000L;

    /** The Lagrangian bound ({@link LagrangianBound}) for days the LP cannot bound. */
    static Result lagrangian(SeatingPlan plan, long total, long began) {
        List<List<Seating>> options = LagrangianBound.options(plan, booking -> options(plan, booking));
        Long bound = LagrangianBound.of(plan, options, LAGRANGIAN_PAIR_EVALUATIONS);
        return new Result(bound, total, (System.nanoTime() - began) / 1e9);
    }

    /** {@link LagrangianBound} alone, whatever the day's size (tests compare it with the LP). */
    public static Result lagrangian(SeatingPlan plan) {
        long total = plan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
        return lagrangian(plan, total, System.nanoTime());
    }

    /** The seatings a booking may take: its own when pinned, else the fitting ones in service and not blocked. */
    static List<Seating> options(SeatingPlan plan, PlannedBooking booking) {
        if (booking.isPinned() && booking.getOriginalSeating() != null) {
            return List.of(booking.getOriginalSeating());
        }
        List<Seating> options = new ArrayList<>();
        for (Seating seating : booking.getFittingSeatings()) {
            if (booking.isPinned() || seating.isInService() && !plan.isBlocked(seating, booking)) {
                options.add(seating);
            }
        }
        return options;
    }

}
