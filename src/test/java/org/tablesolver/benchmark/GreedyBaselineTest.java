package org.tablesolver.benchmark;

import org.tablesolver.solver.reference.GreedyBaseline;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;

class GreedyBaselineTest {

    private static final Instant SEVEN_PM = Instant.parse("2026-12-04T19:00:00Z");

    private static Map<String, String> seat(List<DayInput.Booking> bookings) {
        DayInput day = new DayInput("r", BenchmarkDatasets.DATE, BenchmarkDatasets.ZONE, 0,
                List.of(new DayInput.Table("W1", "window", 1, 2, true), new DayInput.Table("M1", "main", 1, 2, true),
                        new DayInput.Table("M4", "main", 2, 4, true)),
                List.of(), bookings, List.of());
        SeatingPlan plan = GreedyBaseline.seat(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
        Map<String, String> seatings = seatings(plan);
        Map<String, String> seated = new LinkedHashMap<>(seatings);
        seated.values().removeIf("-"::equals);
        assertThat(PlanChecker.violations(day, seated)).isEmpty();
        return seatings;
    }

    private static Map<String, String> seatings(SeatingPlan plan) {
        Map<String, String> seatings = new LinkedHashMap<>();
        for (PlannedBooking booking : plan.getBookings()) {
            seatings.put(booking.getId(), booking.getSeating() == null ? "-" : booking.getSeating().getId());
        }
        return seatings;
    }

    private static DayInput.Booking booking(String id, int party, String preferredZone) {
        return DayInput.Booking.pending(id, SEVEN_PM, 90, party, preferredZone, null, 0);
    }

    @Test
    void takesTheSmallestFreeFittingTablePreferredZoneFirst() {
        assertThat(seat(List.of(booking("A", 2, "main"), booking("B", 2, null), booking("C", 2, null))))
                .containsExactly(Map.entry("A", "M1"), Map.entry("B", "W1"), Map.entry("C", "M4"));
    }

    @Test
    void firstComeFirstServedEvenWhenThatSeatsFewer() {
        // A party of two arriving first takes the 4-top once the 2-tops are gone; the four arriving later is left
        // without a table, where a whole-day plan would seat both.
        Map<String, String> seated = seat(List.of(booking("A", 2, null), booking("B", 2, null), booking("C", 2, null),
                booking("D", 4, null)));

        assertThat(seated).containsEntry("C", "M4").containsEntry("D", "-");
    }
}
