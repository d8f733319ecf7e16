package org.tablesolver.benchmark;

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

import org.tablesolver.solver.SeatingPlan;
import org.tablesolver.solver.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;

/**
 * Timefold's own benchmarker over the same datasets and configurations: its HTML report charts best
 * score over time, move evaluation speed and the score per constraint. Its problems are the summary's
 * rows in order; {@code problems.md} beside its {@code index.html} names them.
 */
final class TimefoldReport {

    private TimefoldReport() {
    }

    /** Runs the benchmarker and answers the folder of its report ({@code index.html} inside). */
    static File run(List<Dataset> datasets, List<String> configNames, SolverConfigs configs, Path reportDir) {
        List<SolverBenchmarkConfig> solverBenchmarks = new ArrayList<>();
        for (String name : configNames) {
            solverBenchmarks.add(new SolverBenchmarkConfig().withName(name).withSolverConfig(configs.load(name)));
        }
        PlannerBenchmarkConfig config = new PlannerBenchmarkConfig()
                .withBenchmarkDirectory(reportDir.resolve("timefold").toFile())
                .withSolverBenchmarkConfigList(solverBenchmarks);
        // One solve at a time: these machines have two cores, and parallel solves would skew the speeds.
        config.setParallelBenchmarkCount("1");
        config.setWarmUpSecondsSpentLimit(5L);
        config.setInheritedSolverBenchmarkConfig(new SolverBenchmarkConfig().withProblemBenchmarksConfig(
                new ProblemBenchmarksConfig()
                        .withProblemStatisticTypes(ProblemStatisticType.BEST_SCORE, ProblemStatisticType.STEP_SCORE,
                                ProblemStatisticType.MOVE_EVALUATION_SPEED)
                        .withSingleStatisticTypes(SingleStatisticType.CONSTRAINT_MATCH_TOTAL_BEST_SCORE)));
        List<SeatingPlan> problems = datasets.stream()
                .map(dataset -> SeatingPlanBuilder.build(dataset.day(), SolveMode.PENDING_ONLY))
                .toList();
        File benchmarkDirectory = PlannerBenchmarkFactory.create(config).buildPlannerBenchmark(problems).benchmark();
        // The benchmarker answers its base folder and writes each run into a timestamped folder inside.
        Path report = newestReport(benchmarkDirectory.toPath());
        writeProblemNames(datasets, report);
        return report.toFile();
    }

    private static Path newestReport(Path benchmarkDirectory) {
        try (Stream<Path> folders = Files.list(benchmarkDirectory)) {
            return folders.filter(folder -> Files.isRegularFile(folder.resolve("index.html")))
                    .max(Comparator.comparing(Path::getFileName))
                    .orElseThrow(() -> new IllegalStateException("No benchmark report in " + benchmarkDirectory));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The benchmarker names in-memory problems Problem_0, Problem_1...: this file says which is which. */
    private static void writeProblemNames(List<Dataset> datasets, Path report) {
        StringBuilder names = new StringBuilder("| problem | dataset | bookings | tables |\n| --- | --- | ---: | ---: |\n");
        for (int i = 0; i < datasets.size(); i++) {
            Dataset dataset = datasets.get(i);
            names.append("| Problem_%d | %s | %d | %d |\n".formatted(i, dataset.name(), dataset.bookings(),
                    dataset.tables()));
        }
        try {
            Files.writeString(report.resolve("problems.md"), names);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
