package org.tablesolver.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tablesolver.solver.model.DayInput;

class PlanCheckerTest {

    private static final Instant SEVEN_PM = Instant.parse("2026-12-04T19:00:00Z");

    /** T1 (2-4, main), T2 (2-4, main), T3 (2-4, bar, out of service), T1+T2 (5-8); 10 minutes buffer. */
    private static DayInput day(List<DayInput.Booking> bookings, List<DayInput.Hold> holds) {
        return new DayInput("r", BenchmarkDatasets.DATE, BenchmarkDatasets.ZONE, 10,
                List.of(new DayInput.Table("T1", "main", 2, 4, true), new DayInput.Table("T2", "main", 2, 4, true),
                        new DayInput.Table("T3", "bar", 2, 4, false)),
                List.of(new DayInput.Combination("T1+T2", List.of("T1", "T2"), 5, 8)), bookings, holds);
    }

    private static DayInput.Booking booking(String id, int minutesAfterSeven, int party, String requiredZone) {
        return DayInput.Booking.pending(id, SEVEN_PM.plusSeconds(60L * minutesAfterSeven), 90, party, null,
                requiredZone, 0);
    }

    @Test
    void aValidPlanHasNoViolations() {
        // B follows A on T1 exactly when A's 90 minutes and the 10 minute buffer are over.
        DayInput day = day(List.of(booking("A", 0, 2, null), booking("B", 100, 4, "main"), booking("C", 0, 3, null),
                booking("D", 200, 6, null)), List.of());

        assertThat(PlanChecker.violations(day, Map.of("A", "T1", "B", "T1", "C", "T2", "D", "T1+T2"))).isEmpty();
    }

    @Test
    void overlapsOnATableAreFoundAlsoThroughCombinations() {
        DayInput day = day(List.of(booking("A", 0, 2, null), booking("B", 99, 2, null), booking("C", 60, 6, null)),
                List.of());

        assertThat(PlanChecker.violations(day, Map.of("A", "T1", "B", "T1")))
                .containsExactly("A and B overlap on table T1");
        assertThat(PlanChecker.violations(day, Map.of("A", "T1", "C", "T1+T2")))
                .containsExactly("A and C overlap on table T1");
    }

    @Test
    void capacityZoneServiceHoldsAndUnknownIdsAreChecked() {
        DayInput.Hold hold = new DayInput.Hold("h1", "T2", SEVEN_PM.plusSeconds(3600), SEVEN_PM.plusSeconds(5400), "ref");
        DayInput day = day(List.of(booking("A", 0, 1, null), booking("B", 0, 2, "bar"), booking("C", 0, 2, null),
                booking("D", 0, 2, null)), List.of(hold));

        assertThat(PlanChecker.violations(day, Map.of("A", "T1", "B", "T2", "C", "T3", "D", "T9", "E", "T1")))
                .containsExactlyInAnyOrder("A: party of 1 on T1 (2-4 covers)", "B requires zone bar, table T2 is in main",
                        "B on held table T2", "C on out-of-service table T3", "D on unknown seating T9",
                        "unknown booking E");
    }
}
