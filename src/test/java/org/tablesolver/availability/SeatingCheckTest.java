package org.tablesolver.availability;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;

/**
 * Exactness of the seating check on generated days: a whole day's bookings arrive one by one and each is
 * confirmed when the check says it fits; every answer, yes or no, is compared with an independent exact
 * method over the whole day (exhaustive search on small days, a differently formulated CP-SAT model on larger
 * ones), and every "yes" comes with a seating of everyone that is checked rule by rule.
 */
class SeatingCheckTest {

    static final LocalDate DATE = LocalDate.of(2026, 12, 4);
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "small day, seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void arrivalOrderOnSmallDaysMatchesExhaustiveSearch(long seed) {
        int[] counts = arrivalOrder(seed, 5, 16, true);
        assertThat(counts[0]).as("some bookings confirmed").isPositive();
    }

    @ParameterizedTest(name = "larger day, seed {0}")
    @ValueSource(longs = {11, 12, 13})
    void arrivalOrderOnLargerDaysMatchesCpSat(long seed) {
        int[] counts = arrivalOrder(seed, 12, 45, false);
        assertThat(counts[0]).as("some bookings confirmed").isPositive();
        assertThat(counts[1]).as("some bookings refused (the day is overbooked)").isPositive();
    }

    /**
     * The matching's and the linear relaxation's "no"s are checked like every other answer (against CP-SAT on the
     * whole day, above); here, that the larger days exercise both, and that refusals they cannot prove still reach
     * the exact methods.
     */
    @Test
    void theMatchingAndTheRelaxationProveRefusalsAndLeaveTheRestToTheExactMethods() {
        Map<SeatingCheck.Method, Integer> refusals = new java.util.EnumMap<>(SeatingCheck.Method.class);
        for (long seed : new long[] {11, 12, 13}) {
            arrivalOrder(seed, 12, 45, false, refusals);
        }
        assertThat(refusals.getOrDefault(SeatingCheck.Method.MATCHING, 0)).as("refusals proven by the matching")
                .isPositive();
        assertThat(refusals.getOrDefault(SeatingCheck.Method.RELAXATION, 0)).as("refusals proven by the relaxation")
                .isPositive();
        assertThat(refusals.getOrDefault(SeatingCheck.Method.EXACT, 0)).as("refusals proven by the exact methods")
                .isPositive();
        // and (counted with them) the answers a witness decided: each the same as without it, above
        assertThat(refusals.getOrDefault(SeatingCheck.Method.WITNESS, 0)).as("yeses found from a witness")
                .isPositive();
    }

    @Test
    void aReshuffleIsFoundWhereNoTableIsFree() {
        // T1 (2-4) and T2 (2-2). A party of 2 sits on T1 19:00-21:00; a party of 4 at 19:30 needs T1.
        DayInput day = new DayInput("r", DATE, ZONE, 0,
                List.of(new DayInput.Table("T1", "main", 2, 4, true), new DayInput.Table("T2", "main", 2, 2, true)),
                List.of(),
                List.of(new DayInput.Booking("a", at(19, 0), 120, 2, null, null, 0, BookingState.CONFIRMED, "T1",
                        List.of("T1"))),
                List.of());
        SeatingCheck.Verdict verdict = check(day, candidate("new", at(19, 30), 90, 4));
        assertThat(verdict.feasible()).isTrue();
        assertThat(verdict.method()).isEqualTo(SeatingCheck.Method.RESHUFFLE);
        assertThat(verdict.moved()).containsExactly("a");
        assertThat(verdict.seatings().get("new").getId()).isEqualTo("T1");
        assertThat(verdict.seatings().get("a").getId()).isEqualTo("T2");

        // Pinned, the party of 2 cannot move: proven impossible.
        DayInput pinned = day.withBookings(List.of(new DayInput.Booking("a", at(19, 0), 120, 2, null, null, 0,
                BookingState.CONFIRMED, "T1", List.of("T1"), true, false)));
        SeatingCheck.Verdict refused = check(pinned, candidate("new", at(19, 30), 90, 4));
        assertThat(refused.outcome()).isEqualTo(SeatingCheck.Outcome.INFEASIBLE);
    }

    @Test
    void aSlotFullAtItsBusiestInstantIsProvenByTheMatching() {
        // T1 and T2 (2-4) join to seat 5-8; T3 (2-2). A party of 4 and one of 2 sit 19:00-21:00. A party of 6 needs
        // both T1 and T2 at 19:30, while the other two need two tables of the three: four tables at once, of three.
        DayInput day = new DayInput("r", DATE, ZONE, 0,
                List.of(new DayInput.Table("T1", "main", 2, 4, true), new DayInput.Table("T2", "main", 2, 4, true),
                        new DayInput.Table("T3", "main", 2, 2, true)),
                List.of(new DayInput.Combination("T1+T2", List.of("T1", "T2"), 5, 8)),
                List.of(new DayInput.Booking("a", at(19, 0), 120, 4, null, null, 0, BookingState.CONFIRMED, "T1",
                                List.of("T1")),
                        new DayInput.Booking("b", at(19, 0), 120, 2, null, null, 0, BookingState.CONFIRMED, "T3",
                                List.of("T3"))),
                List.of());
        SeatingCheck.Verdict full = check(day, candidate("six", at(19, 30), 90, 6));
        assertThat(full.outcome()).isEqualTo(SeatingCheck.Outcome.INFEASIBLE);
        assertThat(full.method()).isEqualTo(SeatingCheck.Method.MATCHING);
        // The same party when the others have left, and a party of 2 beside them: the matching claims nothing.
        assertThat(check(day, candidate("later", at(21, 0), 90, 6)).feasible()).isTrue();
        SeatingCheck.Verdict two = check(day, candidate("two", at(19, 30), 90, 2));
        assertThat(two.feasible()).isTrue();
    }

    @Test
    void capacityHoldsNeedRoomButNoParticularTable() {
        DayInput day = new DayInput("r", DATE, ZONE, 0,
                List.of(new DayInput.Table("T1", "main", 1, 4, true), new DayInput.Table("T2", "main", 1, 4, true)),
                List.of(),
                List.of(DayInput.Booking.capacityHold("hold:h1", at(19, 0), 90, 4, null)),
                List.of());
        assertThat(check(day, candidate("one", at(19, 0), 90, 2)).feasible()).isTrue();
        DayInput twoHolds = day.withBookings(List.of(DayInput.Booking.capacityHold("hold:h1", at(19, 0), 90, 4, null),
                DayInput.Booking.capacityHold("hold:h2", at(19, 30), 90, 4, null)));
        assertThat(check(twoHolds, candidate("one", at(19, 0), 90, 2)).outcome())
                .isEqualTo(SeatingCheck.Outcome.INFEASIBLE);
        assertThat(check(twoHolds, candidate("later", at(20, 30), 90, 2)).feasible()).isTrue();
    }

    @Test
    void theSameStateGivesTheSameVerdict() {
        DayInput day = confirmedDay(21, 12, 45);
        for (int minute = 17 * 60; minute <= 22 * 60; minute += 15) {
            DayInput.Booking party = candidate("new", at(minute / 60, minute % 60), 120, 4);
            SeatingCheck.Verdict first = check(day, party);
            SeatingCheck.Verdict second = check(day, party);
            assertThat(second.toString()).isEqualTo(first.toString());
        }
    }

    /** Confirms bookings in arrival order; returns {confirmed, refused}. */
    private static int[] arrivalOrder(long seed, int tables, int bookings, boolean exhaustive) {
        return arrivalOrder(seed, tables, bookings, exhaustive, new java.util.EnumMap<>(SeatingCheck.Method.class));
    }

    /** The same, counting the refusals by the method that proved them. */
    private static int[] arrivalOrder(long seed, int tables, int bookings, boolean exhaustive,
                                      Map<SeatingCheck.Method, Integer> refusals) {
        DayInput generated = generated(seed, tables, bookings);
        Random random = new Random(seed);
        List<DayInput.Booking> confirmed = new ArrayList<>();
        Map<String, String> witness = null;
        int yes = 0;
        int no = 0;
        for (DayInput.Booking request : generated.bookings()) {
            DayInput.Booking party = candidate(request.id(), request.start(), request.durationMinutes(),
                    request.partySize(), request.preferredZone(), request.requiredZone());
            List<DayInput.Booking> with = new ArrayList<>(confirmed);
            with.add(party);
            DayInput day = generated.withBookings(with);
            SeatingPlan plan = SeatingPlanBuilder.build(day, SolveMode.REOPTIMIZE);
            SeatingCheck.Verdict verdict = SeatingCheck.check(plan, party.id(), SeatingCheck.Budget.DEFAULT,
                    random.nextBoolean());
            boolean reference = exhaustive ? WholeDayFeasibility.exhaustive(plan) : WholeDayFeasibility.cpSat(plan);
            assertThat(verdict.outcome()).as("booking %s of seed %d (reference: %s)", request.id(), seed, reference)
                    .isEqualTo(reference ? SeatingCheck.Outcome.FEASIBLE : SeatingCheck.Outcome.INFEASIBLE);
            // The same question with the last "yes" as a witness (a seating of an earlier state, as the availability
            // view keeps one): only a hint, so the same answer, and a "yes" with a seating that breaks no rule.
            if (witness != null) {
                SeatingCheck.Verdict withWitness = SeatingCheck.check(new SeatingCheck.Context(plan), party.id(),
                        SeatingCheck.Budget.DEFAULT, false, witness);
                assertThat(withWitness.outcome()).as("booking %s of seed %d with a witness", request.id(), seed)
                        .isEqualTo(verdict.outcome());
                if (withWitness.feasible()) {
                    assertBreaksNoRule(plan, withWitness);
                }
                if (withWitness.method() == SeatingCheck.Method.WITNESS) {
                    refusals.merge(SeatingCheck.Method.WITNESS, 1, Integer::sum);
                }
            }
            if (!verdict.feasible()) {
                no++;
                refusals.merge(verdict.method(), 1, Integer::sum);
                continue;
            }
            yes++;
            witness = new java.util.HashMap<>();
            for (Map.Entry<String, Seating> entry : verdict.seatings().entrySet()) {
                witness.put(entry.getKey(), entry.getValue().getId());
            }
            confirmed = apply(plan, verdict, with, random);
        }
        return new int[] {yes, no};
    }

    /** The bookings with the verdict's seatings, checked to break no rule; some become pinned or seated. */
    private static List<DayInput.Booking> apply(SeatingPlan plan, SeatingCheck.Verdict verdict,
                                                List<DayInput.Booking> bookings, Random random) {
        assertBreaksNoRule(plan, verdict);
        Map<String, Seating> seatings = verdict.seatings();
        List<DayInput.Booking> next = new ArrayList<>();
        for (DayInput.Booking booking : bookings) {
            Seating seating = seatings.get(booking.id());
            if (seating == null) {
                next.add(booking);
                continue;
            }
            boolean fresh = booking.seatingId() == null;
            boolean pinned = booking.pinned() || fresh && random.nextInt(8) == 0;
            BookingState state = fresh && random.nextInt(8) == 0 ? BookingState.SEATED : booking.state();
            next.add(new DayInput.Booking(booking.id(), booking.start(), booking.durationMinutes(), booking.partySize(),
                    booking.preferredZone(), booking.requiredZone(), booking.priority(), state, seating.getId(),
                    seating.getTableIds(), pinned, false));
        }
        return next;
    }

    /** Every party of the plan with the verdict's seating (or its own) that fits it, and no two on a table at once. */
    private static void assertBreaksNoRule(SeatingPlan plan, SeatingCheck.Verdict verdict) {
        Map<String, Seating> seatings = verdict.seatings();
        List<PlannedBooking> planned = plan.getBookings();
        for (PlannedBooking a : planned) {
            Seating sa = seatings.containsKey(a.getId()) ? seatings.get(a.getId()) : a.getSeating();
            assertThat(sa).as("seating of %s", a.getId()).isNotNull();
            assertThat(sa.fits(a.getPartySize())).isTrue();
            assertThat(a.getRequiredZone() == null || sa.isInZone(a.getRequiredZone())).isTrue();
            if (a.isPinned()) {
                assertThat(sa).isSameAs(a.getSeating());
            }
            for (PlannedBooking b : planned) {
                Seating sb = seatings.containsKey(b.getId()) ? seatings.get(b.getId()) : b.getSeating();
                if (a != b && a.overlaps(b)) {
                    assertThat(sa.sharesTableWith(sb)).as("%s on %s and %s on %s", a.getId(), sa, b.getId(), sb)
                            .isFalse();
                }
            }
        }
    }

    static DayInput generated(long seed, int tables, int bookings) {
        DayInput day = DayGenerator.generate("check-" + seed, DATE, ZONE, DayGenerator.Profile.DINNER_ONLY, tables,
                bookings, seed);
        // A table hold on the first table at 19:00-19:45, and the last table out of service.
        List<DayInput.Table> withOneOut = new ArrayList<>(day.tables());
        DayInput.Table last = withOneOut.remove(withOneOut.size() - 1);
        withOneOut.add(new DayInput.Table(last.id(), last.zoneId(), last.minCapacity(), last.maxCapacity(), false));
        return new DayInput(day.restaurantId(), DATE, ZONE, day.turnoverBufferMinutes(), withOneOut,
                day.combinations(), day.bookings(),
                List.of(new DayInput.Hold("H1", day.tables().get(0).id(), at(19, 0), at(19, 45), "flow")));
    }

    /** A generated day with the bookings that fit confirmed in arrival order (no exactness checks). */
    static DayInput confirmedDay(long seed, int tables, int bookings) {
        DayInput generated = generated(seed, tables, bookings);
        List<DayInput.Booking> confirmed = new ArrayList<>();
        for (DayInput.Booking request : generated.bookings()) {
            DayInput.Booking party = candidate(request.id(), request.start(), request.durationMinutes(),
                    request.partySize(), request.preferredZone(), request.requiredZone());
            List<DayInput.Booking> with = new ArrayList<>(confirmed);
            with.add(party);
            SeatingPlan plan = SeatingPlanBuilder.build(generated.withBookings(with), SolveMode.REOPTIMIZE);
            SeatingCheck.Verdict verdict = SeatingCheck.check(plan, party.id(), SeatingCheck.Budget.DEFAULT, false);
            if (verdict.feasible()) {
                List<DayInput.Booking> next = new ArrayList<>();
                for (DayInput.Booking booking : with) {
                    Seating seating = verdict.seatings().get(booking.id());
                    next.add(seating == null ? booking : new DayInput.Booking(booking.id(), booking.start(),
                            booking.durationMinutes(), booking.partySize(), booking.preferredZone(),
                            booking.requiredZone(), 0, BookingState.CONFIRMED, seating.getId(), seating.getTableIds()));
                }
                confirmed = next;
            }
        }
        return generated.withBookings(confirmed);
    }

    static SeatingCheck.Verdict check(DayInput day, DayInput.Booking party) {
        List<DayInput.Booking> with = new ArrayList<>(day.bookings());
        with.add(party);
        SeatingPlan plan = SeatingPlanBuilder.build(day.withBookings(with), SolveMode.REOPTIMIZE);
        return SeatingCheck.check(plan, party.id(), SeatingCheck.Budget.DEFAULT, true);
    }

    static DayInput.Booking candidate(String id, java.time.Instant start, int minutes, int party) {
        return candidate(id, start, minutes, party, null, null);
    }

    static DayInput.Booking candidate(String id, java.time.Instant start, int minutes, int party, String preferred,
                                      String required) {
        return new DayInput.Booking(id, start, minutes, party, preferred, required, 0, BookingState.CONFIRMED, null,
                List.of());
    }

    static java.time.Instant at(int hour, int minute) {
        return DATE.atStartOfDay(ZONE).toInstant().plus(Duration.ofMinutes(hour * 60L + minute));
    }
}
