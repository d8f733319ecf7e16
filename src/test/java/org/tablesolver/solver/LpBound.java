package org.tablesolver.solver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * An upper bound on the seated weight from the linear relaxation of {@link CpSatReference}'s model
 * (same variables and constraints, each variable in [0, 1]), solved by OR-Tools GLOP. On days of
 * thousands of bookings CP-SAT's own bound stays near "everyone seated" within any useful time limit,
 * while this one is proven in seconds and, with one clique constraint per table and start, is usually
 * within a fraction of a percent of the optimum.
 */
public final class LpBound {

    static {
        Loader.loadNativeLibraries();
    }

    /**
     * @param status GLOP's verdict; the bound is only valid when it is OPTIMAL
     * @param bound the LP optimum rounded down to a whole seated weight, Long.MAX_VALUE without one
     */
    public record Result(String status, long bound, double seconds) {

        public boolean proven() {
            return "OPTIMAL".equals(status);
        }
    }

    private LpBound() {
    }

    public static Result solve(SeatingPlan plan, double timeLimitSeconds) {
        long began = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            solver.setTimeLimit((long) (timeLimitSeconds * 1000));
            MPObjective objective = solver.objective();
            Map<Integer, List<Choice>> choicesByTable = new LinkedHashMap<>();
            for (PlannedBooking booking : plan.getBookings()) {
                boolean mustSeat = booking.isPinned() || booking.isMustStaySeated();
                MPConstraint oneSeating = solver.makeConstraint(mustSeat ? 1 : 0, 1);
                for (Seating seating : CpSatReference.options(plan, booking)) {
                    MPVariable x = solver.makeNumVar(0, 1, "");
                    objective.setCoefficient(x, booking.getSeatingWeight());
                    oneSeating.setCoefficient(x, 1);
                    for (int table : seating.getTableIndexes()) {
                        choicesByTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new Choice(booking, x));
                    }
                }
            }
            for (List<Choice> choices : choicesByTable.values()) {
                for (int start : CpSatReference.startsOf(choices.stream().map(Choice::booking).toList())) {
                    MPConstraint atMostOne = null;
                    for (Choice choice : choices) {
                        if (choice.booking().getStart() <= start && start < choice.booking().getEnd()) {
                            if (atMostOne == null) {
                                atMostOne = solver.makeConstraint(0, 1);
                            }
                            atMostOne.setCoefficient(choice.x(), 1);
                        }
                    }
                }
            }
            objective.setMaximization();
            MPSolver.ResultStatus status = solver.solve();
            double seconds = (System.nanoTime() - began) / 1e9;
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                return new Result(status.name(), Long.MAX_VALUE, seconds);
            }
            // Rounding up a little first only loosens the bound: it stays valid despite solver tolerances.
            return new Result(status.name(), (long) Math.floor(objective.value() + 1e-3), seconds);
        } finally {
            solver.delete();
        }
    }

    private record Choice(PlannedBooking booking, MPVariable x) {
    }
}
