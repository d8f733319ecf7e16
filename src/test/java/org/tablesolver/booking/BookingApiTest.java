package org.tablesolver.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

@DatabaseTest
class BookingApiTest {

    static final String BOOKINGS = "/api/restaurants/r1/bookings";

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;
    @Autowired
    BookingRepository bookingRepository;

    @BeforeEach
    void restaurant() {
        db.clean();
        assertThat(api.put("/api/restaurants/r1", plan()).status()).as("created").isEqualTo(201);
    }

    @Test
    void createWithoutIdGetsAServerIdAndIsPending() {
        ObjectNode request = booking(null, "19:30", 4);
        request.put("preferredZone", "garden").put("requiredZone", "bar").put("priority", 2);
        Api.Response created = api.post(BOOKINGS, request);
        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.json();
        String id = body.path("id").asText();
        assertThat(id).isNotBlank();
        assertThat(created.headers().firstValue("Location")).hasValue(BOOKINGS + "/" + id);
        assertThat(body.path("restaurantId").asText()).isEqualTo("r1");
        assertThat(body.path("date").asText()).isEqualTo("2026-12-04");
        assertThat(body.path("start").asText()).isEqualTo("2026-12-04T19:30:00");
        assertThat(body.path("durationMinutes").asInt()).isEqualTo(90);
        assertThat(body.path("partySize").asInt()).isEqualTo(4);
        assertThat(body.path("preferredZone").asText()).isEqualTo("garden");
        assertThat(body.path("requiredZone").asText()).isEqualTo("bar");
        assertThat(body.path("priority").asInt()).isEqualTo(2);
        assertThat(body.path("status").asText()).isEqualTo("PENDING");
        assertThat(body.path("tables")).isEmpty();
        assertThat(body.path("seating").isNull()).isTrue();
        assertThat(body.path("version").asLong()).isZero();

        assertThat(api.get(BOOKINGS + "/" + id).json()).isEqualTo(body);
        // a second request without id is a second booking
        assertThat(api.post(BOOKINGS, request).status()).isEqualTo(201);
        assertThat(db.count("booking")).isEqualTo(2);
    }

    @Test
    void clientIdMakesCreateIdempotent() {
        Api.Response first = api.post(BOOKINGS, booking("b1", "19:30", 4));
        assertThat(first.status()).isEqualTo(201);
        Map<String, List<String>> before = db.snapshot();

        Api.Response repeat = api.post(BOOKINGS, booking("b1", "19:30", 4).put("priority", 0));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json()).isEqualTo(first.json());
        assertThat(db.snapshot()).isEqualTo(before);

        assertRefused(api.post(BOOKINGS, booking("b1", "19:30", 5)), 409, "id", db, before);
        assertRefused(api.post(BOOKINGS, booking("b1", "19:30", 4).put("preferredZone", "bar")), 409, "id", db,
                before);
        // the same id at another restaurant is another booking
        api.put("/api/restaurants/r2", plan());
        assertThat(api.post("/api/restaurants/r2/bookings", booking("b1", "19:30", 5)).status()).isEqualTo(201);
    }

    @Test
    void concurrentRepeatsOfOneClientIdCreateOneBooking() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Api.Response>> responses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                responses.add(pool.submit(() -> api.post(BOOKINGS, booking("same", "19:30", 4))));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Api.Response> response : responses) {
                statuses.add(response.get(60, TimeUnit.SECONDS).status());
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(db.count("booking")).isEqualTo(1);
    }

    @Test
    void repeatOfACancelledBookingAnswersItAsItIs() {
        api.post(BOOKINGS, booking("b1", "19:30", 4));
        api.delete(BOOKINGS + "/b1");
        Api.Response repeat = api.post(BOOKINGS, booking("b1", "19:30", 4));
        assertThat(repeat.status()).isEqualTo(200);
        assertThat(repeat.json().path("status").asText()).isEqualTo("CANCELLED");
    }

    static Stream<Arguments> invalidBookings() {
        return Stream.of(
                refusal("party size 0", b -> b.put("partySize", 0), "partySize"),
                refusal("party size 101", b -> b.put("partySize", 101), "partySize"),
                refusal("duration 14", b -> b.put("durationMinutes", 14), "durationMinutes"),
                refusal("duration 721", b -> b.put("durationMinutes", 721), "durationMinutes"),
                refusal("start the day before", b -> b.put("start", "2026-12-03T23:00:00"), "start"),
                refusal("start at 06:00 the next day", b -> b.put("start", "2026-12-05T06:00:00"), "start"),
                refusal("start two days later", b -> b.put("start", "2026-12-06T01:00:00"), "start"),
                refusal("start with seconds", b -> b.put("start", "2026-12-04T19:30:15"), "start"),
                refusal("unknown preferred zone", b -> b.put("preferredZone", "roof"), "preferredZone"),
                refusal("unknown required zone", b -> b.put("requiredZone", "roof"), "requiredZone"),
                refusal("negative priority", b -> b.put("priority", -1), "priority"),
                refusal("missing date", b -> b.remove("date"), "date"),
                refusal("missing start", b -> b.remove("start"), "start"),
                refusal("missing party size", b -> b.remove("partySize"), "partySize"),
                refusal("impossible date", b -> b.put("date", "2026-02-30"), "date"),
                refusal("wrong type", b -> b.put("partySize", "four"), "partySize"),
                refusal("start is not a date-time", b -> b.put("start", "19:30"), "start"),
                refusal("invalid id", b -> b.put("id", "has space"), "id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidBookings")
    void invalidBookingIsRefusedAndNothingChanges(String name, Consumer<ObjectNode> change, String field) {
        api.post(BOOKINGS, booking("existing", "12:00", 2));
        Map<String, List<String>> before = db.snapshot();
        ObjectNode request = booking("b1", "19:30", 4);
        change.accept(request);
        assertRefused(api.post(BOOKINGS, request), 400, field, db, before);
    }

    @Test
    void lateServiceUntilSixInTheMorningIsAccepted() {
        Api.Response late = api.post(BOOKINGS, booking("late", "19:30", 2).put("start", "2026-12-05T05:59:00"));
        assertThat(late.status()).isEqualTo(201);
        assertThat(late.json().path("date").asText()).isEqualTo("2026-12-04");
        assertThat(late.json().path("start").asText()).isEqualTo("2026-12-05T05:59:00");
        assertThat(api.get("/api/restaurants/r1/days/2026-12-04/plan").json().path("bookings")).hasSize(1);
    }

    @Test
    void malformedBodiesAndUnknownRestaurantAreRefused() {
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post(BOOKINGS, "{\"date\": \"2026-12-04\","), 400, null, db, before);
        assertRefused(api.post(BOOKINGS, ""), 400, null, db, before);
        assertRefused(api.post("/api/restaurants/nope/bookings", booking("b1", "19:30", 2)), 404, "restaurantId", db,
                before);
    }

    @Test
    void unknownBookingOrRestaurantIs404() {
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.get(BOOKINGS + "/nope"), 404, "bookingId", db, before);
        assertRefused(api.delete(BOOKINGS + "/nope"), 404, "bookingId", db, before);
        assertRefused(api.post(BOOKINGS + "/nope/seat", null), 404, "bookingId", db, before);
        assertRefused(api.get("/api/restaurants/nope/bookings/b1"), 404, "restaurantId", db, before);
        assertRefused(api.get("/api/restaurants/nope/days/2026-12-04/plan"), 404, "restaurantId", db, before);
    }

    @Test
    void cancelReleasesTablesAndIsIdempotent() {
        api.post(BOOKINGS, booking("b1", "19:30", 4));
        db.confirm("r1", "b1", "T2", "T2");
        JsonNode confirmed = api.get(BOOKINGS + "/b1").json();
        assertThat(confirmed.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.path("tables").toString()).isEqualTo("[\"T2\"]");
        assertThat(confirmed.path("seating").asText()).isEqualTo("T2");

        Api.Response cancelled = api.delete(BOOKINGS + "/b1");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("tables")).isEmpty();
        assertThat(cancelled.json().path("version").asLong()).isEqualTo(confirmed.path("version").asLong() + 1);
        assertThat(db.count("table_assignment")).isZero();

        Map<String, List<String>> before = db.snapshot();
        Api.Response again = api.delete(BOOKINGS + "/b1");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(cancelled.json());
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void seatMovesConfirmedToSeatedAndNothingElse() {
        api.post(BOOKINGS, booking("b1", "19:30", 7));
        Map<String, List<String>> pending = db.snapshot();
        assertRefused(api.post(BOOKINGS + "/b1/seat", null), 409, "status", db, pending);

        db.confirm("r1", "b1", "C1", "T2", "T3");
        Api.Response seated = api.post(BOOKINGS + "/b1/seat", null);
        assertThat(seated.status()).isEqualTo(200);
        assertThat(seated.json().path("status").asText()).isEqualTo("SEATED");
        assertThat(seated.json().path("seating").asText()).isEqualTo("C1");
        assertThat(seated.json().path("tables").toString()).isEqualTo("[\"T2\",\"T3\"]");

        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post(BOOKINGS + "/b1/seat", null), 409, "status", db, before);
        assertRefused(api.delete(BOOKINGS + "/b1"), 409, "status", db, before);

        api.post(BOOKINGS, booking("b2", "12:00", 2));
        api.delete(BOOKINGS + "/b2");
        Map<String, List<String>> cancelled = db.snapshot();
        assertRefused(api.post(BOOKINGS + "/b2/seat", null), 409, "status", db, cancelled);
    }

    @Test
    void dayPlanIsOrderedByStartThenIdAndHidesCancelled() {
        api.post(BOOKINGS, booking("b3", "19:30", 2));
        api.post(BOOKINGS, booking("b2", "19:30", 2));
        api.post(BOOKINGS, booking("b1", "20:00", 2));
        api.post(BOOKINGS, booking("b0", "12:00", 2));
        api.post(BOOKINGS, booking("other-day", "12:00", 2).put("date", "2026-12-05").put("start", "2026-12-05T12:00:00"));
        db.confirm("r1", "b2", "C1", "T2", "T3");
        api.delete(BOOKINGS + "/b0");

        Api.Response plan = api.get("/api/restaurants/r1/days/2026-12-04/plan");
        assertThat(plan.status()).isEqualTo(200);
        assertThat(plan.json().path("restaurantId").asText()).isEqualTo("r1");
        assertThat(plan.json().path("date").asText()).isEqualTo("2026-12-04");
        assertThat(plan.json().path("bookings")).extracting(b -> b.path("id").asText())
                .containsExactly("b2", "b3", "b1");
        JsonNode b2 = plan.json().path("bookings").get(0);
        assertThat(b2.path("tables").toString()).isEqualTo("[\"T2\",\"T3\"]");
        assertThat(b2.path("status").asText()).isEqualTo("CONFIRMED");
        assertThat(b2.has("preferredZone")).isTrue();
        assertThat(b2.has("requiredZone")).isTrue();
        assertThat(b2.path("priority").asInt()).isZero();

        assertThat(api.get("/api/restaurants/r1/days/2026-12-04/plan?includeCancelled=true").json().path("bookings"))
                .extracting(b -> b.path("id").asText()).containsExactly("b0", "b2", "b3", "b1");
        assertThat(bookingRepository.findDay("r1", LocalDate.of(2026, 12, 4), false))
                .extracting(Booking::id).containsExactly("b2", "b3", "b1");
    }

    @Test
    void impossibleDateInThePathIs400() {
        assertProblem(api.get("/api/restaurants/r1/days/2026-02-30/plan"), 400, "date");
        assertProblem(api.get("/api/restaurants/r1/days/tomorrow/plan"), 400, "date");
        assertProblem(api.get("/api/restaurants/r1/days/2026-12-04/plan?includeCancelled=maybe"), 400,
                "includeCancelled");
    }

    @Test
    void startIsStoredAtTheRightInstantAcrossDaylightSaving() {
        // Europe/London leaves summer time on 2026-10-25 at 02:00 BST -> 01:00 GMT: 01:30 happens twice,
        // the first (BST, UTC+1) is used. On 2026-03-29 01:00 GMT jumps to 02:00 BST: 01:30 does not exist.
        api.post(BOOKINGS, booking("autumn", "19:30", 2).put("date", "2026-10-24").put("start", "2026-10-25T01:30:00"));
        api.post(BOOKINGS, booking("winter", "19:30", 2).put("date", "2026-10-25").put("start", "2026-10-26T01:30:00"));
        api.post(BOOKINGS, booking("summer", "19:30", 2).put("date", "2026-07-01").put("start", "2026-07-01T19:30:00"));
        assertThat(startsAt("autumn")).isEqualTo(OffsetDateTime.parse("2026-10-25T00:30:00Z"));
        assertThat(startsAt("winter")).isEqualTo(OffsetDateTime.parse("2026-10-26T01:30:00Z"));
        assertThat(startsAt("summer")).isEqualTo(OffsetDateTime.parse("2026-07-01T18:30:00Z"));
        assertThat(api.get(BOOKINGS + "/autumn").json().path("start").asText()).isEqualTo("2026-10-25T01:30:00");

        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post(BOOKINGS, booking("gap", "19:30", 2).put("date", "2026-03-28")
                .put("start", "2026-03-29T01:30:00")), 400, "start", db, before);
    }

    private OffsetDateTime startsAt(String id) {
        return db.jdbc().sql("select starts_at from booking where id = :id").param("id", id)
                .query(OffsetDateTime.class).single().withOffsetSameInstant(java.time.ZoneOffset.UTC);
    }

    private static Arguments refusal(String name, Consumer<ObjectNode> change, String field) {
        return Arguments.of(name, change, field);
    }

    private Api.Response createWithKey(String key, Object body) {
        return api.send(java.net.http.HttpRequest.newBuilder(api.uri(BOOKINGS))
                .header("Authorization", "Bearer " + api.key()).header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    @Test
    void anIdempotencyKeyMakesARetryOfACreateWithoutIdSafe() {
        Api.Response first = createWithKey("retry-7f3c", booking(null, "19:00", 2));
        assertThat(first.status()).as("%s", first).isEqualTo(201);
        String id = first.json().path("id").asText();
        assertThat(id).startsWith("idem-");
        Api.Response again = createWithKey("retry-7f3c", booking(null, "19:00", 2));
        assertThat(again.status()).as("the same request again").isEqualTo(200);
        assertThat(again.json().path("id").asText()).isEqualTo(id);
        assertThat(db.count("booking")).isEqualTo(1);

        java.util.Map<String, java.util.List<String>> before = db.snapshot();
        assertRefused(createWithKey("retry-7f3c", booking(null, "20:00", 2)), 409, "id", db, before);
        assertRefused(createWithKey("bad key", booking(null, "20:00", 2)), 400, "Idempotency-Key", db, before);

        Api.Response confirmed = createWithKey("confirm-1", booking(null, "12:00", 2).put("confirm", true));
        assertThat(confirmed.status()).isEqualTo(201);
        Api.Response confirmedAgain = createWithKey("confirm-1", booking(null, "12:00", 2).put("confirm", true));
        assertThat(confirmedAgain.status()).isEqualTo(200);
        assertThat(confirmedAgain.json().path("id").asText()).isEqualTo(confirmed.json().path("id").asText());
        assertThat(db.count("booking")).isEqualTo(2);
    }
}
