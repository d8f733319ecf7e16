package org.tablesolver.solver.explain;

import org.tablesolver.solver.TestDays;

import org.tablesolver.solver.model.SeatingPlan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.solver.TestDays.seat;

import org.junit.jupiter.api.Test;
import org.tablesolver.solver.explain.UnseatedExplanation.Blocker;
import org.tablesolver.solver.explain.UnseatedExplanation.Code;

class UnseatedReasonsTest {

    private static TestDays room() {
        return TestDays.day().buffer(15)
                .table("T1", "main", 2, 4)
                .table("T2", "main", 2, 4)
                .table("G1", "garden", 2, 4)
                .combination("T1+T2", 5, 8, "T1", "T2");
    }

    private static UnseatedExplanation explain(SeatingPlan plan, String bookingId) {
        return new UnseatedReasons(plan).explain(TestDays.booking(plan, bookingId));
    }

    @Test
    void noSeatingForThePartySize() {
        SeatingPlan plan = room().booking("Big", "19:00", 120, 10).plan();
        UnseatedExplanation explanation = explain(plan, "Big");
        assertThat(explanation.code()).isEqualTo(Code.NO_SEATING_FOR_PARTY_SIZE);
        assertThat(explanation.reason()).contains("party of 10").contains("largest takes 8");
    }

    @Test
    void nothingOfThatSizeInTheRequiredZone() {
        SeatingPlan plan = room().booking("A", "19:00", 90, 6, null, "garden", 0).plan();
        UnseatedExplanation explanation = explain(plan, "A");
        assertThat(explanation.code()).isEqualTo(Code.NO_SEATING_IN_REQUIRED_ZONE);
        assertThat(explanation.reason()).contains("'garden'").contains("party of 6");
    }

    @Test
    void everyFittingSeatingTakenNamesTheBookingsAndHolds() {
        SeatingPlan plan = room()
                .booking("A", "19:00", 90, 2)
                .booking("B", "19:30", 90, 3)
                .booking("Late", "20:00", 60, 2)
                .booking("Early", "17:00", 60, 2)
                .hold("H1", "G1", "20:30", "21:00")
                .plan();
        seat(plan, "A", "T1");
        seat(plan, "B", "T2");
        seat(plan, "Early", "G1");
        seat(plan, "Late", null);
        UnseatedExplanation explanation = explain(plan, "Late");
        assertThat(explanation.code()).isEqualTo(Code.ALL_FITTING_SEATINGS_TAKEN);
        assertThat(explanation.blockers()).containsExactly(
                new Blocker("T1", java.util.List.of("A"), java.util.List.of(), false),
                new Blocker("T2", java.util.List.of("B"), java.util.List.of(), false),
                new Blocker("G1", java.util.List.of(), java.util.List.of("H1"), false));
        assertThat(explanation.reason()).contains("T1 by A").contains("T2 by B").contains("G1 held (H1)")
                .contains("20:00–21:15");
    }

    @Test
    void combinationTakenThroughItsMemberTable() {
        SeatingPlan plan = room().booking("Six", "19:00", 90, 6).booking("Pair", "18:30", 90, 2).plan();
        seat(plan, "Pair", "T2");
        UnseatedExplanation explanation = explain(plan, "Six");
        assertThat(explanation.code()).isEqualTo(Code.ALL_FITTING_SEATINGS_TAKEN);
        assertThat(explanation.blockers()).containsExactly(
                new Blocker("T1+T2", java.util.List.of("Pair"), java.util.List.of(), false));
    }

    @Test
    void aReasonNamesTheFewSeatingsEasiestToFreeAndBlockersListEveryOne() {
        // Eight tables for two, all taken at 19:00: T1-T5 by two bookings each, T6 by one, T7 by a hold, T8 out of
        // service. The reason names five: the two least in the way (T6, T7), then the first three of the rest in
        // floor order (T1-T3), and says how many more; blockers names all eight.
        TestDays day = TestDays.day().buffer(0);
        for (int t = 1; t <= 7; t++) {
            day.table("T" + t, "main", 1, 2);
        }
        day.outOfServiceTable("T8", "main", 1, 2).booking("Late", "19:00", 60, 2).hold("H7", "T7", "19:00", "20:00");
        for (int t = 1; t <= 5; t++) {
            day.booking("E" + t, "18:00", 75, 2).booking("L" + t, "19:30", 60, 2);
        }
        day.booking("E6", "18:30", 60, 2);
        SeatingPlan plan = day.plan();
        for (int t = 1; t <= 5; t++) {
            seat(plan, "E" + t, "T" + t);
            seat(plan, "L" + t, "T" + t);
        }
        seat(plan, "E6", "T6");
        seat(plan, "Late", null);
        UnseatedExplanation explanation = explain(plan, "Late");
        assertThat(explanation.code()).isEqualTo(Code.ALL_FITTING_SEATINGS_TAKEN);
        assertThat(explanation.blockers()).hasSize(8);
        assertThat(explanation.reason()).contains("T1 by E1, L1; T2 by E2, L2; T3 by E3, L3; T6 by E6; T7 held (H7)")
                .contains("; and 3 more (see blockers)").doesNotContain("T4").doesNotContain("T8");
    }

    @Test
    void everythingFittingOutOfService() {
        SeatingPlan plan = TestDays.day()
                .table("T1", "main", 2, 4).outOfServiceTable("T9", "main", 6, 8)
                .booking("Six", "19:00", 90, 6).plan();
        UnseatedExplanation explanation = explain(plan, "Six");
        assertThat(explanation.code()).isEqualTo(Code.ALL_FITTING_SEATINGS_OUT_OF_SERVICE);
        assertThat(explanation.reason()).contains("T9");
    }

    @Test
    void aFreeSeatingIsReportedAsAnUnfinishedSolve() {
        SeatingPlan plan = room().booking("A", "19:00", 90, 2).plan();
        UnseatedExplanation explanation = explain(plan, "A");
        assertThat(explanation.code()).isEqualTo(Code.FREE_SEATING_NOT_USED);
        assertThat(explanation.reason()).contains("T1");
    }

    @Test
    void aBackToBackNeighbourDoesNotBlock() {
        SeatingPlan plan = room().booking("A", "17:00", 105, 2).booking("B", "19:00", 90, 2).plan();
        seat(plan, "A", "T1");
        UnseatedExplanation explanation = explain(plan, "B");
        // A occupies T1 until 19:00 (105 minutes + 15 buffer): T1 is free for B.
        assertThat(explanation.code()).isEqualTo(Code.FREE_SEATING_NOT_USED);
    }
}
