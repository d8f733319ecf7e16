package org.tablesolver.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

/**
 * CI's smoke test of the benchmark suite: the quick mode (seed-day and S, every configuration) produces
 * the whole report, and no plan of any solver breaks a hard rule or beats CP-SAT's proven bound (which
 * would mean the two models disagree).
 */
@Tag("slow")
class BenchmarkQuickModeTest {

    @Test
    void quickModeWritesTheReportAndEveryPlanIsValid() throws Exception {
        Path dir = Path.of("target", "benchmark-quick");
        FileSystemUtils.deleteRecursively(dir);
        List<String> configs = BenchmarkOptions.shippedConfigs();
        BenchmarkOptions options = new BenchmarkOptions("quick", List.of(Tier.SEED_DAY, Tier.S), configs, true, dir);

        BenchmarkSuite.Outcome outcome = BenchmarkSuite.run(options);

        assertThat(outcome.rows()).extracting(row -> row.dataset().name()).containsExactly("seed-day/cafe-3",
                "seed-day/pub-1", "seed-day/finedining-5", "seed-day/finedining-4", "seed-day/pub-2", "S-normal",
                "S-overbooked");
        for (Results.Row row : outcome.rows()) {
            assertThat(row.reference().violations()).as("CP-SAT on %s", row.dataset().name()).isEmpty();
            assertThat(row.runs()).extracting(Results.Run::solver).containsExactlyElementsOf(configs);
            // Small days are timed again in turns with CP-SAT (both prove every one of them).
            assertThat(row.repeated().toProven()).as(row.dataset().name()).hasSize(BenchmarkSuite.TIMED_REPEATS)
                    .allSatisfy(seconds -> assertThat(seconds).isPositive());
            assertThat(row.repeated().cpSat()).as(row.dataset().name()).hasSize(BenchmarkSuite.TIMED_REPEATS);
            for (Results.Run run : concat(row.greedy(), row.runs())) {
                assertThat(run.violations()).as("%s on %s", run.solver(), row.dataset().name()).isEmpty();
                assertThat(run.seatedWeight()).as("%s on %s", run.solver(), row.dataset().name())
                        .isLessThanOrEqualTo(row.reference().bound());
            }
        }
        String markdown = Files.readString(outcome.summaryMarkdown());
        assertThat(markdown).contains("## Targets", "| S-overbooked |", "`default`",
                "over each day's median of %d timed solves in turns".formatted(BenchmarkSuite.TIMED_REPEATS));
        List<String> csv = Files.readAllLines(outcome.summaryCsv());
        assertThat(csv).hasSize(1 + outcome.rows().size());
        assertThat(csv.get(0)).contains("greedy_seated", "default_seconds_to_final_plan", "cpsat_bound",
                "default_ended_by");
        assertThat(markdown).contains("## How solves ended");
        for (Results.Row row : outcome.rows()) {
            for (Results.Run run : row.runs()) {
                assertThat(run.endedBy()).as("%s on %s", run.solver(), row.dataset().name()).isNotNull()
                        .isNotEqualTo(org.tablesolver.solver.EndedBy.TIME_LIMIT);
            }
        }
        assertThat(outcome.timefoldReport().toPath().resolve("index.html")).isRegularFile();
        assertThat(Files.readString(outcome.timefoldReport().toPath().resolve("problems.md")))
                .contains("| Problem_6 | S-overbooked |");
        try (var files = Files.list(dir.resolve("datasets"))) {
            assertThat(files.count()).isEqualTo(outcome.rows().size());
        }
    }

    private static List<Results.Run> concat(Results.Run first, List<Results.Run> rest) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(first), rest.stream()).toList();
    }
}
