package org.tablesolver.benchmark;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolverConfigs;

/**
 * A tuning probe (benchmarks/README.md), never part of the build: solves the benchmark's days of some tiers with some configurations on
 * the production path (bound, search, polish) and prints weight, bound, proof and time. {@code -Dprobe.tiers=M}
 * {@code -Dprobe.configs=default}; {@code -Dprobe.seeds=7,8} for days of the same shapes from other seeds.
 */
@Tag("experiment")
class RepairProbe {

    @Test
    void probe() {
        List<Tier> tiers = Arrays.stream(System.getProperty("probe.tiers", "M").split(","))
                .map(label -> Tier.of(label.trim())).toList();
        List<String> configs = List.of(System.getProperty("probe.configs", "default").split(","));
        DayRunner runner = new DayRunner(new SeatingSolver(new SolverConfigs(java.nio.file.Path.of("solver-config"))));
        String seeds = System.getProperty("probe.seeds");
        List<Dataset> datasets = seeds == null ? BenchmarkDatasets.of(tiers)
                : BenchmarkDatasets.withSeeds(tiers, Arrays.stream(seeds.split(",")).map(s -> Long.valueOf(s.trim())).toList());
        for (Dataset dataset : datasets) {
            for (String config : configs) {
                Results.Run run = runner.solve(dataset.day(), config);
                System.out.printf("PROBE %s %s weight=%d bound=%s proven=%s toProven=%s gapAt30=%s final=%.2fs "
                                + "total=%.2fs%n", dataset.name(), config, run.seatedWeight(), run.bound(), run.proven(),
                        run.secondsToProven(), run.ownGapAt(30), run.secondsToFinalPlan(), run.secondsTotal());
                if (Boolean.getBoolean("probe.timeline")) {
                    run.timeline().forEach(point -> System.out.printf("PROBE   %.2fs %d%n", point.seconds(),
                            point.seatedWeight()));
                }
            }
        }
    }
}
