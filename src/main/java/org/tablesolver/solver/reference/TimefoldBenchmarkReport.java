package org.tablesolver.solver.reference;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import ai.timefold.solver.benchmark.api.PlannerBenchmarkFactory;
import ai.timefold.solver.benchmark.config.PlannerBenchmarkConfig;
import ai.timefold.solver.benchmark.config.ProblemBenchmarksConfig;
import ai.timefold.solver.benchmark.config.SolverBenchmarkConfig;
import ai.timefold.solver.benchmark.config.statistic.ProblemStatisticType;
import ai.timefold.solver.benchmark.config.statistic.SingleStatisticType;
import ai.timefold.solver.core.config.solver.SolverConfig;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;

/**
 * Timefold's own benchmarker over days and configurations: its HTML report charts the best score over time, move
 * evaluation speed and the score per constraint. Its problems are the days in order; {@code problems.md} beside
 * its {@code index.html} names them. The configurations run as written (their own terminations, no bound).
 */
public final class TimefoldBenchmarkReport {

    /** A day under the name the report's {@code problems.md} gives it. */
    public record Problem(String name, DayInput day) {
    }

    /** A configuration under the name the report shows. */
    public record Contestant(String name, SolverConfig config) {
    }

    private TimefoldBenchmarkReport() {
    }

    /** Runs the benchmarker into {@code directory/timefold} and answers the report's folder ({@code index.html}). */
    public static Path run(List<Problem> problems, List<Contestant> contestants, Path directory) {
        List<SolverBenchmarkConfig> solverBenchmarks = new ArrayList<>();
        for (Contestant contestant : contestants) {
            solverBenchmarks.add(new SolverBenchmarkConfig().withName(contestant.name())
                    .withSolverConfig(contestant.config()));
        }
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig()
                .withBenchmarkDirectory(directory.resolve("timefold").toFile())
                .withSolverBenchmarkConfigList(solverBenchmarks);
        // One solve at a time: parallel solves would skew the speeds.
        config.setParallelBenchmarkCount("1");
        config.setWarmUpSecondsSpentLimit(5L);
        config.setInheritedSolverBenchmarkConfig(new SolverBenchmarkConfig().withProblemBenchmarksConfig(
                new ProblemBenchmarksConfig()
                        // no STEP_SCORE: the custom phases (exact small days, repair) leave some steps unscored
                        .withProblemStatisticTypes(ProblemStatisticType.BEST_SCORE,
                                ProblemStatisticType.MOVE_EVALUATION_SPEED)
                        .withSingleStatisticTypes(SingleStatisticType.CONSTRAINT_MATCH_TOTAL_BEST_SCORE)));
        List<SeatingPlan> plans = problems.stream()
                .map(problem -> SeatingPlanBuilder.build(problem.day(), SolveMode.PENDING_ONLY)).toList();
        File base = PlannerBenchmarkFactory.create(config).buildPlannerBenchmark(plans).benchmark();
        // The benchmarker answers its base folder and writes each run into a timestamped folder inside.
        Path report = newest(base.toPath());
        writeProblemNames(problems, report);
        return report;
    }

    private static Path newest(Path base) {
        try (Stream<Path> folders = Files.list(base)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("index.html")))
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow(() -> new IllegalStateException("No benchmark report in " + base));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The benchmarker names in-memory problems Problem_0, Problem_1...: this file says which is which. */
    private static void writeProblemNames(List<Problem> problems, Path report) {
        StringBuilder names = new StringBuilder("| problem | day | bookings | tables |\n| --- | --- | ---: | ---: |\n");
        for (int i = 0; i < problems.size(); i++) {
            Problem problem = problems.get(i);
            names.append("| Problem_%d | %s | %d | %d |\n".formatted(i, problem.name(),
                    problem.day().bookings().size(), problem.day().tables().size()));
        }
        try {
            Files.writeString(report.resolve("problems.md"), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
