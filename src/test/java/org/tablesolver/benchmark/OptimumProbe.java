package org.tablesolver.benchmark;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.bound.ReducedIp;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * A tuning probe (benchmarks/README.md), never part of the build: how far the benchmark's days are from their LP
 * bound, by solving the bound's reduced model as an integer program with SCIP for minutes. {@code -Dprobe.tiers=L}
 * {@code -Dprobe.seconds=300}.
 */
@Tag("experiment")
class OptimumProbe {

    @Test
    void probe() {
        List<Tier> tiers = Arrays.stream(System.getProperty("probe.tiers", "L").split(","))
                .map(label -> Tier.of(label.trim())).toList();
        double seconds = Double.parseDouble(System.getProperty("probe.seconds", "300"));
        for (Dataset dataset : BenchmarkDatasets.of(tiers)) {
            SeatingPlan plan = SeatingPlanBuilder.build(dataset.day(), SolveMode.PENDING_ONLY);
            SeatedWeightBound.Result lp = SeatedWeightBound.of(plan, 120, 10_000_000);
            ReducedIp.Result ip = ReducedIp.solve(plan, seconds);
            System.out.printf("PROBE %s LP bound=%s; SCIP %s: plan %.0f, bound %.2f in %.1fs%n", dataset.name(),
                    lp.bound(), ip.status(), ip.found(), ip.bound(), ip.seconds());
        }
    }
}
