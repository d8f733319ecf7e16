package org.tablesolver.solver;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;

import static org.tablesolver.solver.TestDays.block;
import static org.tablesolver.solver.TestDays.seat;

import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every constraint, with cases that must match and cases that must not. */
class SeatingConstraintsTest {

    private final ConstraintVerifier<SeatingConstraints, SeatingPlan> verifier =
            ConstraintVerifier.build(new SeatingConstraints(), SeatingPlan.class, PlannedBooking.class);

    /** Main room: T1, T2 (2–4) combinable as T1+T2 (5–8), T3 (2–4); garden G1 (2–6). Buffer 15 minutes. */
    private static TestDays room() {
        return TestDays.day().buffer(15)
                .table("T1", "main", 2, 4)
                .table("T2", "main", 2, 4)
                .table("T3", "main", 2, 4)
                .table("G1", "garden", 2, 6)
                .combination("T1+T2", 5, 8, "T1", "T2")
                .combination("T2+T3", 5, 8, "T2", "T3");
    }

    @Nested
    class TableDoubleBooked {

        @Test
        void overlappingBookingsOnOneTableClash() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).booking("B", "20:00", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", "T1"))
                    .penalizesBy(1);
        }

        @Test
        void backToBackIncludingTheBufferDoesNotClash() {
            // A occupies 19:00–20:45 (90 minutes + 15 buffer); B starts exactly then.
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).booking("B", "20:45", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", "T1"))
                    .penalizesBy(0);
        }

        @Test
        void oneMinuteIntoTheBufferClashes() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).booking("B", "20:44", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", "T1"))
                    .penalizesBy(1);
        }

        @Test
        void combinationClashesWithItsOwnMemberTable() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 6).booking("B", "19:30", 60, 2).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(seat(plan, "A", "T1+T2"), seat(plan, "B", "T2"))
                    .penalizesBy(1);
        }

        @Test
        void combinationsSharingOneTableClash() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 6).booking("B", "19:30", 60, 6).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(seat(plan, "A", "T1+T2"), seat(plan, "B", "T2+T3"))
                    .penalizesBy(1);
        }

        @Test
        void combinationDoesNotClashWithATableOutsideIt() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 6).booking("B", "19:30", 60, 2).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(seat(plan, "A", "T1+T2"), seat(plan, "B", "T3"))
                    .penalizesBy(0);
        }

        @Test
        void differentTablesAtTheSameTimeDoNotClash() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).booking("B", "19:00", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", "T3"))
                    .penalizesBy(0);
        }

        @Test
        void aPinnedSeatedBookingStillClashes() {
            SeatingPlan plan = room().seated("S", "19:00", 120, 2, "T1", "T1").booking("B", "20:00", 60, 2).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(TestDays.booking(plan, "S"), seat(plan, "B", "T1"))
                    .penalizesBy(1);
        }

        @Test
        void unseatedBookingsNeverClash() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).booking("B", "19:00", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::tableDoubleBooked)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", null))
                    .penalizesBy(0);
        }
    }

    @Nested
    class PartyDoesNotFit {

        @Test
        void partyLargerThanTheTable() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 6).plan();
            verifier.verifyThat(SeatingConstraints::partyDoesNotFit).given(seat(plan, "A", "T1")).penalizesBy(1);
        }

        @Test
        void partySmallerThanTheMinimumCovers() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 3).plan();
            verifier.verifyThat(SeatingConstraints::partyDoesNotFit).given(seat(plan, "A", "T1+T2")).penalizesBy(1);
        }

        @Test
        void partyWithinMinimumAndMaximum() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 4).booking("B", "19:00", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::partyDoesNotFit)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", "T3"))
                    .penalizesBy(0);
        }
    }

    @Nested
    class RequiredZone {

        @Test
        void seatedOutsideTheRequiredZone() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2, null, "garden", 0).plan();
            verifier.verifyThat(SeatingConstraints::requiredZone).given(seat(plan, "A", "T1")).penalizesBy(1);
        }

        @Test
        void seatedInTheRequiredZone() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2, null, "garden", 0).plan();
            verifier.verifyThat(SeatingConstraints::requiredZone).given(seat(plan, "A", "G1")).penalizesBy(0);
        }

        @Test
        void noRequiredZoneNeverMatches() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::requiredZone).given(seat(plan, "A", "T1")).penalizesBy(0);
        }

        @Test
        void combinationAcrossZonesIsInNoZone() {
            SeatingPlan plan = TestDays.day()
                    .table("T1", "main", 2, 4).table("G1", "garden", 2, 4)
                    .combination("T1+G1", 5, 8, "T1", "G1")
                    .booking("A", "19:00", 90, 6, null, "garden", 0).plan();
            verifier.verifyThat(SeatingConstraints::requiredZone).given(seat(plan, "A", "T1+G1")).penalizesBy(1);
        }
    }

    @Nested
    class HeldTable {

        @Test
        void holdOverlappingTheBooking() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).hold("H", "T1", "20:00", "20:30").plan();
            verifier.verifyThat(SeatingConstraints::heldTable)
                    .given(seat(plan, "A", "T1"), block(plan, "H"))
                    .penalizesBy(1);
        }

        @Test
        void holdOnAMemberTableOfTheCombination() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 6).hold("H", "T2", "19:00", "19:30").plan();
            verifier.verifyThat(SeatingConstraints::heldTable)
                    .given(seat(plan, "A", "T1+T2"), block(plan, "H"))
                    .penalizesBy(1);
        }

        @Test
        void holdEndingWhenTheBookingStarts() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).hold("H", "T1", "18:00", "19:00").plan();
            verifier.verifyThat(SeatingConstraints::heldTable)
                    .given(seat(plan, "A", "T1"), block(plan, "H"))
                    .penalizesBy(0);
        }

        @Test
        void holdOnAnotherTable() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).hold("H", "T3", "19:00", "21:00").plan();
            verifier.verifyThat(SeatingConstraints::heldTable)
                    .given(seat(plan, "A", "T1"), block(plan, "H"))
                    .penalizesBy(0);
        }
    }

    @Nested
    class OutOfServiceTable {

        private SeatingPlan plan() {
            return TestDays.day()
                    .table("T1", "main", 2, 4).outOfServiceTable("T2", "main", 2, 4)
                    .combination("T1+T2", 5, 8, "T1", "T2")
                    .booking("A", "19:00", 90, 2).booking("B", "19:00", 90, 6).plan();
        }

        @Test
        void tableOutOfService() {
            SeatingPlan plan = plan();
            verifier.verifyThat(SeatingConstraints::outOfServiceTable).given(seat(plan, "A", "T2")).penalizesBy(1);
        }

        @Test
        void combinationWithAnOutOfServiceMember() {
            SeatingPlan plan = plan();
            verifier.verifyThat(SeatingConstraints::outOfServiceTable).given(seat(plan, "B", "T1+T2")).penalizesBy(1);
        }

        @Test
        void tableInService() {
            SeatingPlan plan = plan();
            verifier.verifyThat(SeatingConstraints::outOfServiceTable).given(seat(plan, "A", "T1")).penalizesBy(0);
        }
    }

    @Nested
    class ConfirmedUnseated {

        @Test
        void confirmedBookingLeftUnseatedWhenReoptimizing() {
            SeatingPlan plan = room().confirmed("C", "19:00", 90, 2, "T1", "T1").plan(SolveMode.REOPTIMIZE);
            verifier.verifyThat(SeatingConstraints::confirmedUnseated).given(seat(plan, "C", null)).penalizesBy(1);
        }

        @Test
        void confirmedBookingStillSeatedElsewhere() {
            SeatingPlan plan = room().confirmed("C", "19:00", 90, 2, "T1", "T1").plan(SolveMode.REOPTIMIZE);
            verifier.verifyThat(SeatingConstraints::confirmedUnseated).given(seat(plan, "C", "T3")).penalizesBy(0);
        }

        @Test
        void pendingBookingMayStayUnseated() {
            SeatingPlan plan = room().booking("P", "19:00", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::confirmedUnseated).given(seat(plan, "P", null)).penalizesBy(0);
        }
    }

    @Nested
    class UnseatedBooking {

        @Test
        void weighsOnePlusPriority() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2, null, null, 2).plan();
            verifier.verifyThat(SeatingConstraints::unseatedBooking).given(seat(plan, "A", null)).penalizesBy(3);
        }

        @Test
        void seatedBookingIsNotPenalized() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::unseatedBooking).given(seat(plan, "A", "T1")).penalizesBy(0);
        }
    }

    @Nested
    class UnseatedGuests {

        @Test
        void countsTheParty() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 5).booking("B", "19:00", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::unseatedGuests)
                    .given(seat(plan, "A", null), seat(plan, "B", "T1"))
                    .penalizesBy(5);
        }

        @Test
        void seatedGuestsAreNotPenalized() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 5).plan();
            verifier.verifyThat(SeatingConstraints::unseatedGuests).given(seat(plan, "A", "T1+T2")).penalizesBy(0);
        }
    }

    @Nested
    class PreferredZoneMissed {

        @Test
        void seatedOutsideThePreferredZone() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2, "garden", null, 0).plan();
            verifier.verifyThat(SeatingConstraints::preferredZoneMissed).given(seat(plan, "A", "T1")).penalizesBy(1);
        }

        @Test
        void seatedInThePreferredZone() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2, "garden", null, 0).plan();
            verifier.verifyThat(SeatingConstraints::preferredZoneMissed).given(seat(plan, "A", "G1")).penalizesBy(0);
        }

        @Test
        void unseatedOrWithoutPreferenceDoesNotCount() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2, "garden", null, 0).booking("B", "19:00", 90, 2)
                    .plan();
            verifier.verifyThat(SeatingConstraints::preferredZoneMissed)
                    .given(seat(plan, "A", null), seat(plan, "B", "T1"))
                    .penalizesBy(0);
        }
    }

    @Nested
    class WastedSeats {

        @Test
        void seatsBeyondThePartyCount() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 2).booking("B", "19:00", 90, 5).plan();
            verifier.verifyThat(SeatingConstraints::wastedSeats)
                    .given(seat(plan, "A", "G1"), seat(plan, "B", "T1+T2"))
                    .penalizesBy(4 + 3);
        }

        @Test
        void fullTableWastesNothing() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 4).plan();
            verifier.verifyThat(SeatingConstraints::wastedSeats).given(seat(plan, "A", "T1")).penalizesBy(0);
        }
    }

    @Nested
    class CombinationUsed {

        @Test
        void combination() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 6).plan();
            verifier.verifyThat(SeatingConstraints::combinationUsed).given(seat(plan, "A", "T1+T2")).penalizesBy(1);
        }

        @Test
        void singleTable() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 6).plan();
            verifier.verifyThat(SeatingConstraints::combinationUsed).given(seat(plan, "A", "G1")).penalizesBy(0);
        }
    }

    @Nested
    class ConfirmedMoved {

        @Test
        void confirmedBookingOnAnotherSeating() {
            SeatingPlan plan = room().confirmed("C", "19:00", 90, 2, "T1", "T1").plan(SolveMode.REOPTIMIZE);
            verifier.verifyThat(SeatingConstraints::confirmedMoved).given(seat(plan, "C", "T3")).penalizesBy(1);
        }

        @Test
        void confirmedBookingWhereItWas() {
            SeatingPlan plan = room().confirmed("C", "19:00", 90, 2, "T1", "T1").plan(SolveMode.REOPTIMIZE);
            verifier.verifyThat(SeatingConstraints::confirmedMoved).given(seat(plan, "C", "T1")).penalizesBy(0);
        }

        @Test
        void pendingBookingHasNoPlaceToMoveFrom() {
            SeatingPlan plan = room().booking("P", "19:00", 90, 2).plan(SolveMode.REOPTIMIZE);
            verifier.verifyThat(SeatingConstraints::confirmedMoved).given(seat(plan, "P", "T3")).penalizesBy(0);
        }
    }

    @Nested
    class PacingLimit {

        @Test
        void guestsStartingInOneSlotOverTheLimit() {
            SeatingPlan plan = room().pacing(15, 6).booking("A", "19:00", 90, 4).booking("B", "19:10", 90, 4).plan();
            verifier.verifyThat(SeatingConstraints::pacingLimit)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", "T2"))
                    .penalizesBy(2);
        }

        @Test
        void startsInDifferentSlotsDoNotAddUp() {
            SeatingPlan plan = room().pacing(15, 6).booking("A", "19:00", 90, 4).booking("B", "19:15", 90, 4).plan();
            verifier.verifyThat(SeatingConstraints::pacingLimit)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", "T2"))
                    .penalizesBy(0);
        }

        @Test
        void unseatedBookingsDoNotCount() {
            SeatingPlan plan = room().pacing(15, 6).booking("A", "19:00", 90, 4).booking("B", "19:10", 90, 4).plan();
            verifier.verifyThat(SeatingConstraints::pacingLimit)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", null))
                    .penalizesBy(0);
        }

        @Test
        void confirmedGuestsOverTheLimitRaiseTheSlotsAllowanceButNothingPendingJoinsThem() {
            SeatingPlan plan = room().pacing(15, 6).confirmed("C", "19:00", 90, 8, "T1+T2", "T1", "T2")
                    .booking("P", "19:05", 90, 2).plan();
            verifier.verifyThat(SeatingConstraints::pacingLimit)
                    .given(seat(plan, "C", "T1+T2"), seat(plan, "P", null))
                    .penalizesBy(0);
            verifier.verifyThat(SeatingConstraints::pacingLimit)
                    .given(seat(plan, "C", "T1+T2"), seat(plan, "P", "T3"))
                    .penalizesBy(2);
        }

        @Test
        void noPacingNoMatch() {
            SeatingPlan plan = room().booking("A", "19:00", 90, 4).booking("B", "19:10", 90, 4).plan();
            verifier.verifyThat(SeatingConstraints::pacingLimit)
                    .given(seat(plan, "A", "T1"), seat(plan, "B", "T2"))
                    .penalizesBy(0);
        }
    }

    @Test
    void wholePlanScoresEveryLevelSeparately() {
        SeatingPlan plan = room()
                .booking("A", "19:00", 90, 2, "garden", null, 0)
                .booking("B", "19:00", 90, 3, null, null, 1)
                .plan();
        seat(plan, "A", "T1");
        seat(plan, "B", null);
        verifier.verifyThat()
                .givenSolution(plan)
                .scores(ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore.of(
                        new long[] {0}, new long[] {-2, -3, -10 - 2}));
    }
}
