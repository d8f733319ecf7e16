package org.tablesolver.solver;

import org.tablesolver.solver.explain.PlanReport;

import java.nio.file.Path;
import java.util.stream.Collectors;

/** Solves a fixed generated day and prints a fingerprint of the plan; run in a fresh JVM by a test. */
public final class DeterminismProbe {

    static final long DAY_SEED = 5;

    private DeterminismProbe() {
    }

    public static void main(String[] args) {
        System.out.println(fingerprint(DAY_SEED));
    }

    static String fingerprint(long seed) {
        SeatingSolver solver = new SeatingSolver(new SolverConfigs(Path.of("solver-config")));
        PlanReport report = solver.solve(RandomDays.busyDay(seed, 12, 60), SolveMode.REOPTIMIZE, SolverConfigs.DEFAULT);
        return report.score() + " " + report.assignments().stream()
                .map(assignment -> assignment.bookingId() + "@" + assignment.seatingId())
                .collect(Collectors.joining(","));
    }
}
