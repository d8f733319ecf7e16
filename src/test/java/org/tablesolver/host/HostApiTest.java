package org.tablesolver.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/** The host's actions over REST on the test bistro (T1 1-2, T2 2-4, T3 2-4, T4 4-6 out of reach, C1 = T2+T3 5-8). */
@DatabaseTest
class HostApiTest extends SolvingTest {

    static final String R = "/api/restaurants/r1";
    static final String BOOKINGS = R + "/bookings";

    /** The application's clock (TestClock): walk-ins and completions happen at its "now". */
    @Autowired
    Clock clock;

    @BeforeEach
    void restaurant() {
        assertThat(api.put(R, plan()).status()).isEqualTo(201);
    }

    private Api.Response confirmed(String id, String time, int party) {
        Api.Response created = api.post(BOOKINGS, booking(id, time, party).put("confirm", true));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created;
    }

    private Api.Response patch(String id, String json) {
        return api.send("PATCH", BOOKINGS + "/" + id, json, "application/merge-patch+json");
    }

    private JsonNode get(String id) {
        return api.get(BOOKINGS + "/" + id).json();
    }

    private static List<String> tables(JsonNode booking) {
        List<String> tables = new ArrayList<>();
        booking.path("tables").forEach(t -> tables.add(t.asText()));
        return tables;
    }

    @Test
    void guestFieldsAreStoredShownAndPartOfIdempotency() {
        ObjectNode request = booking("g1", "19:00", 2).put("guestName", "Ada Lovelace").put("notes", "window please")
                .put("externalRef", "OT-1");
        request.putArray("tags").add("birthday").add("regular");
        Api.Response created = api.post(BOOKINGS, request);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("guestName").asText()).isEqualTo("Ada Lovelace");
        assertThat(created.json().path("tags").toString()).isEqualTo("[\"birthday\",\"regular\"]");
        assertThat(created.headers().firstValue("ETag")).hasValue("\"0\"");
        assertThat(api.post(BOOKINGS, request).status()).as("the same request again").isEqualTo(200);
        assertProblem(api.post(BOOKINGS, request.deepCopy().put("notes", "other")), 409, "id");

        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post(BOOKINGS, booking("g2", "19:00", 2).put("guestName", "x".repeat(201))), 400,
                "guestName", db, before);
        ObjectNode manyTags = booking("g2", "19:00", 2);
        for (int i = 0; i < 21; i++) {
            manyTags.withArray("tags").add("t" + i);
        }
        assertRefused(api.post(BOOKINGS, manyTags), 400, "tags", db, before);
        assertRefused(api.post(BOOKINGS, booking("g2", "19:00", 2).put("notes", "n".repeat(2001))), 400, "notes", db,
                before);
    }

    @Test
    void patchUpdatesAPendingBookingWithMergePatchSemanticsAndEtags() {
        api.post(BOOKINGS, booking("p1", "19:00", 2).put("preferredZone", "bar").put("guestName", "Ada"));
        Api.Response changed = patch("p1", "{\"partySize\": 3, \"preferredZone\": null, \"notes\": \"late\"}");
        assertThat(changed.status()).as("%s", changed).isEqualTo(200);
        assertThat(changed.json().path("partySize").asInt()).isEqualTo(3);
        assertThat(changed.json().path("preferredZone").isNull()).isTrue();
        assertThat(changed.json().path("guestName").asText()).as("untouched").isEqualTo("Ada");
        assertThat(changed.json().path("notes").asText()).isEqualTo("late");
        assertThat(changed.json().path("version").asLong()).isEqualTo(1);
        assertThat(changed.headers().firstValue("ETag")).hasValue("\"1\"");
        assertThat(api.send("PATCH", BOOKINGS + "/p1", "{\"priority\": 5}", "application/json").status())
                .as("application/json is accepted too").isEqualTo(200);

        Map<String, List<String>> before = db.snapshot();
        java.net.http.HttpRequest stale = java.net.http.HttpRequest.newBuilder(api.uri(BOOKINGS + "/p1"))
                .header("Authorization", "Bearer " + api.key()).header("Content-Type", "application/merge-patch+json")
                .header("If-Match", "\"1\"")
                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"partySize\": 4}")).build();
        assertRefused(api.send(stale), 412, "If-Match", db, before);
        assertRefused(patch("p1", "{\"partySize\": \"4\"}"), 400, "partySize", db, before);
        assertRefused(patch("p1", "{\"partysize\": 4}"), 400, "partysize", db, before);
        assertRefused(patch("p1", "{\"start\": \"2026-12-05T19:00:00\"}"), 400, "start", db, before);
        assertRefused(patch("p1", "{\"requiredZone\": \"roof\"}"), 400, "requiredZone", db, before);
        assertRefused(patch("p1", "{\"partySize\": null}"), 400, "partySize", db, before);
        assertRefused(patch("nope", "{\"partySize\": 2}"), 404, "bookingId", db, before);
    }

    @Test
    void aConfirmedBookingKeepsItsTablesWhenTheyStillFitElseItIsReseatedOrRefused() {
        confirmed("c1", "19:00", 2);
        String table = tables(get("c1")).get(0);
        Api.Response shorter = patch("c1", "{\"durationMinutes\": 60}");
        assertThat(shorter.status()).as("%s", shorter).isEqualTo(200);
        assertThat(tables(shorter.json())).as("kept its table").containsExactly(table);

        Api.Response bigger = patch("c1", "{\"partySize\": 6}");
        assertThat(bigger.status()).as("%s", bigger).isEqualTo(200);
        assertThat(bigger.json().path("seating").asText()).as("re-seated where six fit").isIn("T4", "C1");
        assertThat(bigger.json().path("version").asLong()).isEqualTo(get("c1").path("version").asLong());

        confirmed("c2", "19:00", 2);
        confirmed("c3", "19:00", 4);   // on T2 or T3: the combination is gone at 19:00
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = patch("c2", "{\"partySize\": 8}");
        assertRefused(refused, 409, "start", db, before);
        assertThat(refused.json().path("code").asText()).isEqualTo("FULL");
        assertThat(refused.json().path("alternatives").isArray()).isTrue();
    }

    @Test
    void aSeatedPartyMayStayLongerAndTheNextPartyMovesIfItCan() {
        confirmed("s1", "18:00", 4);
        api.put(BOOKINGS + "/s1/seating", parse("{\"seating\": \"T2\"}"));
        assertThat(api.post(BOOKINGS + "/s1/seat", null).status()).isEqualTo(200);
        confirmed("n1", "19:45", 3);
        api.put(BOOKINGS + "/n1/seating", parse("{\"seating\": \"T2\"}"));
        assertThat(get("n1").path("seating").asText()).isEqualTo("T2");

        Map<String, List<String>> before = db.snapshot();
        assertRefused(patch("s1", "{\"start\": \"2026-12-04T18:30:00\"}"), 409, "start", db, before);

        Api.Response longer = patch("s1", "{\"durationMinutes\": 150}");
        assertThat(longer.status()).as("%s", longer).isEqualTo(200);
        assertThat(longer.json().path("status").asText()).isEqualTo("SEATED");
        assertThat(tables(longer.json())).containsExactly("T2");
        assertThat(longer.json().path("moved").get(0).path("bookingId").asText()).isEqualTo("n1");
        assertThat(get("n1").path("seating").asText()).isEqualTo("T3");

        // y1 follows on T2 at 20:45 while n1 keeps T3 until 21:25: a still longer stay has nowhere to send y1
        confirmed("y1", "20:45", 3);
        assertThat(get("y1").path("seating").asText()).isEqualTo("T2");
        before = db.snapshot();
        Api.Response refused = patch("s1", "{\"durationMinutes\": 170}");
        assertRefused(refused, 409, "durationMinutes", db, before);
        assertThat(refused.json().path("bookings").toString()).isEqualTo("[\"y1\"]");
    }

    @Test
    void aHostSeatsByHandPinsAndMovesOthersOnlyWhenAsked() {
        confirmed("a1", "19:00", 2);
        String taken = tables(get("a1")).get(0);
        api.post(BOOKINGS, booking("w1", "19:00", 2));

        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.put(BOOKINGS + "/w1/seating", parse("{\"seating\": \"" + taken + "\"}"));
        assertRefused(refused, 409, "seating", db, before);
        assertThat(refused.json().path("bookings").toString()).isEqualTo("[\"a1\"]");
        assertRefused(api.put(BOOKINGS + "/w1/seating", parse("{\"seating\": \"C1\"}")), 409, "seating", db, before);
        assertRefused(api.put(BOOKINGS + "/w1/seating", parse("{\"seating\": \"T9\"}")), 400, "seating", db, before);

        Api.Response moved = api.put(BOOKINGS + "/w1/seating",
                parse("{\"seating\": \"" + taken + "\", \"pinned\": true, \"moveOthers\": true}"));
        assertThat(moved.status()).as("%s", moved).isEqualTo(200);
        assertThat(moved.json().path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(moved.json().path("pinned").asBoolean()).isTrue();
        assertThat(tables(moved.json())).containsExactly(taken);
        assertThat(moved.json().path("moved").get(0).path("bookingId").asText()).isEqualTo("a1");
        assertThat(tables(get("a1"))).doesNotContain(taken);

        for (String mode : List.of("PENDING_ONLY", "REOPTIMIZE")) {
            api.post(BOOKINGS, booking("more-" + mode, "19:00", 2));
            Api.Response solved = api.post(R + "/days/2026-12-04/solve",
                    parse("{\"mode\": \"" + mode + "\"}"));
            assertThat(solved.status()).as("%s", solved).isEqualTo(200);
            assertThat(tables(get("w1"))).as("the pinned booking after a %s solve", mode).containsExactly(taken);
        }
    }

    @Test
    void aHostNeverTakesTheLastRoomOfACapacityHold() {
        // A capacity hold names no table. One for four in the bar at 19:00 counts on T2, the bar's only table for
        // four: seating a party there by hand, or moving a confirmed booking's start onto it, is refused naming the
        // hold, and nothing changes, as is a seated party's longer stay into it; elsewhere, or once the hold is
        // released, it is fine.
        Api.Response hold = api.post(R + "/holds", parse("""
                {"partySize": 4, "zone": "bar", "start": "2026-12-04T19:00:00", "durationMinutes": 90,
                 "expiresInSeconds": 600}"""));
        assertThat(hold.status()).as("%s", hold).isEqualTo(201);
        String holdId = hold.json().path("id").asText();
        api.post(BOOKINGS, booking("w1", "19:00", 2));

        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.put(BOOKINGS + "/w1/seating", parse("{\"seating\": \"T2\"}"));
        assertRefused(refused, 409, "seating", db, before);
        assertThat(refused.json().path("holds").toString()).isEqualTo("[\"" + holdId + "\"]");
        assertThat(api.put(BOOKINGS + "/w1/seating", parse("{\"seating\": \"T3\"}")).status()).isEqualTo(200);

        confirmed("a2", "21:00", 2);
        assertThat(api.put(BOOKINGS + "/a2/seating", parse("{\"seating\": \"T2\"}")).status()).isEqualTo(200);
        before = db.snapshot();
        Api.Response earlier = patch("a2", "{\"start\": \"2026-12-04T19:30:00\"}");
        assertRefused(earlier, 409, "start", db, before);
        assertThat(earlier.json().path("holds").toString()).isEqualTo("[\"" + holdId + "\"]");

        // a party seated on T2 before the hold's time may not stay on into it
        confirmed("s1", "17:00", 2);
        assertThat(api.put(BOOKINGS + "/s1/seating", parse("{\"seating\": \"T2\"}")).status()).isEqualTo(200);
        assertThat(api.post(BOOKINGS + "/s1/seat", null).status()).isEqualTo(200);
        before = db.snapshot();
        Api.Response longer = patch("s1", "{\"durationMinutes\": 150}");
        assertRefused(longer, 409, "durationMinutes", db, before);
        assertThat(longer.json().path("holds").toString()).isEqualTo("[\"" + holdId + "\"]");

        assertThat(api.delete(R + "/holds/" + holdId).status()).isEqualTo(204);
        Api.Response released = patch("a2", "{\"start\": \"2026-12-04T19:30:00\"}");
        assertThat(released.status()).as("%s", released).isEqualTo(200);
        assertThat(tables(released.json())).containsExactly("T2");
    }

    @Test
    void aHostSeatingMovesAConfirmedBookingWhenThatKeepsACapacityHoldFitting() {
        // a1 sits on T1 and a hold for two in the bar counts on T2. Seating w1 on T2 by hand leaves the hold room
        // only if a1 moves (to T3, the free table for two): it moves, as when a hold is admitted, and says so.
        confirmed("a1", "19:00", 2);
        assertThat(api.put(BOOKINGS + "/a1/seating", parse("{\"seating\": \"T1\"}")).status()).isEqualTo(200);
        Api.Response hold = api.post(R + "/holds", parse("""
                {"partySize": 2, "zone": "bar", "start": "2026-12-04T19:00:00", "durationMinutes": 90,
                 "expiresInSeconds": 600}"""));
        assertThat(hold.status()).as("%s", hold).isEqualTo(201);
        api.post(BOOKINGS, booking("w1", "19:00", 2));

        Api.Response seated = api.put(BOOKINGS + "/w1/seating", parse("{\"seating\": \"T2\"}"));
        assertThat(seated.status()).as("%s", seated).isEqualTo(200);
        assertThat(tables(seated.json())).containsExactly("T2");
        assertThat(seated.json().path("moved").get(0).path("bookingId").asText()).isEqualTo("a1");
        assertThat(tables(get("a1"))).containsExactly("T3");
    }

    @Test
    void noShowReleasesTablesAndOnlyConfirmedBookingsCanBeNoShows() {
        confirmed("n1", "19:00", 2);
        Api.Response noShow = api.post(BOOKINGS + "/n1/no-show", null);
        assertThat(noShow.status()).as("%s", noShow).isEqualTo(200);
        assertThat(noShow.json().path("status").asText()).isEqualTo("NO_SHOW");
        assertThat(tables(noShow.json())).isEmpty();
        api.post(BOOKINGS, booking("p1", "19:00", 2));
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post(BOOKINGS + "/p1/no-show", null), 409, "status", db, before);
        assertRefused(api.post(BOOKINGS + "/p1/complete", null), 409, "status", db, before);
        assertRefused(api.delete(BOOKINGS + "/n1"), 409, "status", db, before);
        assertRefused(patch("n1", "{\"partySize\": 3}"), 409, "status", db, before);
    }

    @Test
    void aCompletedStayFreesItsTableForAWalkInTheSameMinute() {
        ObjectNode onlyOneTable = parse("""
                {"name": "Tiny", "timeZone": "Europe/London", "turnoverBufferMinutes": 10,
                 "zones": [{"id": "bar", "name": "Bar"}],
                 "tables": [{"id": "T1", "zone": "bar", "minCapacity": 1, "maxCapacity": 4}]}
                """);
        assertThat(api.put("/api/restaurants/tiny", onlyOneTable).status()).isEqualTo(201);
        ZoneId london = ZoneId.of("Europe/London");
        LocalDateTime now = LocalDateTime.now(clock.withZone(london)).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime start = now.minusMinutes(30);
        ObjectNode early = booking("t1", "12:00", 2).put("start", start.toString() + ":00")
                .put("date", (start.getHour() < 6 ? start.toLocalDate().minusDays(1) : start.toLocalDate()).toString())
                .put("durationMinutes", 120).put("confirm", true);
        assertThat(api.post("/api/restaurants/tiny/bookings", early).status()).isEqualTo(201);
        assertThat(api.post("/api/restaurants/tiny/bookings/t1/seat", null).status()).isEqualTo(200);

        Map<String, List<String>> before = db.snapshot();
        Api.Response full = api.post("/api/restaurants/tiny/walk-ins", parse("{\"partySize\": 2, \"durationMinutes\": 60}"));
        assertRefused(full, 409, "partySize", db, before);
        // the table is free again at start + 120 + 10 minutes: 100 minutes after the start minute of the check
        long expected = Duration.between(LocalDateTime.now(clock.withZone(london)).truncatedTo(ChronoUnit.MINUTES),
                start.plusMinutes(130)).toMinutes();
        assertThat(full.json().path("waitMinutes").asLong()).isBetween(expected - 1, expected);

        Api.Response completed = api.post("/api/restaurants/tiny/bookings/t1/complete", null);
        assertThat(completed.status()).as("%s", completed).isEqualTo(200);
        assertThat(completed.json().path("status").asText()).isEqualTo("COMPLETED");
        Api.Response walkIn = api.post("/api/restaurants/tiny/walk-ins",
                parse("{\"partySize\": 2, \"durationMinutes\": 60, \"guestName\": \"Grace\"}"));
        assertThat(walkIn.status()).as("%s", walkIn).isEqualTo(201);
        assertThat(walkIn.json().path("status").asText()).isEqualTo("SEATED");
        assertThat(tables(walkIn.json())).containsExactly("T1");
        assertThat(LocalDateTime.parse(walkIn.json().path("start").asText()))
                .isBetween(now, LocalDateTime.now(clock.withZone(london)));
        assertThat(walkIn.json().path("guestName").asText()).isEqualTo("Grace");

        before = db.snapshot();
        assertRefused(api.post("/api/restaurants/tiny/walk-ins", parse("{\"partySize\": 9, \"durationMinutes\": 60}")), 409,
                "partySize", db,
                before);
        assertRefused(api.post("/api/restaurants/tiny/walk-ins", parse("{\"partySize\": 2}")), 400, "durationMinutes",
                db, before);
        assertRefused(api.post("/api/restaurants/tiny/walk-ins", parse("{\"durationMinutes\": 60}")), 400, "partySize",
                db, before);
    }

    @Test
    void aHostCompletesATableAndSeatsTheNextPartyAtOnce() {
        assertThat(api.put("/api/restaurants/tiny", tinyPlan()).status()).isEqualTo(201);
        // a quick drink: seated and gone within the same minute, and the next party takes the table at once
        Api.Response first = api.post("/api/restaurants/tiny/walk-ins", parse("{\"partySize\": 2, \"durationMinutes\": 60}"));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        String firstId = first.json().path("id").asText();
        assertThat(api.post("/api/restaurants/tiny/bookings/" + firstId + "/complete", null).status()).isEqualTo(200);
        Api.Response next = api.post("/api/restaurants/tiny/walk-ins", parse("{\"partySize\": 3, \"durationMinutes\": 60}"));
        assertThat(next.status()).as("the table is free: %s", next).isEqualTo(201);
        assertThat(tables(next.json())).containsExactly("T1");
        assertThat(LocalDateTime.parse(next.json().path("start").asText()))
                .as("starts within a minute of now")
                .isAfterOrEqualTo(LocalDateTime.parse(first.json().path("start").asText()))
                .isBeforeOrEqualTo(LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London"))).plusMinutes(1));
        // and a third party really has to wait for a table
        Map<String, List<String>> before = db.snapshot();
        Api.Response third = api.post("/api/restaurants/tiny/walk-ins", parse("{\"partySize\": 2, \"durationMinutes\": 60}"));
        assertRefused(third, 409, "partySize", db, before);
        assertThat(third.json().path("waitMinutes").asInt()).isGreaterThan(60);
    }

    @Test
    void seatingByHandAroundSixKeepsTheRoomOfTheDayBeforesCapacityHold() {
        assertThat(api.put("/api/restaurants/tiny", tinyPlan()).status()).isEqualTo(201);
        // a guest of the 4th's late service checks out for 05:00-07:00 on the 5th: T1 is promised to them
        Api.Response hold = api.post("/api/restaurants/tiny/holds", parse("""
                {"partySize": 2, "start": "2026-12-05T05:00:00", "durationMinutes": 120, "expiresInSeconds": 600}"""));
        assertThat(hold.status()).as("%s", hold).isEqualTo(201);
        assertThat(api.post("/api/restaurants/tiny/bookings", parse("""
                {"id": "early", "date": "2026-12-05", "start": "2026-12-05T06:00:00", "durationMinutes": 60,
                 "partySize": 2}""")).status()).isEqualTo(201);
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.put("/api/restaurants/tiny/bookings/early/seating", parse("{\"seating\": \"T1\"}"));
        assertRefused(refused, 409, "seating", db, before);
        assertThat(refused.json().path("holds").toString()).isEqualTo("[\"" + hold.json().path("id").asText() + "\"]");
    }

    /** Restaurant "tiny": one table for up to four, a 10-minute turnover buffer, no service periods. */
    private static ObjectNode tinyPlan() {
        return parse("""
                {"name": "Tiny", "timeZone": "Europe/London", "turnoverBufferMinutes": 10,
                 "zones": [{"id": "bar", "name": "Bar"}],
                 "tables": [{"id": "T1", "zone": "bar", "minCapacity": 1, "maxCapacity": 4}]}
                """);
    }

    @Test
    void bookingsAreListedAPageAtATimeWithFilters() {
        for (int i = 0; i < 7; i++) {
            api.post(BOOKINGS, booking("l" + i, (12 + i) + ":00", 2).put("externalRef", i % 2 == 0 ? "even" : "odd"));
        }
        api.delete(BOOKINGS + "/l6");
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = api.get(BOOKINGS + "?limit=3&from=2026-12-04&to=2026-12-04"
                    + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as("%s", page).isEqualTo(200);
            page.json().path("bookings").forEach(b -> seen.add(b.path("id").asText()));
            cursor = page.json().path("nextCursor").isNull() ? null : page.json().path("nextCursor").asText();
            pages++;
        } while (cursor != null);
        assertThat(seen).containsExactly("l0", "l1", "l2", "l3", "l4", "l5", "l6");
        assertThat(pages).isEqualTo(3);
        assertThat(api.get(BOOKINGS + "?status=CANCELLED").json().path("bookings").size()).isEqualTo(1);
        assertThat(api.get(BOOKINGS + "?externalRef=odd").json().path("bookings").size()).isEqualTo(3);
        assertThat(api.get(BOOKINGS + "?status=PENDING&status=CANCELLED").json().path("bookings").size())
                .isEqualTo(7);
        assertProblem(api.get(BOOKINGS + "?status=LOST"), 400, "status");
        assertProblem(api.get(BOOKINGS + "?cursor=nonsense"), 400, "cursor");
        assertProblem(api.get(BOOKINGS + "?limit=0"), 400, "limit");
    }

    @Test
    void aFloorPlanChangeMayReseatTheFutureBookingsItStrands() {
        confirmed("f1", "19:00", 2);
        api.put(BOOKINGS + "/f1/seating", parse("{\"seating\": \"T1\"}"));
        confirmed("f2", "12:00", 2);
        api.put(BOOKINGS + "/f2/seating", parse("{\"seating\": \"T2\"}"));
        ObjectNode withoutT1 = plan();
        withoutT1.withArray("tables").remove(0);
        long version = get("f1").path("version").asLong();

        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.put(R, withoutT1), 409, "tables", db, before);
        Api.Response replaced = api.put(R + "?reseat=true", withoutT1);
        assertThat(replaced.status()).as("%s", replaced).isEqualTo(200);
        assertThat(replaced.json().path("tables").size()).isEqualTo(3);
        JsonNode f1 = get("f1");
        assertThat(f1.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(tables(f1)).isNotEmpty().doesNotContain("T1");
        assertThat(f1.path("version").asLong()).isEqualTo(version + 1);
        JsonNode last = api.get(R + "/changes?after=0&limit=1000").json().path("changes");
        assertThat(last.get(last.size() - 1).path("bookingId").asText()).isEqualTo("f1");
        assertThat(last.get(last.size() - 1).path("cause").asText()).isEqualTo("HOST");

        // a SEATED party on a table the plan removes cannot be re-seated: 409, nothing changed
        assertThat(api.post(BOOKINGS + "/f2/seat", null).status()).isEqualTo(200);
        ObjectNode withoutT2 = plan();
        withoutT2.withArray("tables").remove(0);
        withoutT2.withArray("tables").remove(0);
        withoutT2.putArray("combinations");
        before = db.snapshot();
        Api.Response refused = api.put(R + "?reseat=true", withoutT2);
        assertRefused(refused, 409, "tables", db, before);
        assertThat(refused.json().path("detail").asText()).contains("f2").contains("SEATED");
    }

    @Test
    void aFloorPlanChangeDoesNotMoveABookingThatHasStarted() {
        LocalDateTime started = LocalDateTime.now(clock.withZone(ZoneId.of("Europe/London")))
                .truncatedTo(ChronoUnit.MINUTES).minusMinutes(30);
        ObjectNode request = booking("s0", "12:00", 2).put("date", started.toLocalDate().toString())
                .put("start", started + ":00").put("confirm", true);
        assertThat(api.post(BOOKINGS, request).status()).isEqualTo(201);
        assertThat(api.put(BOOKINGS + "/s0/seating", parse("{\"seating\": \"T1\"}")).status()).isEqualTo(200);
        ObjectNode withoutT1 = plan();
        withoutT1.withArray("tables").remove(0);

        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.put(R + "?reseat=true", withoutT1);
        assertRefused(refused, 409, "tables", db, before);
        assertThat(refused.json().path("detail").asText()).contains("s0").contains("already started");
    }

    @Test
    void aStaleIfMatchIsRefusedByEveryChange() {
        api.post(BOOKINGS, booking("e1", "19:00", 2));
        patch("e1", "{\"notes\": \"v1\"}");
        Map<String, List<String>> before = db.snapshot();
        for (String[] change : List.of(new String[] {"POST", "/confirm", null}, new String[] {"DELETE", "", null},
                new String[] {"PUT", "/seating", "{\"seating\": \"T1\"}"}, new String[] {"POST", "/no-show", null})) {
            java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(
                            api.uri(BOOKINGS + "/e1" + change[1]))
                    .header("Authorization", "Bearer " + api.key()).header("If-Match", "\"0\"");
            request.method(change[0], change[2] == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(change[2]));
            if (change[2] != null) {
                request.header("Content-Type", "application/json");
            }
            assertRefused(api.send(request.build()), 412, "If-Match", db, before);
        }
        java.net.http.HttpRequest current = java.net.http.HttpRequest.newBuilder(api.uri(BOOKINGS + "/e1/confirm"))
                .header("Authorization", "Bearer " + api.key()).header("If-Match", "\"1\"")
                .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build();
        Api.Response confirmed = api.send(current);
        assertThat(confirmed.status()).as("%s", confirmed).isEqualTo(200);
        assertThat(confirmed.headers().firstValue("ETag")).hasValue("\"2\"");
    }
}
