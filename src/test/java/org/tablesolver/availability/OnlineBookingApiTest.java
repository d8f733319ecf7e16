package org.tablesolver.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.DayInvariants;
import org.tablesolver.testing.SolvingTest;

/**
 * Online booking over REST on the real database: booking rules, availability, instant confirmation,
 * confirming a request, capacity holds and their expiry, pinned bookings, pacing, racing clients, and the
 * solve keeping room for capacity holds. Every refusal is checked to have written nothing.
 */
@DatabaseTest
class OnlineBookingApiTest extends SolvingTest {

    static final String R = "/api/restaurants/r1";
    static final String BOOKINGS = R + "/bookings";
    static final String AVAILABILITY = R + "/days/2026-12-04/availability";

    /** The fixture plan (T1 bar 1-2, T2 bar 2-4, T3 garden 2-4, T4 garden 4-6, C1 = T2+T3 5-8) with rules. */
    static ObjectNode planWithRules() {
        ObjectNode plan = plan();
        plan.set("servicePeriods", parse("""
                {"p": [{"id": "dinner", "days": ["THU", "FRI", "SAT"], "firstArrival": "18:00", "lastArrival": "22:00"},
                       {"id": "late", "days": ["FRI"], "firstArrival": "23:00", "lastArrival": "01:00"}]}
                """).get("p"));
        plan.set("turnTimes", parse("""
                {"t": [{"maxPartySize": 2, "minutes": 75}, {"maxPartySize": 4, "minutes": 90},
                       {"maxPartySize": 8, "minutes": 120}]}
                """).get("t"));
        plan.put("bookingSlotMinutes", 30);
        return plan;
    }

    @BeforeEach
    void restaurant() {
        assertThat(api.put(R, planWithRules()).status()).as("created").isEqualTo(201);
    }

    /** A CONFIRMED booking at a seating chosen by the test (as a host or an earlier solve would have left it). */
    void confirmed(String id, String time, int party, String seating, String... tables) {
        assertThat(api.post(BOOKINGS, booking(id, time, party)).status()).isEqualTo(201);
        db.confirm("r1", id, seating, tables);
    }

    static ObjectNode instant(String id, String time, int party) {
        ObjectNode booking = booking(id, time, party);
        booking.put("confirm", true);
        return booking;
    }

    static JsonNode slot(Api.Response availability, String time) {
        for (JsonNode slot : availability.json().path("slots")) {
            if (slot.path("start").asText().equals("2026-12-04T" + time + ":00")) {
                return slot;
            }
        }
        throw new AssertionError("no slot at " + time + " in " + availability);
    }

    @Test
    void bookingRulesRoundTripAndAreValidated() {
        JsonNode stored = api.get(R).json();
        assertThat(stored.path("servicePeriods").get(0).path("firstArrival").asText()).isEqualTo("18:00");
        assertThat(stored.path("servicePeriods").get(1).path("lastArrival").asText()).isEqualTo("01:00");
        assertThat(stored.path("turnTimes")).hasSize(3);
        assertThat(stored.path("bookingSlotMinutes").asInt()).isEqualTo(30);
        assertThat(stored.path("pacing").isNull()).isTrue();

        Map<String, List<String>> before = db.snapshot();
        ObjectNode unknownDay = planWithRules();
        ((ObjectNode) unknownDay.path("servicePeriods").get(0)).putArray("days").add("FRI").add("Funday");
        assertRefused(api.put(R, unknownDay), 400, "servicePeriods[0].days[1]", db, before);

        ObjectNode notLate = planWithRules();
        ((ObjectNode) notLate.path("servicePeriods").get(1)).put("lastArrival", "07:00");
        assertRefused(api.put(R, notLate), 400, "servicePeriods[1].lastArrival", db, before);

        ObjectNode overlapping = planWithRules();
        ((ObjectNode) overlapping.path("servicePeriods").get(1)).put("firstArrival", "21:30");
        assertRefused(api.put(R, overlapping), 400, "servicePeriods[1].days[0]", db, before);

        ObjectNode decreasing = planWithRules();
        ((ObjectNode) decreasing.path("turnTimes").get(1)).put("maxPartySize", 2);
        assertRefused(api.put(R, decreasing), 400, "turnTimes[1].maxPartySize", db, before);

        ObjectNode tooShort = planWithRules();
        ((ObjectNode) tooShort.path("turnTimes").get(0)).put("minutes", 10);
        assertRefused(api.put(R, tooShort), 400, "turnTimes[0].minutes", db, before);

        ObjectNode badPacing = planWithRules();
        badPacing.set("pacing", parse("{\"maxCoversPerSlot\": 0}"));
        assertRefused(api.put(R, badPacing), 400, "pacing.maxCoversPerSlot", db, before);
    }

    @Test
    void availabilityOfTheServicePeriodsGrid() {
        Api.Response response = api.get(AVAILABILITY + "?partySize=4");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("durationMinutes").asInt()).as("turn time of a party of 4").isEqualTo(90);
        assertThat(response.json().path("zone").isNull()).isTrue();
        List<String> starts = new ArrayList<>();
        response.json().path("slots").forEach(slot -> starts.add(slot.path("start").asText()));
        assertThat(starts).startsWith("2026-12-04T18:00:00", "2026-12-04T18:30:00")
                .contains("2026-12-04T22:00:00", "2026-12-04T23:00:00", "2026-12-05T01:00:00")
                .doesNotContain("2026-12-04T22:30:00")
                .hasSize(9 + 5);
        response.json().path("slots").forEach(slot -> {
            assertThat(slot.path("available").asBoolean()).isTrue();
            assertThat(slot.has("code")).isFalse();
        });

        Api.Response window = api.get(AVAILABILITY + "?partySize=2&from=17:00&to=18:00");
        assertThat(window.json().path("slots")).hasSize(3);
        assertThat(slot(window, "17:00").path("code").asText()).isEqualTo("OUTSIDE_SERVICE_HOURS");
        assertThat(slot(window, "17:00").path("reason").asText()).contains("18:00-22:00");
        assertThat(slot(window, "18:00").path("available").asBoolean()).isTrue();

        assertThat(slot(api.get(AVAILABILITY + "?partySize=9&durationMinutes=120"), "19:00").path("code").asText())
                .isEqualTo("NO_SEATING_FOR_PARTY_SIZE");
        assertThat(slot(api.get(AVAILABILITY + "?partySize=6&durationMinutes=60&zone=bar"), "19:00").path("code")
                .asText()).isEqualTo("NO_SEATING_IN_ZONE");
    }

    @Test
    void availabilityRefusesBadParameters() {
        assertProblem(api.get(AVAILABILITY), 400, "partySize");
        assertProblem(api.get(AVAILABILITY + "?partySize=0"), 400, "partySize");
        assertProblem(api.get(AVAILABILITY + "?partySize=2&durationMinutes=5"), 400, "durationMinutes");
        assertProblem(api.get(AVAILABILITY + "?partySize=2&zone=roof"), 400, "zone");
        assertProblem(api.get(AVAILABILITY + "?partySize=2&from=19:00"), 400, "to");
        assertProblem(api.get(AVAILABILITY + "?partySize=2&from=21:00&to=19:00"), 400, "from");
        assertProblem(api.get(AVAILABILITY + "?partySize=9&from=19:00&to=20:00"), 400, "durationMinutes");
        assertProblem(api.get("/api/restaurants/nope/days/2026-12-04/availability?partySize=2"), 404, "restaurantId");
        // A day without service periods needs from and to.
        ObjectNode noPeriods = plan();
        api.put("/api/restaurants/r2", noPeriods);
        assertProblem(api.get("/api/restaurants/r2/days/2026-12-04/availability?partySize=2&durationMinutes=60"),
                400, "from");
        assertThat(api.get("/api/restaurants/r2/days/2026-12-04/availability?partySize=2&durationMinutes=60"
                + "&from=23:00&to=01:00").json().path("slots")).as("late service, every 15 minutes").hasSize(9);
    }

    @Test
    void confirmationMovesAConfirmedPartyToMakeRoom() {
        confirmed("a", "19:00", 2, "T2", "T2");
        confirmed("b", "19:00", 2, "T3", "T3");
        confirmed("c", "19:00", 4, "T4", "T4");
        assertThat(slot(api.get(AVAILABILITY + "?partySize=4"), "19:00").path("available").asBoolean())
                .as("a party of 2 can move to T1").isTrue();

        Api.Response created = api.post(BOOKINGS, instant("new", "19:00", 4));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/restaurants/r1/bookings/new");
        assertThat(created.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(created.json().path("durationMinutes").asInt()).isEqualTo(90);
        assertThat(created.json().path("moved")).hasSize(1);
        String moved = created.json().path("moved").get(0).path("bookingId").asText();
        assertThat(created.json().path("moved").get(0).path("tables").get(0).asText()).isEqualTo("T1");
        JsonNode movedBooking = api.get(BOOKINGS + "/" + moved).json();
        assertThat(movedBooking.path("tables").get(0).asText()).isEqualTo("T1");
        assertThat(movedBooking.path("version").asInt()).as("version + 1").isEqualTo(2);
        DayInvariants.assertConsistent(db);

        // Now every fitting table is taken and nobody can move: FULL, with alternatives, nothing written.
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.post(BOOKINGS, instant("late", "19:30", 4));
        assertRefused(refused, 409, "start", db, before);
        assertThat(refused.json().path("code").asText()).isEqualTo("FULL");
        assertThat(refused.json().path("detail").asText()).contains("Every table that seats 4 is taken 19:30-21:10");
        List<String> alternatives = new ArrayList<>();
        refused.json().path("alternatives").forEach(a -> alternatives.add(a.asText()));
        assertThat(alternatives).isNotEmpty().hasSizeLessThanOrEqualTo(6);
        assertThat(alternatives.get(0)).isEqualTo("2026-12-04T20:40:00".equals(alternatives.get(0))
                ? alternatives.get(0) : "2026-12-04T21:00:00");
        Api.Response grid = api.get(AVAILABILITY + "?partySize=4");
        for (String alternative : alternatives) {
            assertThat(slot(grid, alternative.substring(11, 16)).path("available").asBoolean())
                    .as("alternative %s is available", alternative).isTrue();
        }
        assertThat(slot(grid, "19:30").path("code").asText()).isEqualTo("FULL");

        // Idempotent: the same id and content answers the stored booking.
        Api.Response repeat = api.post(BOOKINGS, instant("new", "19:00", 4));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("status").asText()).isEqualTo("CONFIRMED");
    }

    @Test
    void theSameStoredStateGivesTheSameAnswerByteForByte() {
        confirmed("a", "19:00", 2, "T2", "T2");
        confirmed("b", "19:00", 2, "T3", "T3");
        confirmed("c", "19:00", 4, "T4", "T4");
        api.post(BOOKINGS, instant("d", "20:30", 4));
        for (int party : new int[] {2, 4, 6}) {
            String first = api.get(AVAILABILITY + "?partySize=" + party).body();
            for (int i = 0; i < 3; i++) {
                assertThat(api.get(AVAILABILITY + "?partySize=" + party).body()).isEqualTo(first);
            }
        }
    }

    @Test
    void pinnedBookingsNeverMove() {
        confirmed("a", "19:00", 2, "T2", "T2");
        confirmed("b", "19:00", 2, "T3", "T3");
        confirmed("c", "19:00", 4, "T4", "T4");
        db.jdbc().sql("update booking set pinned = true where id in ('a', 'b')").update();
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.post(BOOKINGS, instant("new", "19:00", 4));
        assertRefused(refused, 409, "start", db, before);
        assertThat(refused.json().path("code").asText()).isEqualTo("FULL");
        assertThat(slot(api.get(AVAILABILITY + "?partySize=4"), "19:00").path("code").asText()).isEqualTo("FULL");

        ObjectNode pinned = instant("p", "20:00", 2);
        pinned.put("pinned", true);
        Api.Response created = api.post(BOOKINGS, pinned);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("pinned").asBoolean()).isTrue();
    }

    @Test
    void aRequestIsConfirmedLaterOrStaysPending() {
        ObjectNode request = booking("req", "21:00", 4);
        request.remove("durationMinutes");
        assertThat(api.post(BOOKINGS, request).json().path("durationMinutes").asInt()).as("from turnTimes")
                .isEqualTo(90);
        Api.Response confirmed = api.post(BOOKINGS + "/req/confirm", null);
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(confirmed.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.json().path("tables")).hasSize(1);
        assertThat(confirmed.json().path("version").asInt()).isEqualTo(1);
        assertThat(api.post(BOOKINGS + "/req/confirm", null).json().path("version").asInt())
                .as("confirming again changes nothing").isEqualTo(1);

        // A request of 4 that cannot be seated stays PENDING.
        confirmed("x", "19:00", 4, "T2", "T2");
        confirmed("y", "19:00", 4, "T3", "T3");
        confirmed("z", "19:00", 4, "T4", "T4");
        api.post(BOOKINGS, booking("big", "19:00", 4));
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.post(BOOKINGS + "/big/confirm", null);
        assertRefused(refused, 409, "start", db, before);
        assertThat(refused.json().path("code").asText()).isEqualTo("FULL");
        assertThat(api.get(BOOKINGS + "/big").json().path("status").asText()).isEqualTo("PENDING");
        assertProblem(api.post(BOOKINGS + "/nope/confirm", null), 404, "bookingId");
    }

    @Test
    void instantConfirmationRefusesBadInputAndWritesNothing() {
        Map<String, List<String>> before = db.snapshot();
        ObjectNode noDuration = instant("n", "19:00", 9);
        noDuration.remove("durationMinutes");
        assertRefused(api.post(BOOKINGS, noDuration), 400, "durationMinutes", db, before);
        Api.Response outside = api.post(BOOKINGS, instant("o", "17:00", 2));
        assertRefused(outside, 409, "start", db, before);
        assertThat(outside.json().path("code").asText()).isEqualTo("OUTSIDE_SERVICE_HOURS");
        assertThat(outside.json().path("alternatives").get(0).asText()).isEqualTo("2026-12-04T18:00:00");
        Api.Response tooBig = api.post(BOOKINGS, instant("t", "19:00", 20));
        assertRefused(tooBig, 409, "partySize", db, before);
        assertThat(tooBig.json().path("code").asText()).isEqualTo("NO_SEATING_FOR_PARTY_SIZE");
        ObjectNode holdWithoutConfirm = booking("h", "19:00", 2);
        holdWithoutConfirm.put("holdId", "x");
        assertRefused(api.post(BOOKINGS, holdWithoutConfirm), 400, "confirm", db, before);
    }

    @Test
    void pacingLimitsTheGuestsStartingInASlot() {
        ObjectNode paced = planWithRules();
        paced.set("pacing", parse("{\"maxCoversPerSlot\": 6}"));
        api.put(R, paced);
        assertThat(api.post(BOOKINGS, instant("a", "19:00", 4)).status()).isEqualTo(201);
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.post(BOOKINGS, instant("b", "19:10", 4));
        assertRefused(refused, 409, "start", db, before);
        assertThat(refused.json().path("code").asText()).isEqualTo("PACING_LIMIT");
        assertThat(refused.json().path("detail").asText()).contains("limit of 6");
        assertThat(api.post(BOOKINGS, instant("c", "19:10", 2)).status()).as("within the limit").isEqualTo(201);
        assertThat(slot(api.get(AVAILABILITY + "?partySize=1&durationMinutes=60"), "19:00").path("code").asText())
                .isEqualTo("PACING_LIMIT");

        // The solver respects pacing when it confirms requests: a request of 2 at 19:20 has a free table but no
        // room in the 19:00-19:30 slot.
        api.post(BOOKINGS, booking("pending", "19:20", 2));
        Api.Response solve = api.post(R + "/days/2026-12-04/solve", null);
        assertThat(solve.status()).isEqualTo(200);
        assertThat(solve.json().path("unseatedBookings").get(0).path("bookingId").asText()).isEqualTo("pending");
        assertThat(solve.json().path("unseatedBookings").get(0).path("code").asText()).isEqualTo("PACING_LIMIT");
        assertThat(api.post(BOOKINGS, instant("d", "19:30", 4)).status()).as("the next slot").isEqualTo(201);
    }

    @Test
    void capacityHoldsKeepRoomExpireAndBecomeBookings() {
        ObjectNode hold = parse("""
                {"partySize": 4, "start": "2026-12-04T19:00:00", "expiresInSeconds": 300, "reference": "checkout-1"}
                """);
        confirmed("x", "19:00", 4, "T2", "T2");
        confirmed("y", "19:00", 4, "T3", "T3");
        Api.Response placed = api.post(R + "/holds", hold);
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        assertThat(placed.json().path("tableId").isNull()).isTrue();
        assertThat(placed.json().path("partySize").asInt()).isEqualTo(4);
        assertThat(placed.json().path("end").asText()).isEqualTo("2026-12-04T20:40:00");
        String holdId = placed.json().path("id").asText();

        // The last table for 4 is held: another hold, a confirmation and availability all see it.
        Map<String, List<String>> before = db.snapshot();
        Api.Response second = api.post(R + "/holds", hold);
        assertRefused(second, 409, "start", db, before);
        assertThat(second.json().path("code").asText()).isEqualTo("FULL");
        assertThat(second.json().path("alternatives").isArray()).isTrue();
        assertRefused(api.post(BOOKINGS, instant("other", "19:00", 4)), 409, "start", db, before);
        assertThat(slot(api.get(AVAILABILITY + "?partySize=4"), "19:00").path("available").asBoolean()).isFalse();
        // ... but a hold names no table: a party of 2 still gets T1.
        assertThat(slot(api.get(AVAILABILITY + "?partySize=2"), "19:00").path("available").asBoolean()).isTrue();

        // A booking that does not fit inside the hold is refused; one that does takes it over.
        ObjectNode tooMany = instant("guest", "19:00", 5);
        tooMany.put("holdId", holdId);
        tooMany.put("durationMinutes", 90);
        assertRefused(api.post(BOOKINGS, tooMany), 400, "partySize", db, before);
        ObjectNode unknown = instant("guest", "19:00", 4);
        unknown.put("holdId", "no-such-hold");
        assertRefused(api.post(BOOKINGS, unknown), 404, "holdId", db, before);
        ObjectNode guest = instant("guest", "19:00", 4);
        guest.put("holdId", holdId);
        Api.Response booked = api.post(BOOKINGS, guest);
        assertThat(booked.status()).as("%s", booked).isEqualTo(201);
        assertThat(booked.json().path("tables").get(0).asText()).isEqualTo("T4");
        assertThat(api.get(R + "/holds").json()).as("the hold was taken over").isEmpty();
        assertThat(db.count("table_hold")).isZero();
    }

    @Test
    void aBookingThatAsksForLessOrOtherThanItsHoldIsCheckedAgainAndTheHoldStays() {
        // Every table is taken by a pinned party but T4 (4-6), which a hold for four counts on.
        confirmed("x", "19:00", 4, "T2", "T2");
        confirmed("y", "19:00", 4, "T3", "T3");
        confirmed("z", "19:00", 2, "T1", "T1");
        db.jdbc().sql("update booking set pinned = true where restaurant_id = 'r1'").update();
        Api.Response placed = api.post(R + "/holds", parse("""
                {"partySize": 4, "start": "2026-12-04T19:00:00", "expiresInSeconds": 300}"""));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        String holdId = placed.json().path("id").asText();
        Map<String, List<String>> before = db.snapshot();

        // two guests cannot have T4 (it seats four to six): the difference from the hold is named, the hold stays
        ObjectNode fewer = instant("fewer", "19:00", 2);
        fewer.put("holdId", holdId);
        Api.Response smaller = api.post(BOOKINGS, fewer);
        assertRefused(smaller, 409, "partySize", db, before);
        assertThat(smaller.json().path("code").asText()).isEqualTo("FULL");
        assertThat(smaller.json().path("detail").asText()).contains("hold").contains("party of 4");
        // a hold without a zone promised no zone: the bar has no room for four
        ObjectNode inTheBar = instant("bar", "19:00", 4).put("requiredZone", "bar");
        inTheBar.put("holdId", holdId);
        Api.Response zoned = api.post(BOOKINGS, inTheBar);
        assertRefused(zoned, 409, "requiredZone", db, before);
        assertThat(zoned.json().path("detail").asText()).contains("any zone");
        assertThat(api.get(R + "/holds").json()).as("the hold is still there").hasSize(1);

        ObjectNode same = instant("same", "19:00", 4);
        same.put("holdId", holdId);
        Api.Response booked = api.post(BOOKINGS, same);
        assertThat(booked.status()).as("the hold's own party always gets it: %s", booked).isEqualTo(201);
        assertThat(booked.json().path("tables").toString()).isEqualTo("[\"T4\"]");
    }

    @Test
    void theCalendarSaysWhichDatesTakeAPartyAsEachDaysAvailabilityDoes() {
        // Thursday the 3rd to Sunday the 6th: dinner Thursday to Saturday, late service on Friday, closed on Sunday.
        // The 5th is full for four from 18:30 on: T2, T3 and T4 are taken from 19:45.
        confirmed("x", "18:00", 4, "T2", "T2");
        for (String[] stay : new String[][] {{"a", "T2"}, {"b", "T3"}, {"c", "T4"}}) {
            ObjectNode evening = parse("{\"date\": \"2026-12-05\", \"start\": \"2026-12-05T19:45:00\", "
                    + "\"durationMinutes\": 300, \"partySize\": 4}").put("id", stay[0]);
            assertThat(api.post(BOOKINGS, evening).status()).isEqualTo(201);
            db.confirm("r1", stay[0], stay[1], stay[1]);
        }
        Api.Response calendar = api.get(R + "/availability/calendar?partySize=4&from=2026-12-03&to=2026-12-06");
        assertThat(calendar.status()).as("%s", calendar).isEqualTo(200);
        JsonNode body = calendar.json();
        assertThat(body.path("restaurantId").asText()).isEqualTo("r1");
        assertThat(body.path("partySize").asInt()).isEqualTo(4);
        assertThat(body.path("durationMinutes").asInt()).as("the turn time for four").isEqualTo(90);
        assertThat(body.path("zone").isNull()).isTrue();
        JsonNode days = body.path("days");
        assertThat(days).hasSize(4);
        for (int i = 0; i < 3; i++) {
            JsonNode day = days.get(i);
            String date = day.path("date").asText();
            JsonNode availability = api.get(R + "/days/" + date + "/availability?partySize=4").json();
            List<String> open = new ArrayList<>();
            availability.path("slots").forEach(slot -> {
                if (slot.path("available").asBoolean()) {
                    open.add(slot.path("start").asText());
                }
            });
            assertThat(day.path("asOf").asLong()).isEqualTo(availability.path("asOf").asLong());
            assertThat(day.path("available").asBoolean()).as("%s", day).isEqualTo(!open.isEmpty());
            if (!open.isEmpty()) {
                assertThat(day.path("firstStart").asText()).isEqualTo(open.get(0));
                assertThat(day.path("lastStart").asText()).isEqualTo(open.get(open.size() - 1));
                assertThat(day.path("slotsAvailable").asInt()).isEqualTo(open.size());
                assertThat(day.has("code")).isFalse();
            }
        }
        assertThat(days.get(0).path("firstStart").asText()).isEqualTo("2026-12-03T18:00:00");
        assertThat(days.get(1).path("lastStart").asText()).as("Friday's late service").isEqualTo("2026-12-05T01:00:00");
        assertThat(days.get(2).path("lastStart").asText()).as("Saturday from 19:00 is full")
                .isEqualTo("2026-12-05T18:00:00");
        assertThat(days.get(3).path("available").asBoolean()).isFalse();
        assertThat(days.get(3).path("code").asText()).isEqualTo("OUTSIDE_SERVICE_HOURS");
        assertThat(days.get(3).has("firstStart")).isFalse();

        JsonNode tooMany = api.get(R + "/availability/calendar?partySize=9&durationMinutes=120&from=2026-12-03&to=2026-12-04").json();
        assertThat(tooMany.path("days").get(0).path("code").asText()).isEqualTo("NO_SEATING_FOR_PARTY_SIZE");
        JsonNode garden = api.get(R + "/availability/calendar?partySize=2&zone=garden&durationMinutes=60"
                + "&from=2026-12-04&to=2026-12-04").json();
        assertThat(garden.path("zone").asText()).isEqualTo("garden");
        assertThat(garden.path("durationMinutes").asInt()).isEqualTo(60);
        assertThat(garden.path("days").get(0).path("available").asBoolean()).isTrue();

        Map<String, List<String>> before = db.snapshot();
        String calendarPath = R + "/availability/calendar?";
        assertRefused(api.get(calendarPath + "from=2026-12-03&to=2026-12-06"), 400, "partySize", db, before);
        assertRefused(api.get(calendarPath + "partySize=2&from=2026-12-06&to=2026-12-03"), 400, "to", db, before);
        assertRefused(api.get(calendarPath + "partySize=2&from=2026-12-01&to=2027-02-01"), 400, "to", db, before);
        assertThat(api.get(calendarPath + "partySize=2&from=2026-12-01&to=2027-01-31").json().path("days"))
                .as("62 dates are allowed").hasSize(62);
        assertRefused(api.get(calendarPath + "partySize=2&to=2026-12-03"), 400, "from", db, before);
        assertRefused(api.get(calendarPath + "partySize=2&from=2026-12-03&to=2026-12-04&zone=roof"), 400, "zone", db,
                before);
        assertRefused(api.get("/api/restaurants/nope/availability/calendar?partySize=2&from=2026-12-03&to=2026-12-04"),
                404, "restaurantId", db, before);
    }

    @Test
    void anExpiredHoldCountsForNothing() throws InterruptedException {
        confirmed("x", "19:00", 4, "T2", "T2");
        confirmed("y", "19:00", 4, "T3", "T3");
        Api.Response placed = api.post(R + "/holds", parse("""
                {"partySize": 4, "start": "2026-12-04T19:00:00", "expiresInSeconds": 1}
                """));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(slot(api.get(AVAILABILITY + "?partySize=4"), "19:00").path("available").asBoolean()).isFalse();
        Thread.sleep(1500);
        assertThat(slot(api.get(AVAILABILITY + "?partySize=4"), "19:00").path("available").asBoolean()).isTrue();
        ObjectNode late = instant("late", "19:00", 4);
        late.put("holdId", placed.json().path("id").asText());
        Map<String, List<String>> before = db.snapshot();
        Api.Response expired = api.post(BOOKINGS, late);
        assertRefused(expired, 409, "holdId", db, before);
        assertThat(expired.json().path("code").asText()).isEqualTo("HOLD_EXPIRED");
    }

    @Test
    void theSolveKeepsRoomForCapacityHolds() {
        api.post(R + "/holds", parse("""
                {"partySize": 4, "start": "2026-12-04T19:00:00", "expiresInSeconds": 300}
                """));
        api.post(BOOKINGS, booking("p1", "19:00", 4));
        api.post(BOOKINGS, booking("p2", "19:00", 4));
        api.post(BOOKINGS, booking("p3", "19:00", 4));
        Api.Response solve = api.post(R + "/days/2026-12-04/solve", null);
        assertThat(solve.status()).as("%s", solve).isEqualTo(200);
        assertThat(solve.json().path("seated").asInt()).as("T2, T3, T4 seat three parties of 4; one is held")
                .isEqualTo(2);
        assertThat(solve.json().path("unseated").asInt()).isEqualTo(1);
    }

    @Test
    void confirmationsAndHoldsDuringASolveMakeItSolveAgainNeverOverwriteThem() {
        api.post(BOOKINGS, booking("p1", "19:00", 4));
        api.post(BOOKINGS, booking("p2", "19:00", 4));
        hooks.beforeCommit(attempt -> {
            if (attempt.attempt() == 1) {
                // Between the solve's snapshot and its commit: a guest confirms online, another flow holds 4.
                assertThat(api.post(BOOKINGS, instant("online", "19:00", 4)).status()).isEqualTo(201);
                assertThat(api.post(R + "/holds", parse("""
                        {"partySize": 4, "start": "2026-12-04T19:00:00", "expiresInSeconds": 300}
                        """)).status()).isEqualTo(201);
            }
        });
        Api.Response solve = api.post(R + "/days/2026-12-04/solve", null);
        assertThat(solve.status()).as("%s", solve).isEqualTo(200);
        assertThat(solve.json().path("attempts").asInt()).as("the first plan was stale").isEqualTo(2);
        assertThat(api.get(BOOKINGS + "/online").json().path("status").asText()).isEqualTo("CONFIRMED");
        // Three tables seat 4 (T2, T3, T4): the online guest and the hold take two, one request is seated.
        assertThat(solve.json().path("newlyConfirmed").asInt()).isEqualTo(1);
        assertThat(slot(api.get(AVAILABILITY + "?partySize=4"), "19:00").path("code").asText()).isEqualTo("FULL");
    }

    @Test
    void racingConfirmationsForTheLastTableHaveExactlyOneWinner() throws Exception {
        api.put("/api/restaurants/one", parse("""
                {"name": "One Table", "timeZone": "Europe/London", "turnoverBufferMinutes": 0,
                 "zones": [{"id": "main", "name": "Main"}],
                 "tables": [{"id": "T1", "zone": "main", "minCapacity": 1, "maxCapacity": 4}]}
                """));
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<Api.Response>> answers = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                ObjectNode body = instant("race-" + i, "19:00", 2);
                Callable<Api.Response> call = i % 2 == 0
                        ? () -> api.post("/api/restaurants/one/bookings", body)
                        : () -> api.post("/api/restaurants/one/holds", parse("""
                                {"partySize": 2, "start": "2026-12-04T19:30:00", "durationMinutes": 60,
                                 "expiresInSeconds": 300}
                                """));
                answers.add(pool.submit(call));
            }
            int won = 0;
            for (Future<Api.Response> answer : answers) {
                Api.Response response = answer.get();
                if (response.status() == 201) {
                    won++;
                } else {
                    assertThat(response.status()).as("%s", response).isEqualTo(409);
                    assertThat(response.json().path("code").asText()).isEqualTo("FULL");
                }
            }
            assertThat(won).as("exactly one booking or hold gets the table").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theLateServiceOfTheDayBeforeTakesItsTableOnADayWithoutBookingsOfItsOwn() {
        // One table, no service periods. A party of the 4th sits 05:00-07:00 on the 5th (late service); the 5th has
        // no booking of its own, so nothing but that stay blocks T1 there.
        soloRestaurant();
        Api.Response late = api.post("/api/restaurants/solo/bookings", parse("""
                {"id": "night-owls", "date": "2026-12-04", "start": "2026-12-05T05:00:00", "durationMinutes": 120,
                 "partySize": 2, "confirm": true}
                """));
        assertThat(late.status()).as("%s", late).isEqualTo(201);

        Api.Response refused = assertFullAtSixOnTheFifth();
        assertThat(refused.json().path("alternatives").toString()).contains("2026-12-05T07:");
        JsonNode later = soloSlotOnTheFifth("07:10");
        assertThat(later.path("available").asBoolean()).as("free from 07:00 + 10 minutes: %s", later).isTrue();
    }

    @Test
    void aCapacityHoldForTheLateServiceOfTheDayBeforeKeepsItsRoomOnTheNextDate() {
        soloRestaurant();
        // A guest of the 4th's late service checks out for 05:00-07:00 on the 5th: the only table is promised to them.
        Api.Response hold = api.post("/api/restaurants/solo/holds", parse("""
                {"partySize": 2, "start": "2026-12-05T05:00:00", "durationMinutes": 120, "expiresInSeconds": 300}
                """));
        assertThat(hold.status()).as("%s", hold).isEqualTo(201);

        assertFullAtSixOnTheFifth();
        // Nor does a solve of the 5th give the table to a request.
        assertThat(api.post("/api/restaurants/solo/bookings", parse("""
                {"id": "early-bird", "date": "2026-12-05", "start": "2026-12-05T06:00:00", "durationMinutes": 60,
                 "partySize": 2}
                """)).status()).isEqualTo(201);
        Api.Response solve = api.post("/api/restaurants/solo/days/2026-12-05/solve", null);
        assertThat(solve.status()).as("%s", solve).isEqualTo(200);
        assertThat(solve.json().path("seated").asInt()).as("%s", solve).isZero();
        assertThat(solve.json().path("unseatedBookings").get(0).path("bookingId").asText()).isEqualTo("early-bird");
        assertThat(solve.json().path("unseatedBookings").get(0).path("reason").asText()).as("names the hold")
                .contains(hold.json().path("id").asText());

        ObjectNode checkout = parse("""
                {"date": "2026-12-04", "start": "2026-12-05T05:00:00", "durationMinutes": 120, "partySize": 2,
                 "confirm": true}
                """);
        checkout.put("holdId", hold.json().path("id").asText());
        Api.Response confirmed = api.post("/api/restaurants/solo/bookings", checkout);
        assertThat(confirmed.status()).as("the hold becomes the booking: %s", confirmed).isEqualTo(201);
        assertThat(confirmed.json().path("tables").toString()).isEqualTo("[\"T1\"]");
    }

    @Test
    void aCapacityHoldOfTheDayBeforePlacedDuringASolveMakesItSolveAgain() {
        soloRestaurant();
        assertThat(api.post("/api/restaurants/solo/bookings", parse("""
                {"id": "early-bird", "date": "2026-12-05", "start": "2026-12-05T06:00:00", "durationMinutes": 60,
                 "partySize": 2}
                """)).status()).isEqualTo(201);
        hooks.beforeCommit(attempt -> {
            if (attempt.attempt() == 1) {
                // Between the solve's snapshot of the 5th and its commit: a hold for the 4th's late service.
                assertThat(api.post("/api/restaurants/solo/holds", parse("""
                        {"partySize": 2, "start": "2026-12-05T05:00:00", "durationMinutes": 120, "expiresInSeconds": 300}
                        """)).status()).isEqualTo(201);
            }
        });
        Api.Response solve = api.post("/api/restaurants/solo/days/2026-12-05/solve", null);
        assertThat(solve.status()).as("%s", solve).isEqualTo(200);
        assertThat(solve.json().path("attempts").asInt()).as("the first plan was stale").isEqualTo(2);
        assertThat(solve.json().path("seated").asInt()).as("the hold keeps T1: %s", solve).isZero();
    }

    /** Restaurant "solo": one table for up to 4, a 10-minute turnover buffer, no service periods. */
    private void soloRestaurant() {
        assertThat(api.put("/api/restaurants/solo", parse("""
                {"name": "Solo", "timeZone": "Europe/London", "turnoverBufferMinutes": 10,
                 "zones": [{"id": "bar", "name": "Bar"}],
                 "tables": [{"id": "T1", "zone": "bar", "minCapacity": 1, "maxCapacity": 4}]}
                """)).status()).isEqualTo(201);
    }

    /** Solo's availability for a party of 2 for 60 minutes at {@code time} on the 5th. */
    private JsonNode soloSlotOnTheFifth(String time) {
        return api.get("/api/restaurants/solo/days/2026-12-05/availability?partySize=2&durationMinutes=60&from=" + time
                + "&to=" + time).json().path("slots").get(0);
    }

    /** 06:00 on the 5th is FULL at solo: offered as such, and a confirmation there is refused, writing nothing. */
    private Api.Response assertFullAtSixOnTheFifth() {
        JsonNode early = soloSlotOnTheFifth("06:00");
        assertThat(early.path("available").asBoolean()).as("%s", early).isFalse();
        assertThat(early.path("code").asText()).isEqualTo("FULL");
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.post("/api/restaurants/solo/bookings", parse("""
                {"date": "2026-12-05", "start": "2026-12-05T06:00:00", "durationMinutes": 60, "partySize": 2,
                 "confirm": true}
                """));
        assertRefused(refused, 409, "start", db, before);
        assertThat(refused.json().path("code").asText()).isEqualTo("FULL");
        return refused;
    }
}
