package org.tablesolver.solver.bound;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.tablesolver.solver.PlannedBooking;
import org.tablesolver.solver.SeatingPlan;
import org.tablesolver.solver.Seating;

/**
 * An upper bound on the seated weight (level 0 of the score: the sum of 1 + priority over the seated bookings)
 * that any plan of a day can reach: the linear relaxation of the seating model, solved by OR-Tools GLOP. One
 * variable in [0, 1] per booking and seating it may take; each booking on at most one seating (exactly one for
 * those that must stay seated); and one clique per table and start time: at every start of a booking that may
 * use a table, at most one of the bookings then under way sits at it. Pacing is left out, which only loosens
 * the bound. Rounded down, since seated weights are whole numbers; a small tolerance first keeps it valid
 * despite the LP solver's own tolerances. Days with more booking-seating pairs than the caller's limit, and days
 * whose LP does not finish in time, get the Lagrangian relaxation of the same cliques instead
 * ({@link LagrangianBound}: no LP solver, a fixed number of steps).
 */
public final class SeatedWeightBound {

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * @param bound the bound, or null when the LP did not finish within its limit (or found the day infeasible,
     *              which a day the pipeline builds never is)
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
     * @param maxVariables the LP is not even built for a day with more booking-seating pairs than this (GLOP did
     *                     not finish on 2.8 million within 400 s here): no bound then, and no time spent on one
     */
    public static Result of(SeatingPlan plan, double timeLimitSeconds, long maxVariables) {
        long began = System.nanoTime();
        long total = plan.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
        ReducedModel model = ReducedModel.of(plan, booking -> options(plan, booking));
        if (model.pairs > maxVariables) {
            return lagrangian(plan, total, began);
        }
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            solver.setTimeLimit((long) (timeLimitSeconds * 1000));
            MPObjective objective = solver.objective();
            List<MPVariable[]> variables = new ArrayList<>(model.groups.size());
            for (ReducedModel.Group group : model.groups) {
                MPConstraint seated = solver.makeConstraint(group.must() ? group.count() : 0, group.count());
                MPVariable[] x = new MPVariable[group.seatings().size()];
                for (int s = 0; s < x.length; s++) {
                    x[s] = solver.makeNumVar(0, group.count(), "");
                    objective.setCoefficient(x[s], group.weight());
                    seated.setCoefficient(x[s], 1);
                }
                variables.add(x);
            }
            for (List<ReducedModel.Choice> clique : model.cliques) {
                MPConstraint atMostOne = solver.makeConstraint(0, 1);
                for (ReducedModel.Choice choice : clique) {
                    atMostOne.setCoefficient(variables.get(choice.group())[choice.seating()], 1);
                }
            }
            objective.setMaximization();
            MPSolver.ResultStatus status = solver.solve();
            double seconds = (System.nanoTime() - began) / 1e9;
            if (status == MPSolver.ResultStatus.INFEASIBLE) {
                return new Result(null, total, seconds);
            }
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return lagrangian(plan, total, began); // out of time: the bound that needs no LP
            }
            // The tolerance keeps the bound valid despite GLOP's own (relative) tolerances.
            double tolerance = 1e-3 + 1e-7 * total;
            return new Result(Math.min(total, (long) Math.floor(objective.value() + tolerance)), total, seconds);
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
