package org.tablesolver.solver.model;

import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.TestDays;


import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.solver.TestDays.booking;
import static org.tablesolver.solver.TestDays.seating;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class SeatingPlanBuilderTest {

    private static TestDays room() {
        return TestDays.day().buffer(10)
                .table("T1", "main", 2, 4)
                .table("T2", "main", 2, 4)
                .outOfServiceTable("T3", "main", 2, 4)
                .table("G1", "garden", 1, 2)
                .table("G2", "garden", 5, 8)
                .combination("T1+T2", 5, 8, "T1", "T2")
                .combination("T2+T3", 5, 8, "T2", "T3");
    }

    @Test
    void valueRangeHoldsOnlySeatingsThatFitInServiceAndInTheRequiredZone() {
        SeatingPlan plan = room()
                .booking("two", "19:00", 90, 2)
                .booking("six", "19:00", 90, 6)
                .booking("sixInGarden", "19:00", 90, 6, null, "garden", 0)
                .booking("twelve", "19:00", 90, 12)
                .plan();
        // Smallest first, single tables before combinations of the same size.
        assertThat(booking(plan, "two").getFittingSeatings()).extracting(Seating::getId).containsExactly("G1", "T1", "T2");
        assertThat(booking(plan, "six").getFittingSeatings()).extracting(Seating::getId)
                .containsExactly("G2", "T1+T2");
        assertThat(booking(plan, "sixInGarden").getFittingSeatings()).extracting(Seating::getId).containsExactly("G2");
        assertThat(booking(plan, "twelve").getFittingSeatings()).isEmpty();
    }

    @Test
    void occupiedIntervalIncludesTheTurnoverBuffer() {
        SeatingPlan plan = room().booking("A", "19:30", 90, 2).plan();
        assertThat(booking(plan, "A").getStart()).isEqualTo(19 * 60 + 30);
        assertThat(booking(plan, "A").getEnd()).isEqualTo(19 * 60 + 30 + 90 + 10);
    }

    @Test
    void minutesCountElapsedTimeAcrossTheSpringDaylightSavingChange() {
        // Europe/London skips 01:00-02:00 on 2026-03-29: 19:00 local is 18 hours after local midnight.
        SeatingPlan plan = room().on(LocalDate.of(2026, 3, 29)).booking("A", "19:00", 90, 2)
                .hold("H", "T1", "12:00", "12:30").plan();
        assertThat(booking(plan, "A").getStart()).isEqualTo(18 * 60);
        assertThat(TestDays.block(plan, "H").start()).isEqualTo(11 * 60);
        assertThat(TestDays.block(plan, "H").end()).isEqualTo(11 * 60 + 30);
    }

    @Test
    void lateServiceAfterMidnightCountsOnFromTheServiceDate() {
        SeatingPlan plan = room().booking("A", "23:30", 60, 2).plan();
        assertThat(booking(plan, "A").getStart()).isEqualTo(23 * 60 + 30);
        assertThat(booking(plan, "A").getEnd()).isEqualTo(23 * 60 + 30 + 70);
    }

    @Test
    void combinationsShareTablesWithTheirMembersAndWithEachOther() {
        SeatingPlan plan = room().plan();
        Seating t1 = seating(plan, "T1");
        Seating t2 = seating(plan, "T2");
        Seating t12 = seating(plan, "T1+T2");
        Seating t23 = seating(plan, "T2+T3");
        assertThat(t12.sharesTableWith(t1)).isTrue();
        assertThat(t12.sharesTableWith(t23)).isTrue();
        assertThat(t23.sharesTableWith(t1)).isFalse();
        assertThat(t1.sharesTableWith(t2)).isFalse();
        assertThat(t1.getCluster()).isEqualTo(t23.getCluster());
        assertThat(seating(plan, "G1").getCluster()).isNotEqualTo(t1.getCluster());
        assertThat(t23.isInService()).isFalse();
        assertThat(t12.getZoneId()).isEqualTo("main");
    }

    @Test
    void pinsFollowTheStateAndTheMode() {
        TestDays day = room()
                .booking("P", "19:00", 90, 2)
                .confirmed("C", "19:00", 90, 2, "T1", "T1")
                .seated("S", "19:00", 90, 2, "T2", "T2");
        SeatingPlan pendingOnly = day.plan(SolveMode.PENDING_ONLY);
        SeatingPlan reoptimize = day.plan(SolveMode.REOPTIMIZE);

        assertThat(booking(pendingOnly, "P").isPinned()).isFalse();
        assertThat(booking(pendingOnly, "C").isPinned()).isTrue();
        assertThat(booking(pendingOnly, "S").isPinned()).isTrue();
        assertThat(booking(reoptimize, "C").isPinned()).isFalse();
        assertThat(booking(reoptimize, "C").isMustStaySeated()).isTrue();
        assertThat(booking(reoptimize, "S").isPinned()).isTrue();
        assertThat(booking(reoptimize, "C").getSeating().getId()).isEqualTo("T1");
        assertThat(booking(reoptimize, "C").getOriginalSeating().getId()).isEqualTo("T1");
        assertThat(booking(reoptimize, "P").getSeating()).isNull();
    }

    @Test
    void confirmedTablesThatNoLongerFormASeatingKeepThemAsAssigned() {
        SeatingPlan plan = room().confirmed("C", "19:00", 90, 4, "gone", "T1", "G1").plan(SolveMode.REOPTIMIZE);
        Seating kept = booking(plan, "C").getSeating();
        assertThat(kept.getTableIds()).containsExactly("T1", "G1");
        assertThat(kept.sharesTableWith(seating(plan, "T1"))).isTrue();
        assertThat(kept.sharesTableWith(seating(plan, "G1"))).isTrue();
        assertThat(booking(plan, "C").getFittingSeatings()).contains(kept);
    }
}
