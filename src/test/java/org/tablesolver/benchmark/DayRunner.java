package org.tablesolver.benchmark;

import org.tablesolver.solver.reference.GreedyBaseline;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.impl.solver.DefaultSolver;

import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.EndedBy;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.bound.SeatedWeightBound;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.model.SeatingScore;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolveMode;

/** Solves one day with a configuration, the greedy baseline or CP-SAT, and measures the run. */
final class DayRunner {

    private final SeatingSolver solver;

    DayRunner(SeatingSolver solver) {
        this.solver = solver;
    }

    Results.Run solve(DayInput day, String config) {
        long totalWeight = totalWeight(day);
        List<Results.Improvement> timeline = new ArrayList<>();
        try (HeapSampler heap = new HeapSampler()) {
            long began = System.nanoTime();
            SeatingPlan problem = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
            // The production path: the day's bound first, then a solve that stops when it reaches it.
            SeatedWeightBound.Result bound = SeatedWeightBound.of(problem, 20, 1_000_000);
            List<Solver<SeatingPlan>> solvers = new ArrayList<>();
            EndedBy[] endedBy = new EndedBy[1];
            SeatingPlan solved = solver.solve(problem, config, bound, event -> {
                BendableLongScore score = (BendableLongScore) event.getNewBestScore();
                if (score.isFeasible()) {
                    // Measured here, not by the event: the polish is a second solver whose clock starts at zero.
                    timeline.add(new Results.Improvement((System.nanoTime() - began) / 1e9,
                            totalWeight + SeatingScore.seatedBookings(score)));
                }
            }, new SeatingSolver.Hooks() {
                @Override
                public boolean starting(Solver<SeatingPlan> timefold) {
                    solvers.add(timefold);
                    return true;
                }

                @Override
                public void ended(Solver<SeatingPlan> timefold) {
                }

                @Override
                public void endedBy(EndedBy why) {
                    endedBy[0] = why;
                }
            });
            double total = (System.nanoTime() - began) / 1e9;
            // Timefold's public API has no move count; the implementation class has had it for many versions.
            long speed = solvers.get(0) instanceof DefaultSolver<SeatingPlan> defaultSolver
                    ? defaultSolver.getMoveEvaluationSpeed() : 0;
            double toFinal = timeline.isEmpty() ? total : timeline.get(timeline.size() - 1).seconds();
            SeatedWeightBound.Result proven = bound.provenBy(solved);
            return measured(config, day, solved, toFinal, total, speed, heap.peakBytes(), timeline, proven.bound(),
                    proven.proves(SeatedWeightBound.seatedWeight(solved)), endedBy[0]);
        }
    }

    Results.Run greedy(DayInput day) {
        try (HeapSampler heap = new HeapSampler()) {
            long began = System.nanoTime();
            SeatingPlan plan = GreedyBaseline.seat(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
            double seconds = (System.nanoTime() - began) / 1e9;
            return measured("greedy", day, plan, seconds, seconds, 0, heap.peakBytes(), null, null, false, null);
        }
    }

    static Results.Reference reference(DayInput day, Tier tier) {
        SeatingPlan plan = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
        CpSatReference.Result exact = CpSatReference.solve(plan, tier.cpSatLimit.toSeconds());
        SeatedWeightBound.Result relaxation = exact.optimal() || tier.lpLimit.isZero() ? null
                : SeatedWeightBound.of(plan, tier.lpLimit.toSeconds());
        return new Results.Reference(exact.status(), exact.seatedBookings(), exact.seatedWeight(), exact.seatedGuests(),
                exact.seatedWeightBound(), exact.seconds(),
                relaxation != null && relaxation.bound() != null ? relaxation.bound() : Long.MAX_VALUE,
                relaxation == null ? 0 : relaxation.seconds(), PlanChecker.violations(day, exact.seatingByBooking()));
    }

    static long totalWeight(DayInput day) {
        return day.bookings().stream().mapToLong(booking -> 1 + booking.priority()).sum();
    }

    private static Results.Run measured(String name, DayInput day, SeatingPlan plan, double toFinal, double total,
            long speed, long peakHeap, List<Results.Improvement> timeline, Long bound, boolean proven,
            EndedBy endedBy) {
        Map<String, String> seatingByBooking = new LinkedHashMap<>();
        int seated = 0;
        long weight = 0;
        long guests = 0;
        for (PlannedBooking booking : plan.getBookings()) {
            if (booking.getSeating() != null) {
                seatingByBooking.put(booking.getId(), booking.getSeating().getId());
                seated++;
                weight += booking.getSeatingWeight();
                guests += booking.getPartySize();
            }
        }
        // Without a timeline (greedy) the plan appears once, when the run ends.
        List<Results.Improvement> improvements = timeline != null ? List.copyOf(timeline)
                : List.of(new Results.Improvement(toFinal, weight));
        return new Results.Run(name, seated, weight, guests, toFinal, total, speed, peakHeap,
                PlanChecker.violations(day, seatingByBooking), improvements, bound, proven, endedBy);
    }
}
