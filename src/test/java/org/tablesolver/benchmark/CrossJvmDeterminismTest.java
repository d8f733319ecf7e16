package org.tablesolver.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import ai.timefold.solver.core.api.solver.Solver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * The same plan in another JVM: the benchmark's M day (in the build) and XL day (in the benchmark run, it takes a
 * minute or two per solve) solved on the production path (bound, search, polish) with {@code default}, here and
 * in a fresh JVM, must give identical plans. Nothing may depend on the clock, hash codes or thread timing.
 */
class CrossJvmDeterminismTest {

    @Test
    @Tag("slow")
    void theMDayGivesTheSamePlanInAnotherJvm() throws Exception {
        assertSamePlanInAnotherJvm("M-overbooked");
    }

    @Test
    @Tag("benchmark")
    void theXlDayGivesTheSamePlanInAnotherJvm() throws Exception {
        assertSamePlanInAnotherJvm("XL-overbooked");
    }

    private static void assertSamePlanInAnotherJvm(String dataset) throws Exception {
        String here = fingerprint(dataset);
        String there = inAnotherJvm(dataset);
        assertThat(there).isEqualTo(here);
        assertThat(here).contains("@"); // a plan that seats someone, not an empty answer on both sides
    }

    /** Run by the test in a fresh JVM: prints the fingerprint of the dataset's plan. */
    public static void main(String[] args) {
        System.out.println(fingerprint(args[0]));
    }

    static String fingerprint(String dataset) {
        Dataset day = BenchmarkDatasets.of(List.of(Tier.values())).stream()
                .filter(candidate -> candidate.name().equals(dataset)).findFirst().orElseThrow();
        SeatingSolver solver = new SeatingSolver(new SolverConfigs(Path.of("solver-config")));
        SeatingPlan problem = SeatingPlanBuilder.build(day.day(), SolveMode.PENDING_ONLY);
        SeatedWeightBound.Result bound = SeatedWeightBound.of(problem, 20, 1_000_000);
        SeatingPlan plan = solver.solve(problem, SolverConfigs.DEFAULT, bound, null, new SeatingSolver.Hooks() {
            @Override
            public boolean starting(Solver<SeatingPlan> timefold) {
                return true;
            }

            @Override
            public void ended(Solver<SeatingPlan> timefold) {
            }
        });
        return plan.getScore() + " bound " + bound.bound() + " " + plan.getBookings().stream()
                .filter(PlannedBooking::isSeated)
                .map(booking -> booking.getId() + "@" + booking.getSeating().getId())
                .collect(Collectors.joining(","));
    }

    private static String inAnotherJvm(String dataset) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx2g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(CrossJvmDeterminismTest.class.getName());
        command.add(dataset);
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(process.waitFor()).isZero();
        String[] lines = output.split("\n");
        return lines[lines.length - 1].trim();
    }
}
