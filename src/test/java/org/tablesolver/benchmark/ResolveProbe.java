package org.tablesolver.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.solver.bound.SeatedWeightBound;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;

/**
 * A probe (benchmarks/README.md, never part of the build): a day solved once, its seated bookings confirmed where the
 * solve put them and the rest left pending, then solved again with nothing new it can place, as a second press of
 * Solve does: time, weight and ending of the second solve per configuration. {@code -Dprobe.tiers=L}
 * {@code -Dprobe.configs=construction-only,default}.
 */
@Tag("experiment")
class ResolveProbe {

    @Test
    void probe() {
        List<Tier> tiers = Arrays.stream(System.getProperty("probe.tiers", "L").split(","))
                .map(label -> Tier.of(label.trim())).toList();
        List<String> configs = List.of(System.getProperty("probe.configs", "construction-only,default").split(","));
        SeatingSolver solver = new SeatingSolver(new SolverConfigs(java.nio.file.Path.of("solver-config")));
        DayRunner runner = new DayRunner(solver);
        for (Dataset dataset : BenchmarkDatasets.of(tiers)) {
            for (String config : configs) {
                DayInput day = dataset.day();
                SeatingPlan problem = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
                SeatingPlan first = solver.solve(problem, config, SeatedWeightBound.of(problem, 20, 1_000_000), null,
                        new SeatingSolver.Hooks() {
                            @Override
                            public boolean starting(ai.timefold.solver.core.api.solver.Solver<SeatingPlan> timefold) {
                                return true;
                            }

                            @Override
                            public void ended(ai.timefold.solver.core.api.solver.Solver<SeatingPlan> timefold) {
                            }
                        });
                Map<String, PlannedBooking> solved = first.getBookings().stream()
                        .collect(Collectors.toMap(PlannedBooking::getId, b -> b));
                List<DayInput.Booking> after = new ArrayList<>();
                for (DayInput.Booking booking : day.bookings()) {
                    PlannedBooking planned = solved.get(booking.id());
                    after.add(planned != null && planned.isSeated()
                            ? new DayInput.Booking(booking.id(), booking.start(), booking.durationMinutes(),
                            booking.partySize(), booking.preferredZone(), booking.requiredZone(), booking.priority(),
                            BookingState.CONFIRMED, planned.getSeating().getId(), planned.getSeating().getTableIds())
                            : booking);
                }
                Results.Run again = runner.solve(day.withBookings(after), config);
                System.out.printf("PROBE %s %s second solve: weight=%d endedBy=%s total=%.2fs%n", dataset.name(),
                        config, again.seatedWeight(), again.endedBy(), again.secondsTotal());
            }
        }
    }
}
