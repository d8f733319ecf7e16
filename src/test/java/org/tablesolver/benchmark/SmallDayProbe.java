package org.tablesolver.benchmark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;

/**
 * A tuning probe (benchmarks/README.md), never part of the build: the seed day's restaurants solved many times on the
 * production path in a warm JVM, printing the median time to the first published plan, to the proven plan and to
 * the end of the solve, beside CP-SAT's median time to prove the optimum in the same loop. {@code -Dprobe.runs=15}
 * {@code -Dprobe.tiers=seed-day,S} {@code -Dprobe.configs=default}.
 */
@Tag("experiment")
class SmallDayProbe {

    @Test
    void probe() {
        int runs = Integer.getInteger("probe.runs", 15);
        DayRunner runner = new DayRunner(new SeatingSolver(new SolverConfigs(Path.of("solver-config"))));
        List<Dataset> days = BenchmarkDatasets.of(Arrays.stream(System.getProperty("probe.tiers", "seed-day").split(","))
                .map(Tier::of).toList());
        List<String> configs = List.of(System.getProperty("probe.configs", SolverConfigs.DEFAULT).split(","));
        for (Dataset day : days) { // warm-up
            runner.solve(day.day(), SolverConfigs.DEFAULT);
            CpSatReference.solve(SeatingPlanBuilder.build(day.day(), SolveMode.PENDING_ONLY), 30);
        }
        for (String config : configs) {
            for (Dataset day : days) {
                probe(runner, config, day, runs);
            }
        }
    }

    private static void probe(DayRunner runner, String config, Dataset day, int runs) {
        List<Double> first = new ArrayList<>();
        List<Double> proven = new ArrayList<>();
        List<Double> whole = new ArrayList<>();
        List<Double> cpSat = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            Results.Run solved = runner.solve(day.day(), config);
            first.add(solved.timeline().isEmpty() ? Double.NaN : solved.timeline().get(0).seconds() * 1000);
            proven.add(solved.secondsToProven() == null ? Double.NaN : solved.secondsToProven() * 1000);
            whole.add(solved.secondsTotal() * 1000);
            cpSat.add(CpSatReference.solve(SeatingPlanBuilder.build(day.day(), SolveMode.PENDING_ONLY), 30).seconds()
                    * 1000);
        }
        System.out.printf("SMALL %s %s first plan %.2f ms, proven %.2f ms, whole %.2f ms; CP-SAT %.2f ms%n",
                config, day.name(), median(first), median(proven), median(whole), median(cpSat));
    }

    private static double median(List<Double> values) {
        return values.stream().sorted().toList().get(values.size() / 2);
    }
}
