package org.tablesolver.benchmark;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.bound.PlainLp;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * A tuning probe (benchmarks/README.md), never part of the build: the bound of the benchmark's days of some tiers,
 * with its time, against the plain LP ({@code -Dprobe.plain=true}) and the Lagrangian bound. {@code -Dprobe.tiers=L}.
 */
@Tag("experiment")
class BoundProbe {

    @Test
    void probe() {
        List<Tier> tiers = Arrays.stream(System.getProperty("probe.tiers", "M").split(","))
                .map(label -> Tier.of(label.trim())).toList();
        boolean plain = Boolean.getBoolean("probe.plain");
        boolean lagrangian = Boolean.getBoolean("probe.lagrangian");
        for (Dataset dataset : BenchmarkDatasets.of(tiers)) {
            SeatingPlan plan = SeatingPlanBuilder.build(dataset.day(), SolveMode.PENDING_ONLY);
            SeatedWeightBound.Result reduced = SeatedWeightBound.of(plan, 120, 10_000_000);
            System.out.printf("PROBE %s bookings=%d reduced bound=%s in %.2fs%n", dataset.name(),
                    plan.getBookings().size(), reduced.bound(), reduced.seconds());
            if (lagrangian) {
                SeatedWeightBound.Result l = SeatedWeightBound.lagrangian(plan);
                System.out.printf("PROBE %s lagrangian bound=%s in %.2fs%n", dataset.name(), l.bound(), l.seconds());
            }
            if (plain) {
                long began = System.nanoTime();
                double optimum = PlainLp.optimum(plan, 120);
                System.out.printf("PROBE %s plain LP optimum=%.4f in %.2fs%n", dataset.name(), optimum,
                        (System.nanoTime() - began) / 1e9);
            }
        }
    }
}
