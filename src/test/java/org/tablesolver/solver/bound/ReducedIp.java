package org.tablesolver.solver.bound;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPSolver;
import org.tablesolver.solver.model.SeatingPlan;

/**
 * The bound's reduced model ({@link ReducedModel}) solved as an integer program by SCIP (bundled with OR-Tools): the
 * best seated weight a plan can reach, without pacing (the benchmark's generated days have none), and SCIP's own
 * bound. Only for probes: on the benchmark's L days SCIP spends over a minute on its first LP, far too long for a
 * solve, but given minutes it tells whether the LP bound or the plans are short.
 */
public final class ReducedIp {

    static {
        Loader.loadNativeLibraries();
    }

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
            model.writeTo(solver, true);
            MPSolver.ResultStatus status = solver.solve();
            boolean found = status == MPSolver.ResultStatus.OPTIMAL || status == MPSolver.ResultStatus.FEASIBLE;
            return new Result(status.name(), found ? solver.objective().value() : 0, solver.objective().bestBound(),
                    (System.nanoTime() - began) / 1e9);
        } finally {
            solver.delete();
        }
    }
}
