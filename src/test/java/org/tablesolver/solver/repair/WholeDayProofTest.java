package org.tablesolver.solver.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import ai.timefold.solver.core.api.solver.Solver;
import org.junit.jupiter.api.Test;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.solver.bound.SeatedWeightBound;

/**
 * A day the relaxation cannot prove is proven by the repair's whole-day piece: CP-SAT's optimum of a piece that frees
 * every booking that may move is the day's optimum, so the solve reports it as its bound, stops there and says it is
 * proven. Every such proof is checked against CP-SAT's own optimum of the whole day (two workers, no pieces).
 */
class WholeDayProofTest {

    private final SeatingSolver solver = new SeatingSolver(new SolverConfigs(Path.of("solver-config")));

    private static final SeatingSolver.Hooks RUN = new SeatingSolver.Hooks() {
        @Override
        public boolean starting(Solver<SeatingPlan> solver) {
            return true;
        }

        @Override
        public void ended(Solver<SeatingPlan> solver) {
        }
    };

    /**
     * Two triangles of tables, each pair of a triangle joined as a combination, and six parties of 6 at the same time
     * that only combinations seat: a triangle seats one party (any two of its combinations share a table), but the
     * relaxation seats half a party on each of its three combinations, 1.5 a triangle.
     */
    static DayInput twoTriangles() {
        List<DayInput.Table> tables = new ArrayList<>();
        for (int t = 1; t <= 6; t++) {
            tables.add(new DayInput.Table("T" + t, "main", 1, 4, true));
        }
        List<DayInput.Combination> combinations = new ArrayList<>();
        for (int[] pair : new int[][] {{1, 2}, {2, 3}, {1, 3}, {4, 5}, {5, 6}, {4, 6}}) {
            combinations.add(new DayInput.Combination("C" + pair[0] + pair[1], List.of("T" + pair[0], "T" + pair[1]), 5,
                    8));
        }
        List<DayInput.Booking> bookings = new ArrayList<>();
        for (int b = 1; b <= 6; b++) {
            bookings.add(DayInput.Booking.pending("B" + b, Instant.parse("2026-12-04T19:00:00Z"), 90, 6, null, null, 0));
        }
        return new DayInput("triangles", LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"), 0, tables, combinations,
                bookings, List.of());
    }

    @Test
    void aDayWithAGapBelowItsRelaxationIsProvenByItsWholeDayPiece() {
        DayInput day = twoTriangles();
        SeatingPlan problem = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
        SeatedWeightBound.Result relaxation = SeatedWeightBound.of(problem, 5);
        assertThat(relaxation.bound()).as("the relaxation's bound").isEqualTo(3);

        SeatingPlan solved = solver.solve(problem, SolverConfigs.DEFAULT, relaxation, null, RUN);

        CpSatReference.Result exact = CpSatReference.solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY), 30);
        assertThat(exact.optimal()).isTrue();
        assertThat(exact.seatedWeight()).isEqualTo(2);
        assertThat(SeatedWeightBound.seatedWeight(solved)).isEqualTo(exact.seatedWeight());
        SeatedWeightBound.Result proven = relaxation.provenBy(solved);
        assertThat(proven.bound()).as("the bound the solve reports").isEqualTo(exact.seatedWeight());
        assertThat(proven.proves(SeatedWeightBound.seatedWeight(solved))).isTrue();
        assertThat(proven.gapPercent(SeatedWeightBound.seatedWeight(solved))).isZero();
        assertThat(SeatingSolver.proven(solved)).isTrue();
    }

    /**
     * Days of two or three triangles with more parties of 6 than they seat, at staggered times, beside parties of 2 on
     * single tables: every one has a gap below its relaxation, and every proof must be CP-SAT's optimum.
     */
    @Test
    void everyProofOfATriangleDayIsCpSatsOptimum() {
        for (int triangles = 2; triangles <= 3; triangles++) {
            for (int extra = 0; extra <= 1; extra++) {
                DayInput day = triangles(triangles, extra);
                SeatingPlan problem = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
                SeatedWeightBound.Result relaxation = SeatedWeightBound.of(problem, 5);
                SeatingPlan solved = solver.solve(problem, SolverConfigs.DEFAULT, relaxation, null, RUN);
                CpSatReference.Result exact = CpSatReference.solve(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY),
                        30);
                String name = triangles + " triangle(s), " + extra + " more";
                assertThat(exact.optimal()).as(name).isTrue();
                assertThat(relaxation.bound()).as("%s: a gap below the relaxation", name)
                        .isGreaterThan(exact.seatedWeight());
                SeatedWeightBound.Result reported = relaxation.provenBy(solved);
                assertThat(SeatedWeightBound.seatedWeight(solved)).as(name).isEqualTo(exact.seatedWeight());
                assertThat(reported.bound()).as("%s: the proven bound", name).isEqualTo(exact.seatedWeight());
            }
        }
    }

    /** {@code count} triangles as in {@link #twoTriangles()}, 2 + {@code extra} parties of 6 each, and tables for 2. */
    static DayInput triangles(int count, int extra) {
        List<DayInput.Table> tables = new ArrayList<>();
        List<DayInput.Combination> combinations = new ArrayList<>();
        List<DayInput.Booking> bookings = new ArrayList<>();
        Instant seven = Instant.parse("2026-12-04T19:00:00Z");
        for (int t = 0; t < count; t++) {
            String a = "T" + t + "a";
            String b = "T" + t + "b";
            String c = "T" + t + "c";
            for (String id : List.of(a, b, c)) {
                tables.add(new DayInput.Table(id, "main", 1, 4, true));
            }
            combinations.add(new DayInput.Combination("C" + t + "ab", List.of(a, b), 5, 8));
            combinations.add(new DayInput.Combination("C" + t + "bc", List.of(b, c), 5, 8));
            combinations.add(new DayInput.Combination("C" + t + "ac", List.of(a, c), 5, 8));
            tables.add(new DayInput.Table("S" + t, "main", 1, 2, true));
        }
        for (int p = 0; p < count * (2 + extra); p++) {
            bookings.add(DayInput.Booking.pending("P" + p, seven.plusSeconds(60L * 5 * (p % 3)), 90, 6, null, null, 0));
        }
        for (int p = 0; p < count * 2; p++) {
            bookings.add(DayInput.Booking.pending("Q" + p, seven.plusSeconds(60L * 45 * p), 60, 2, null, null, 0));
        }
        return new DayInput("triangles-" + count + "-" + extra, LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"), 0,
                tables, combinations, bookings, List.of());
    }
}
