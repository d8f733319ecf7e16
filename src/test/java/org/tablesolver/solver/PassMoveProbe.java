package org.tablesolver.solver;

import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.search.PassMoveFactory;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.heuristic.selector.move.MoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.composite.UnionMoveSelectorConfig;
import ai.timefold.solver.core.config.heuristic.selector.move.factory.MoveIteratorFactoryConfig;
import ai.timefold.solver.core.config.localsearch.LocalSearchPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.dataset.DayGenerator;

/**
 * Does the pass move still earn its place (benchmarks/README.md)? Solves tiny days without a bound, so only the
 * counts can end the local search, with {@code default} and with {@code default} minus the pass move, both capped
 * at 5 s of wall clock: a solve that takes the whole 5 s never ended by counting. Never part of the build.
 */
@Tag("experiment")
class PassMoveProbe {

    @Test
    void probe() {
        SolverConfigs configs = new SolverConfigs(java.nio.file.Path.of("solver-config"));
        for (boolean withPass : new boolean[] {true, false}) {
            SolverConfig config = configs.load(SolverConfigs.DEFAULT)
                    .withTerminationConfig(new TerminationConfig().withSecondsSpentLimit(5L));
            if (!withPass) {
                config.getPhaseConfigList().stream().filter(LocalSearchPhaseConfig.class::isInstance)
                        .map(phase -> (UnionMoveSelectorConfig) ((LocalSearchPhaseConfig) phase).getMoveSelectorConfig())
                        .forEach(union -> {
                            List<MoveSelectorConfig> kept = new ArrayList<>(union.getMoveSelectorList());
                            kept.removeIf(move -> move instanceof MoveIteratorFactoryConfig factory
                                    && factory.getMoveIteratorFactoryClass() == PassMoveFactory.class);
                            union.setMoveSelectorList(kept);
                        });
            }
            SolverFactory<SeatingPlan> factory = SolverFactory.create(config);
            for (int seed = 0; seed < 6; seed++) {
                DayInput generated = DayGenerator.generate("d" + seed, LocalDate.of(2026, 12, 4),
                        ZoneId.of("Europe/London"), DayGenerator.Profile.RESTAURANT, 3 + seed % 4, 4 + 3 * seed, seed);
                for (DayInput day : List.of(generated, RandomDays.busyDayWithRules(seed, 3 + seed % 3, 5 + 2 * seed, 6))) {
                    long began = System.nanoTime();
                    factory.buildSolver().solve(SeatingPlanBuilder.build(day, SolveMode.REOPTIMIZE));
                    System.out.printf("PROBE pass=%s seed=%d bookings=%d %.2fs%n", withPass, seed,
                            day.bookings().size(), (System.nanoTime() - began) / 1e9);
                }
            }
        }
    }
}
