package org.tablesolver.benchmark;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tablesolver.importing.ImportedDays;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolverConfigs;

/**
 * Runs the benchmark suite: for each dataset the greedy baseline, CP-SAT and every configuration, then
 * Timefold's benchmarker, and writes everything into the report folder:
 * {@code summary.md}, {@code summary.csv}, {@code timefold/} (HTML) and {@code datasets/} (import JSON).
 */
final class BenchmarkSuite {

    private static final Logger LOG = LoggerFactory.getLogger(BenchmarkSuite.class);

    /** What a run produced. */
    record Outcome(List<Results.Row> rows, Path summaryMarkdown, Path summaryCsv, File timefoldReport) {
    }

    private BenchmarkSuite() {
    }

    static Outcome run(BenchmarkOptions options) throws IOException {
        SolverConfigs configs = new SolverConfigs(BenchmarkOptions.CONFIG_DIR);
        options.configs().forEach(configs::load); // an unknown name fails now, not after an hour of solving
        DayRunner runner = new DayRunner(new SeatingSolver(configs));
        List<Dataset> datasets = BenchmarkDatasets.of(options.tiers());
        Files.createDirectories(options.reportDir());
        writeDatasets(datasets, options.reportDir().resolve("datasets"));

        warmUp(runner, options.configs());
        List<Results.Row> rows = new ArrayList<>();
        for (Dataset dataset : datasets) {
            DayInput day = dataset.day();
            LOG.info("Benchmarking {}: {} bookings, {} tables", dataset.name(), dataset.bookings(), dataset.tables());
            Results.Run greedy = runner.greedy(day);
            Results.Reference reference = DayRunner.reference(day, dataset.tier());
            LOG.info("{}: greedy seats {}, CP-SAT {} seats {} (bound {})", dataset.name(), greedy.seatedBookings(),
                    reference.status(), reference.seatedBookings(), reference.bound());
            List<Results.Run> runs = new ArrayList<>();
            for (String config : options.configs()) {
                Results.Run run = runner.solve(day, config);
                LOG.info("{} / {}: seats {} (weight {}), final plan at {} s", dataset.name(), config,
                        run.seatedBookings(), run.seatedWeight(), "%.2f".formatted(run.secondsToFinalPlan()));
                runs.add(run);
            }
            Results.Repeated repeated = dataset.tier() == Tier.SEED_DAY || dataset.tier() == Tier.S
                    ? repeat(runner, dataset) : null;
            rows.add(new Results.Row(dataset, DayRunner.totalWeight(day),
                    day.bookings().stream().mapToLong(DayInput.Booking::partySize).sum(), reference, greedy, runs,
                    repeated));
        }
        SummaryReport summary = new SummaryReport(options, rows);
        Path markdown = options.reportDir().resolve("summary.md");
        Path csv = options.reportDir().resolve("summary.csv");
        Files.writeString(markdown, summary.markdown());
        Files.writeString(csv, summary.csv());
        LOG.info("Summary written to {}", markdown.toAbsolutePath());

        File timefold = null;
        if (options.timefoldReport()) {
            timefold = TimefoldReport.run(datasets, options.configs(), configs, options.reportDir());
            LOG.info("Timefold benchmark report written to {}", timefold.toPath().resolve("index.html").toAbsolutePath());
        }
        return new Outcome(rows, markdown, csv, timefold);
    }

    /** How often the seed-day and S days' proofs are timed, for the recommended configuration and for CP-SAT. */
    static final int TIMED_REPEATS = 7;

    /**
     * The recommended configuration and CP-SAT on one small day, {@link #TIMED_REPEATS} times each, in turns (ours,
     * CP-SAT, ours, ...) so that both meet the same state of the JVM and the machine: one solve of a few
     * milliseconds is mostly noise (a collection, a compilation, another process), and the tier's comparison takes
     * each day's median of these instead.
     */
    private static Results.Repeated repeat(DayRunner runner, Dataset dataset) {
        List<Double> ours = new ArrayList<>();
        List<Double> cpSat = new ArrayList<>();
        for (int i = 0; i < TIMED_REPEATS; i++) {
            Results.Run run = runner.solve(dataset.day(), dataset.tier().recommendedConfig);
            ours.add(run.proven() ? run.secondsToProven() : run.secondsTotal());
            Results.Reference reference = DayRunner.reference(dataset.day(), dataset.tier());
            if (reference.optimal()) {
                cpSat.add(reference.seconds());
            }
        }
        return new Results.Repeated(ours, cpSat);
    }

    /** Untimed rounds over the seed day's restaurants before anything is measured. */
    static final int WARM_UP_ROUNDS = 3;

    /**
     * Timings are for a warm JVM, as a running service has: every configuration, the greedy baseline and CP-SAT
     * solve each of the seed day's restaurants {@link #WARM_UP_ROUNDS} times, untimed, first. One solve was not
     * enough: the seed day's solves take a few milliseconds, and the first timed ones still ran half-compiled code
     * (the run of 2026-12-03 19:06 UTC measured 23 ms where a warm JVM takes 7-9 ms).
     */
    private static void warmUp(DayRunner runner, List<String> configs) {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (DayInput day : BenchmarkDatasets.seedDay()) {
                for (String config : configs) {
                    runner.solve(day, config);
                }
                runner.greedy(day);
                DayRunner.reference(day, Tier.SEED_DAY);
            }
        }
    }

    private static void writeDatasets(List<Dataset> datasets, Path folder) throws IOException {
        Files.createDirectories(folder);
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
        for (Dataset dataset : datasets) {
            Path file = folder.resolve(dataset.name().replace('/', '_') + ".json");
            json.writeValue(file.toFile(), ImportedDays.toDocument(List.of(dataset.day())));
        }
    }
}
