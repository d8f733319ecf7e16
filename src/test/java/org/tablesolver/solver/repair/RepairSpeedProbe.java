package org.tablesolver.solver.repair;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.importing.ImportedDays;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.solver.search.TightPackingConstruction;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * A tuning probe (benchmarks/README.md), never part of the build: on each seed-day restaurant, the median time of
 * the repair's whole-day piece from the first plan to the day's bound, with and without CP-SAT's presolve, beside
 * CP-SAT's time to prove the optimum (CpSatReference, two workers), all in this JVM after a warm-up.
 */
@Tag("experiment")
class RepairSpeedProbe {

    private static final int RUNS = 15;

    @Test
    void probe() {
        SolverConfig config = new SolverConfigs(Path.of("solver-config")).load(SolverConfigs.DEFAULT);
        config.setPhaseConfigList(List.of(new CustomPhaseConfig()
                .withCustomPhaseCommandClassList(List.of(TightPackingConstruction.class))));
        SolverFactory<SeatingPlan> construction = SolverFactory.create(config);
        List<DayInput> days = ImportedDays.demoDays();
        for (int round = 0; round < 2; round++) { // the first round warms the JVM
            for (boolean presolve : new boolean[] {true, false}) {
                StringBuilder line = new StringBuilder("SPEED presolve=" + presolve);
                for (DayInput day : days) {
                    double[] millis = new double[RUNS];
                    boolean reached = true;
                    for (int run = 0; run < RUNS; run++) {
                        SeatingPlan plan = construction.buildSolver()
                                .solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
                        long bound = SeatedWeightBound.of(plan, 20).bound();
                        long before = SeatedWeightBound.seatedWeight(plan);
                        long began = System.nanoTime();
                        int from = plan.getBookings().stream().mapToInt(PlannedBooking::getStart).min().orElseThrow();
                        int to = plan.getBookings().stream().mapToInt(PlannedBooking::getEnd).max().orElseThrow();
                        SubProblem whole = before >= bound ? null
                                : SubProblem.of(plan, from, to, ExactRepair.everyTable(plan), Integer.MAX_VALUE, false);
                        var better = whole == null ? null : whole.solve(5, bound - before, presolve, true,
                                com.google.ortools.sat.SatParameters.getDefaultInstance());
                        millis[run] = (System.nanoTime() - began) / 1e6;
                        if (better != null) {
                            better.forEach(PlannedBooking::setSeating);
                        }
                        reached &= SeatedWeightBound.seatedWeight(plan) >= bound;
                    }
                    Arrays.sort(millis);
                    line.append(" %s=%.2fms%s".formatted(day.restaurantId(), millis[RUNS / 2],
                            reached ? "" : " (bound not reached)"));
                }
                System.out.println(line);
            }
        }
        StringBuilder line = new StringBuilder("SPEED CP-SAT reference");
        for (DayInput day : days) {
            double[] millis = new double[RUNS];
            for (int run = 0; run < RUNS; run++) {
                millis[run] = CpSatReference.solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY), 30).seconds()
                        * 1000;
            }
            Arrays.sort(millis);
            line.append(" %s=%.2fms".formatted(day.restaurantId(), millis[RUNS / 2]));
        }
        System.out.println(line);
    }
}
