package org.tablesolver.solver.bound;

import java.util.ArrayList;
import java.util.List;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import org.tablesolver.solver.SeatingPlan;

/**
 * The bound's reduced model ({@link ReducedModel}) solved as an integer program by SCIP (bundled with OR-Tools): the
 * best seated weight a plan can reach, without pacing (the benchmark's generated days have none), and SCIP's own
 * bound. Only for probes: on the benchmark's L days SCIP spends over a minute on its first LP, far too long for a
 * solve, but given minutes it tells whether the LP bound or the plans are short.
 */
public final class ReducedIp {

    /** @param found the best plan's seated weight (0 without one), @param bound SCIP's proven bound */
    public record Result(String status, double found, double bound, double seconds) {
    }

    private ReducedIp() {
    }

    public static Result solve(SeatingPlan plan, double timeLimitSeconds) {
        ReducedModel model = ReducedModel.of(plan, booking -> SeatedWeightBound.options(plan, booking));
        long began = System.nanoTime();
        MPSolver solver = MPSolver.createSolver("SCIP");
        try {
            solver.setTimeLimit((long) (timeLimitSeconds * 1000));
            MPObjective objective = solver.objective();
            List<MPVariable[]> variables = new ArrayList<>(model.groups.size());
            for (ReducedModel.Group group : model.groups) {
                MPConstraint seated = solver.makeConstraint(group.must() ? group.count() : 0, group.count());
                MPVariable[] x = new MPVariable[group.seatings().size()];
                for (int s = 0; s < x.length; s++) {
                    // a seating holds one member of the group at a time: its cliques allow no more
                    x[s] = solver.makeIntVar(0, 1, "");
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
            boolean found = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
            return new Result(status.name(), found ? objective.value() : 0, objective.bestBound(),
                    (System.nanoTime() - began) / 1e9);
        } finally {
            solver.delete();
        }
    }
}
