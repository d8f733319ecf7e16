package org.tablesolver.solver.bound;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;

/**
 * The seating model's LP relaxation written out plainly, as the bound first did it: one variable per booking and
 * seating option, one clique per table and every start time. {@link SeatedWeightBound} solves a reduced LP with
 * the same optimum; tests compare the two.
 */
public final class PlainLp {

    static {
        Loader.loadNativeLibraries();
    }

    private PlainLp() {
    }

    /** The LP's optimum (not rounded), or NaN when GLOP did not finish. */
    public static double optimum(SeatingPlan plan, double timeLimitSeconds) {
        MPSolver solver = MPSolver.createSolver("GLOP");
        try {
            solver.setTimeLimit((long) (timeLimitSeconds * 1000));
            MPObjective objective = solver.objective();
            Map<Integer, List<Choice>> choicesByTable = new LinkedHashMap<>();
            for (PlannedBooking booking : plan.getBookings()) {
                boolean mustSeat = booking.isPinned() || booking.isMustStaySeated();
                MPConstraint oneSeating = solver.makeConstraint(mustSeat ? 1 : 0, 1);
                for (Seating seating : SeatedWeightBound.options(plan, booking)) {
                    MPVariable x = solver.makeNumVar(0, 1, "");
                    objective.setCoefficient(x, booking.getSeatingWeight());
                    oneSeating.setCoefficient(x, 1);
                    for (int table : seating.getTableIndexes()) {
                        choicesByTable.computeIfAbsent(table, t -> new ArrayList<>()).add(new Choice(booking, x));
                    }
                }
            }
            for (List<Choice> choices : choicesByTable.values()) {
                TreeSet<Integer> starts = new TreeSet<>();
                choices.forEach(choice -> starts.add(choice.booking().getStart()));
                for (int start : starts) {
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
            return solver.solve() == MPSolver.ResultStatus.OPTIMAL ? objective.value() : Double.NaN;
        } finally {
            solver.delete();
        }
    }

    private record Choice(PlannedBooking booking, MPVariable x) {
    }
}
