package org.tablesolver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;
import org.tablesolver.testing.WebhookReceiver;
import org.tablesolver.testing.WebhookReceiver.Received;

/**
 * Subscriptions, and messages to a real HTTP receiver of the test's own that checks every signature with its own
 * implementation of Standard Webhooks.
 */
@DatabaseTest
class WebhookApiTest {

    static final String R1 = "/api/restaurants/r1";

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;

    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        db.clean();
        receiver = WebhookReceiver.start();
        assertThat(api.put(R1, plan()).status()).isEqualTo(201);
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    JsonNode subscribe(String events, String restaurants) {
        ObjectNode body = parse("{\"events\": " + events + "}");
        body.put("url", receiver.url());
        if (restaurants != null) {
            body.set("restaurants", parse("{\"r\": " + restaurants + "}").get("r"));
        }
        Api.Response created = api.post("/api/webhooks", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        receiver.secret(created.json().path("secret").asText());
        return created.json();
    }

    List<Received> awaitMessages(int count) {
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() >= count);
        return receiver.accepted();
    }

    @Test
    void aSubscriptionIsCreatedWithItsSecretShownOnce() {
        ObjectNode body = parse("""
                {"url": "https://pos.example/hooks", "events": ["booking.confirmed", "booking.cancelled"],
                 "restaurants": ["bistro-1"]}
                """);
        Api.Response created = api.post("/api/webhooks", body);
        assertThat(created.status()).isEqualTo(201);
        JsonNode json = created.json();
        String id = json.path("id").asText();
        assertThat(id).startsWith("wh_");
        assertThat(created.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/api/webhooks/" + id));
        assertThat(json.path("url").asText()).isEqualTo("https://pos.example/hooks");
        assertThat(json.path("events")).hasSize(2);
        assertThat(json.path("restaurants").get(0).asText()).isEqualTo("bistro-1");
        assertThat(json.path("enabled").asBoolean()).isTrue();
        assertThat(json.path("createdAt").asText()).isNotBlank();
        String secret = json.path("secret").asText();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length())).length).isGreaterThanOrEqualTo(24);

        Api.Response one = api.get("/api/webhooks/" + id);
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().has("secret")).isFalse();
        assertThat(one.body()).doesNotContain(secret.substring(6));
        Api.Response list = api.get("/api/webhooks");
        assertThat(list.json()).hasSize(1);
        assertThat(list.body()).doesNotContain(secret.substring(6));
        assertThat(api.post("/api/webhooks", parse("""
                {"url": "https://pos.example/all", "events": ["*"]}
                """)).json().path("restaurants").isNull()).isTrue();
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheFieldAndNothingIsStored() {
        assertProblem(api.post("/api/webhooks", parse("""
                {"url": "https://pos.example/hooks", "events": ["booking.confirmed", "booking.teleported"]}
                """)), 400, "events");
        assertProblem(api.post("/api/webhooks", parse("""
                {"url": "https://pos.example/hooks", "events": []}
                """)), 400, "events");
        assertProblem(api.post("/api/webhooks", parse("""
                {"url": "/hooks", "events": ["*"]}
                """)), 400, "url");
        assertProblem(api.post("/api/webhooks", parse("""
                {"url": "ftp://pos.example/hooks", "events": ["*"]}
                """)), 400, "url");
        assertProblem(api.post("/api/webhooks", parse("""
                {"url": "https://user:pw@pos.example/hooks", "events": ["*"]}
                """)), 400, "url");
        assertProblem(api.post("/api/webhooks", parse("""
                {"events": ["*"]}
                """)), 400, "url");
        assertProblem(api.post("/api/webhooks", parse("""
                {"url": "https://pos.example/hooks", "events": ["*"], "restaurants": ["no spaces please"]}
                """)), 400, "restaurants[0]");
        assertProblem(api.post("/api/webhooks", parse("""
                {"url": "https://pos.example/hooks", "events": ["*"], "secret": "mine"}
                """)), 400, "secret");
        assertThat(db.count("webhook_subscription")).isZero();
    }

    @Test
    void onlyAdminKeysManageSubscriptions() {
        Api.Response key = api.post("/api/keys", parse("""
                {"name": "widget", "scopes": ["book", "read", "solve"]}
                """));
        Api asBookingSystem = api.as(key.json().path("secret").asText());
        assertThat(asBookingSystem.get("/api/webhooks").status()).isEqualTo(403);
        assertThat(asBookingSystem.post("/api/webhooks", parse("""
                {"url": "https://pos.example/hooks", "events": ["*"]}
                """)).status()).isEqualTo(403);
        assertThat(api.withoutKey().get("/api/webhooks").status()).isEqualTo(401);
    }

    @Test
    void bookingChangesArriveSignedInOrderWithTheBookingAsGetShowedIt() {
        String id = subscribe("[\"booking.created\", \"booking.confirmed\", \"booking.cancelled\", \"booking.changed\"]",
                null).path("id").asText();
        assertThat(api.post(R1 + "/bookings", booking("b1", "19:00", 2)).status()).isEqualTo(201);
        JsonNode created = api.get(R1 + "/bookings/b1").json();
        assertThat(api.post(R1 + "/bookings/b1/confirm", parse("{}")).status()).isEqualTo(200);
        JsonNode confirmed = api.get(R1 + "/bookings/b1").json();
        assertThat(api.delete(R1 + "/bookings/b1").status()).isIn(200, 204);
        JsonNode cancelled = api.get(R1 + "/bookings/b1").json();

        List<Received> messages = awaitMessages(3);
        assertThat(messages).extracting(Received::type)
                .containsExactly("booking.created", "booking.confirmed", "booking.cancelled");
        List<JsonNode> versions = List.of(created, confirmed, cancelled);
        long previousSeq = 0;
        for (int i = 0; i < 3; i++) {
            Received message = messages.get(i);
            assertThat(message.signatureValid()).as("signature of %s", message.body()).isTrue();
            assertThat(message.contentType()).startsWith("application/json");
            assertThat(message.id()).startsWith("msg_");
            JsonNode data = message.json().path("data");
            assertThat(data.path("restaurantId").asText()).isEqualTo("r1");
            assertThat(data.path("date").asText()).isEqualTo("2026-12-04");
            assertThat(data.path("booking")).isEqualTo(versions.get(i));
            assertThat(data.path("seq").asLong()).isGreaterThan(previousSeq);
            previousSeq = data.path("seq").asLong();
            assertThat(message.json().path("timestamp").asText()).endsWith("Z");
        }
        assertThat(messages.get(0).json().path("data").path("cause").asText()).isEqualTo("CREATE");
        assertThat(messages).extracting(Received::id).doesNotHaveDuplicates();
        // the change feed numbers them the same
        JsonNode feed = api.get(R1 + "/changes?after=0").json().path("changes");
        assertThat(messages.get(2).json().path("data").path("seq").asLong())
                .isEqualTo(feed.get(feed.size() - 1).path("seq").asLong());

        JsonNode deliveries = api.get("/api/webhooks/" + id + "/deliveries").json();
        assertThat(deliveries.path("deliveries")).hasSize(3);
        JsonNode newest = deliveries.path("deliveries").get(0);
        assertThat(newest.path("type").asText()).isEqualTo("booking.cancelled");
        assertThat(newest.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(newest.path("attempts").asInt()).isEqualTo(1);
        assertThat(newest.path("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(newest.path("eventId").asText()).isEqualTo(messages.get(2).id());
        assertThat(newest.path("deliveredAt").asText()).isNotBlank();
        assertThat(newest.path("nextAttemptAt").isNull()).isTrue();
        assertThat(deliveries.path("nextCursor").isNull()).isTrue();
    }

    @Test
    void aDirectConfirmationIsBookingConfirmedAndHostActionsHaveTheirOwnTypes() {
        subscribe("[\"*\"]", "[\"r1\"]");
        ObjectNode direct = booking("b1", "19:00", 2);
        direct.put("confirm", true);
        assertThat(api.post(R1 + "/bookings", direct).status()).isEqualTo(201);
        assertThat(api.post(R1 + "/bookings/b1/seat", parse("{}")).status()).isEqualTo(200);
        assertThat(api.post(R1 + "/bookings/b1/complete", parse("{}")).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> bookingTypes().size() >= 3);
        assertThat(bookingTypes()).containsExactly("booking.confirmed", "booking.seated", "booking.completed");
        assertThat(receiver.accepted().get(0).json().path("data").path("cause").asText()).isEqualTo("CREATE");
        assertThat(receiver.accepted().get(0).json().path("data").path("booking").path("tables")).isNotEmpty();
        // availability.changed: for the date, with the version a reader of availability gets
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().stream()
                .anyMatch(r -> r.type().equals("availability.changed")));
        Received availability = receiver.accepted().stream().filter(r -> r.type().equals("availability.changed"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(availability.json().path("data").path("date").asText()).isEqualTo("2026-12-04");
        assertThat(availability.json().path("data").path("asOf").asLong()).isPositive();
        assertThat(availability.signatureValid()).isTrue();
    }

    private List<String> bookingTypes() {
        return receiver.accepted().stream().map(Received::type).filter(t -> t.startsWith("booking.")).toList();
    }

    @Test
    void availabilityChangedIsAtMostOnePerRestaurantDatePerSecond() {
        subscribe("[\"availability.changed\"]", null);
        long began = System.nanoTime();
        for (int i = 0; i < 8; i++) {
            assertThat(api.post(R1 + "/bookings", booking("b" + i, "18:00", 2)).status()).isEqualTo(201);
        }
        double writing = (System.nanoTime() - began) / 1e9;
        awaitMessages(1);
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        List<Received> messages = receiver.accepted();
        // the messages' timestamps lie between the first write and a second after the last, a second apart or more
        assertThat(messages.size()).isBetween(1, (int) Math.floor(writing) + 2);
        for (int i = 1; i < messages.size(); i++) {
            assertThat(java.time.Instant.parse(messages.get(i).json().path("timestamp").asText()))
                    .isAfterOrEqualTo(java.time.Instant.parse(messages.get(i - 1).json().path("timestamp").asText())
                            .plusSeconds(1));
        }
        long asOf = db.jdbc().sql("select state_version from change_counter where restaurant_id = 'r1'")
                .query(Long.class).single();
        await().atMost(Duration.ofSeconds(5)).until(() -> receiver.accepted().get(receiver.accepted().size() - 1)
                .json().path("data").path("asOf").asLong() == asOf);
    }

    @Test
    void aReceiverThatFailsOnceGetsTheSameMessageOnTheRetry() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() == 1 ? 500 : 204);
        String id = subscribe("[\"booking.created\"]", null).path("id").asText();
        api.post(R1 + "/bookings", booking("b1", "19:00", 2));
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().size() == 1);
        List<Received> all = receiver.received();
        assertThat(all).hasSize(2);
        assertThat(all.get(0).answered()).isEqualTo(500);
        assertThat(all.get(1).id()).isEqualTo(all.get(0).id());
        assertThat(all.get(1).body()).isEqualTo(all.get(0).body());
        assertThat(all.get(1).signatureValid()).isTrue();
        JsonNode delivery = api.get("/api/webhooks/" + id + "/deliveries").json().path("deliveries").get(0);
        assertThat(delivery.path("status").asText()).isEqualTo("DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void oneRestaurantsMessagesWaitForAnEarlierOneBeingRetried() {
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(() -> calls.incrementAndGet() <= 2 ? 503 : 204);
        subscribe("[\"booking.created\"]", null);
        for (int i = 0; i < 5; i++) {
            api.post(R1 + "/bookings", booking("b" + i, "19:00", 2));
        }
        List<Received> messages = awaitMessages(5);
        assertThat(messages).extracting(m -> m.json().path("data").path("booking").path("id").asText())
                .containsExactly("b0", "b1", "b2", "b3", "b4");
        assertThat(receiver.received().subList(0, 3)).extracting(m -> m.json().path("data").path("booking")
                .path("id").asText()).containsExactly("b0", "b0", "b0");
    }

    @Test
    void filtersByEventAndRestaurantAndDisabledOrDeletedSubscriptionsGetNothing() {
        assertThat(api.put("/api/restaurants/r2", plan()).status()).isEqualTo(201);
        String id = subscribe("[\"booking.created\"]", "[\"r2\"]").path("id").asText();
        api.post(R1 + "/bookings", booking("ignored", "19:00", 2));
        api.post("/api/restaurants/r2/bookings", booking("wanted", "19:00", 2));
        List<Received> messages = awaitMessages(1);
        assertThat(messages.get(0).json().path("data").path("booking").path("id").asText()).isEqualTo("wanted");

        Api.Response disabled = api.send("PATCH", "/api/webhooks/" + id, parse("{\"enabled\": false}"),
                "application/merge-patch+json");
        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().path("enabled").asBoolean()).isFalse();
        assertThat(disabled.json().path("disabledReason").asText()).isNotBlank();
        api.post("/api/restaurants/r2/bookings", booking("while-disabled", "19:30", 2));
        Api.Response enabled = api.send("PATCH", "/api/webhooks/" + id, parse("{\"enabled\": true, \"restaurants\": null}"),
                "application/merge-patch+json");
        assertThat(enabled.json().path("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().path("disabledReason").isNull()).isTrue();
        assertThat(enabled.json().path("restaurants").isNull()).isTrue();
        api.post(R1 + "/bookings", booking("after", "20:00", 2));
        awaitMessages(2);
        assertThat(receiver.accepted()).extracting(m -> m.json().path("data").path("booking").path("id").asText())
                .containsExactly("wanted", "after");

        assertThat(api.delete("/api/webhooks/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/webhooks/" + id).status()).isEqualTo(404);
        assertThat(db.count("webhook_delivery")).isZero();
        api.post(R1 + "/bookings", booking("after-delete", "20:30", 2));
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> true);
        assertThat(receiver.received()).hasSize(2);
        assertThat(api.delete("/api/webhooks/" + id).status()).isEqualTo(404);
    }

    @Test
    void aPatchIsCheckedLikeACreation() {
        String id = subscribe("[\"*\"]", null).path("id").asText();
        assertProblem(api.send("PATCH", "/api/webhooks/" + id, parse("{\"events\": [\"nope\"]}"),
                "application/merge-patch+json"), 400, "events");
        assertProblem(api.send("PATCH", "/api/webhooks/" + id, parse("{\"url\": \"mailto:a@b.c\"}"),
                "application/merge-patch+json"), 400, "url");
        assertProblem(api.send("PATCH", "/api/webhooks/" + id, parse("{\"secret\": \"x\"}"),
                "application/merge-patch+json"), 400, "secret");
        assertProblem(api.send("PATCH", "/api/webhooks/" + id, parse("{\"enabled\": \"yes\"}"),
                "application/merge-patch+json"), 400, "enabled");
        JsonNode unchanged = api.get("/api/webhooks/" + id).json();
        assertThat(unchanged.path("events").get(0).asText()).isEqualTo("*");
        assertThat(unchanged.path("url").asText()).isEqualTo(receiver.url());
        JsonNode changed = api.send("PATCH", "/api/webhooks/" + id,
                parse("{\"events\": [\"hold.created\"], \"url\": \"https://pos.example/new\"}"),
                "application/merge-patch+json").json();
        assertThat(changed.path("events").get(0).asText()).isEqualTo("hold.created");
        assertThat(changed.path("url").asText()).isEqualTo("https://pos.example/new");
        assertThat(api.send("PATCH", "/api/webhooks/wh_missing", parse("{\"enabled\": true}"),
                "application/merge-patch+json").status()).isEqualTo(404);
    }

    @Test
    void holdsAreToldWhenPlacedAndWhenReleasedOrTakenOverOrLapsed() {
        subscribe("[\"hold.created\", \"hold.released\"]", null);
        Api.Response table = api.post(R1 + "/holds", parse("""
                {"tableId": "T2", "start": "2026-12-04T19:30:00", "durationMinutes": 90, "expiresInSeconds": 300}
                """));
        assertThat(table.status()).isEqualTo(201);
        assertThat(api.delete(R1 + "/holds/" + table.json().path("id").asText()).status()).isEqualTo(204);
        Api.Response capacity = api.post(R1 + "/holds", parse("""
                {"partySize": 2, "start": "2026-12-04T18:00:00", "durationMinutes": 90, "expiresInSeconds": 300}
                """));
        assertThat(capacity.status()).as("%s", capacity).isEqualTo(201);
        ObjectNode takeOver = booking("b1", "18:00", 2);
        takeOver.put("confirm", true);
        takeOver.put("holdId", capacity.json().path("id").asText());
        assertThat(api.post(R1 + "/bookings", takeOver).status()).isEqualTo(201);
        Api.Response lapsing = api.post(R1 + "/holds", parse("""
                {"partySize": 2, "start": "2026-12-04T21:00:00", "durationMinutes": 90, "expiresInSeconds": 1}
                """));
        assertThat(lapsing.status()).isEqualTo(201);

        List<Received> messages = awaitMessages(6);
        assertThat(messages).extracting(Received::type).containsExactly("hold.created", "hold.released",
                "hold.created", "hold.released", "hold.created", "hold.released");
        assertThat(messages).extracting(m -> m.json().path("data").path("cause").asText())
                .containsExactly("PLACED", "RELEASED", "PLACED", "BOOKED", "PLACED", "EXPIRED");
        JsonNode placed = messages.get(0).json().path("data").path("hold");
        assertThat(placed).isEqualTo(table.json());
        assertThat(messages.get(2).json().path("data").path("hold")).isEqualTo(capacity.json());
        assertThat(messages.get(0).json().path("data").path("date").asText()).isEqualTo("2026-12-04");
        assertThat(messages).allMatch(Received::signatureValid);
    }

    @Test
    void redeliverSendsTheSameMessageAgain() {
        String id = subscribe("[\"booking.created\"]", null).path("id").asText();
        api.post(R1 + "/bookings", booking("b1", "19:00", 2));
        awaitMessages(1);
        String deliveryId = api.get("/api/webhooks/" + id + "/deliveries").json().path("deliveries").get(0)
                .path("id").asText();
        Api.Response again = api.post("/api/webhooks/" + id + "/deliveries/" + deliveryId + "/redeliver", null);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("status").asText()).isEqualTo("PENDING");
        List<Received> messages = awaitMessages(2);
        assertThat(messages.get(1).id()).isEqualTo(messages.get(0).id());
        assertThat(messages.get(1).body()).isEqualTo(messages.get(0).body());
        assertThat(messages.get(1).signatureValid()).isTrue();
        assertThat(api.post("/api/webhooks/" + id + "/deliveries/dlv_nope/redeliver", null).status())
                .isEqualTo(404);
    }

    @Test
    void deliveriesArePagedNewestFirst() {
        String id = subscribe("[\"booking.created\"]", null).path("id").asText();
        for (int i = 0; i < 5; i++) {
            api.post(R1 + "/bookings", booking("b" + i, "19:00", 2));
        }
        awaitMessages(5);
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = api.get("/api/webhooks/" + id + "/deliveries?limit=2"
                    + (cursor == null ? "" : "&cursor=" + cursor)).json();
            page.path("deliveries").forEach(d -> seen.add(d.path("eventId").asText()));
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
        } while (cursor != null);
        List<String> newestFirst = new ArrayList<>(receiver.accepted().stream().map(Received::id).toList());
        java.util.Collections.reverse(newestFirst);
        assertThat(seen).containsExactlyElementsOf(newestFirst);
        assertProblem(api.get("/api/webhooks/" + id + "/deliveries?cursor=abc"), 400, "cursor");
        assertThat(api.get("/api/webhooks/wh_missing/deliveries").status()).isEqualTo(404);
    }

    @Test
    void aCommittedSolveIsToldWithItsOutcomeAfterTheBookingsItConfirmed() {
        subscribe("[\"solve.committed\", \"booking.confirmed\"]", null);
        api.post(R1 + "/bookings", booking("b1", "19:00", 2));
        api.post(R1 + "/bookings", booking("b2", "19:00", 4));
        Api.Response solved = api.post(R1 + "/days/2026-12-04/solve", null);
        assertThat(solved.status()).as("%s", solved).isEqualTo(200);
        List<Received> messages = awaitMessages(3);
        assertThat(messages).extracting(Received::type)
                .containsExactly("booking.confirmed", "booking.confirmed", "solve.committed");
        assertThat(messages.get(0).json().path("data").path("cause").asText()).isEqualTo("SOLVE");
        JsonNode data = messages.get(2).json().path("data");
        assertThat(data.path("solveId").asText()).isEqualTo(solved.json().path("solveId").asText());
        assertThat(data.path("restaurantId").asText()).isEqualTo("r1");
        assertThat(data.path("date").asText()).isEqualTo("2026-12-04");
        assertThat(data.path("seated").asInt()).isEqualTo(2);
        assertThat(data.path("unseated").asInt()).isZero();
        assertThat(data.path("proven").isBoolean()).isTrue();
        assertThat(messages).allMatch(Received::signatureValid);
    }

    @Test
    void aReceiverThatDoesNotAnswerHoldsNoBookingBack() throws Exception {
        java.util.concurrent.CountDownLatch answer = new java.util.concurrent.CountDownLatch(1);
        receiver.answer(() -> {
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 204;
        });
        subscribe("[\"booking.created\"]", null);
        assertThat(api.put("/api/restaurants/r2", plan()).status()).isEqualTo(201);
        assertThat(api.put("/api/restaurants/r3", plan()).status()).isEqualTo(201);
        // every sender of this instance is waiting on the receiver (one per restaurant's queue)
        for (String restaurant : List.of("/api/restaurants/r1", "/api/restaurants/r2", "/api/restaurants/r3")) {
            assertThat(api.post(restaurant + "/bookings", booking("first", "19:00", 2)).status()).isEqualTo(201);
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryInt(
                "select count(*) from webhook_delivery where claimed_until is not null") == 3);
        // ... and bookings, confirmations and solves go on
        for (int i = 0; i < 10; i++) {
            ObjectNode direct = booking("b" + i, (17 + i % 5) + ":00", 2);
            direct.put("confirm", i % 2 == 0);
            assertThat(api.post(R1 + "/bookings", direct).status()).isEqualTo(201);
        }
        assertThat(api.post(R1 + "/days/2026-12-04/solve", null).status()).isEqualTo(200);
        assertThat(receiver.received()).isEmpty();
        answer.countDown();
        // the 3 first ones and the 5 PENDING creations (an attempt that timed out meanwhile is sent again: the
        // receiver de-duplicates by webhook-id)
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.accepted().stream().map(Received::id)
                .distinct().count() == 8);
    }

    @Test
    void aChangeAndANoShowHaveTheirTypesAndAFailedSolveIsTold() {
        subscribe("[\"booking.changed\", \"booking.no_show\", \"solve.failed\"]", null);
        ObjectNode direct = booking("b1", "19:00", 2);
        direct.put("confirm", true);
        assertThat(api.post(R1 + "/bookings", direct).status()).isEqualTo(201);
        assertThat(api.send("PATCH", R1 + "/bookings/b1", parse("{\"notes\": \"window\"}"),
                "application/merge-patch+json").status()).isEqualTo(200);
        assertThat(api.post(R1 + "/bookings/b1/no-show", parse("{}")).status()).isEqualTo(200);
        // a solve whose row ends FAILED (as the solve pipeline writes it when a solve cannot end with a plan)
        db.jdbc().sql("""
                insert into solve_run (id, restaurant_id, service_date, mode, config, status, requested_at)
                values ('s-failed', 'r1', date '2026-12-04', 'PENDING_ONLY', 'test-fast', 'SOLVING', now())
                """).update();
        db.jdbc().sql("update solve_run set status = 'FAILED', error = 'no feasible plan' where id = 's-failed'")
                .update();
        List<Received> messages = awaitMessages(3);
        assertThat(messages).extracting(Received::type)
                .containsExactly("booking.changed", "booking.no_show", "solve.failed");
        assertThat(messages.get(0).json().path("data").path("booking").path("notes").asText()).isEqualTo("window");
        JsonNode failed = messages.get(2).json().path("data");
        assertThat(failed.path("solveId").asText()).isEqualTo("s-failed");
        assertThat(failed.path("status").asText()).isEqualTo("FAILED");
        assertThat(failed.path("error").asText()).isEqualTo("no feasible plan");
    }

    @Test
    void theDescriptionDocumentsEveryTypeAndEveryFieldOfAMessage() {
        JsonNode docs = api.withoutKey().get("/v3/api-docs").json();
        for (String type : EventTypes.NAMES) {
            assertThat(docs.path("webhooks").path(type).path("post").path("requestBody").toString())
                    .as(type).contains("WebhookMessage");
        }
        JsonNode documented = docs.path("components").path("schemas").path("WebhookMessage").path("properties")
                .path("data").path("properties");
        List<String> subscribable = new ArrayList<>();
        docs.path("components").path("schemas").path("NewWebhookSubscription").path("properties").path("events")
                .path("items").path("enum").forEach(name -> subscribable.add(name.asText()));
        List<String> expected = new ArrayList<>(List.of(EventTypes.ALL));
        expected.addAll(EventTypes.NAMES);
        assertThat(subscribable).containsExactlyInAnyOrderElementsOf(expected);
        subscribe("[\"*\"]", null);
        ObjectNode direct = booking("b1", "19:00", 2);
        direct.put("confirm", true);
        api.post(R1 + "/bookings", direct);
        api.post(R1 + "/holds", parse("""
                {"tableId": "T4", "start": "2026-12-04T19:30:00", "durationMinutes": 90, "expiresInSeconds": 300}
                """));
        api.post(R1 + "/days/2026-12-04/solve", null);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.accepted().stream().map(Received::type)
                .collect(java.util.stream.Collectors.toSet())
                .containsAll(List.of("booking.confirmed", "hold.created", "solve.committed", "availability.changed")));
        for (Received message : receiver.accepted()) {
            assertThat(EventTypes.NAMES).contains(message.type());
            message.json().path("data").fieldNames().forEachRemaining(field ->
                    assertThat(documented.has(field)).as("%s of %s is documented", field, message.type()).isTrue());
        }
    }

    @Test
    void aMessageBeingRetriedHoldsBackOnlyItsOwnRestaurant() {
        assertThat(api.put("/api/restaurants/r2", plan()).status()).isEqualTo(201);
        java.util.concurrent.atomic.AtomicBoolean refuseR1 = new java.util.concurrent.atomic.AtomicBoolean(true);
        receiver.answerBy(body -> refuseR1.get() && body.contains("\"restaurantId\":\"r1\"") ? 500 : 204);
        subscribe("[\"booking.created\"]", null);
        api.post(R1 + "/bookings", booking("r1-first", "19:00", 2));
        api.post(R1 + "/bookings", booking("r1-second", "19:30", 2));
        for (int i = 0; i < 3; i++) {
            api.post("/api/restaurants/r2/bookings", booking("r2-" + i, "19:00", 2));
        }
        // r2's messages arrive while r1's first is being retried, and r1's second waits behind it
        awaitMessages(3);
        assertThat(receiver.accepted()).extracting(m -> m.json().path("data").path("booking").path("id").asText())
                .containsExactly("r2-0", "r2-1", "r2-2");
        assertThat(receiver.received()).filteredOn(m -> m.answered() == 500)
                .allMatch(m -> m.json().path("data").path("booking").path("id").asText().equals("r1-first"));
        refuseR1.set(false);
        awaitMessages(5);
        assertThat(receiver.accepted().subList(3, 5))
                .extracting(m -> m.json().path("data").path("booking").path("id").asText())
                .containsExactly("r1-first", "r1-second");
    }
}
