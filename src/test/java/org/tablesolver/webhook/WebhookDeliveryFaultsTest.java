package org.tablesolver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.Instances;
import org.tablesolver.testing.SharedDatabase;
import org.tablesolver.testing.TestDatabase;
import org.tablesolver.testing.WebhookReceiver;
import org.tablesolver.testing.WebhookReceiver.Received;

/**
 * Delivery across real faults: an instance killed with SIGKILL while its messages wait for a receiver that is
 * down, and two instances sending from one database at once.
 */
@Tag("database")
@Tag("slow")
class WebhookDeliveryFaultsTest {

    @TempDir
    Path logs;

    static String[] fastRetries(String... more) {
        List<String> properties = new ArrayList<>(List.of("--tablesolver.webhooks.retry-delays=200ms,400ms",
                "--tablesolver.webhooks.timeout=2s", "--tablesolver.webhooks.lease=3s",
                "--tablesolver.webhooks.poll-interval=100ms", "--logging.level.root=WARN"));
        properties.addAll(List.of(more));
        return properties.toArray(String[]::new);
    }

    static String subscribe(Api api, WebhookReceiver receiver, String url) {
        ObjectNode body = parse("{\"events\": [\"booking.created\"]}");
        body.put("url", url);
        Api.Response created = api.post("/api/webhooks", body);
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String secret = created.json().path("secret").asText();
        receiver.secret(secret);
        return secret;
    }

    @Test
    void messagesCommittedBeforeASigkillArriveAfterARestart() {
        int port = Instances.freePort();
        try (SharedDatabase database = SharedDatabase.start()) {
            Instances.Child first = Instances.spawn(database, logs.resolve("first.log"), fastRetries());
            List<String> bookingIds = new ArrayList<>();
            String secret;
            try {
                Api api = first.api();
                assertThat(api.put("/api/restaurants/r1", plan()).status()).isEqualTo(201);
                try (WebhookReceiver placeholder = WebhookReceiver.start()) {
                    secret = subscribe(api, placeholder, "http://127.0.0.1:" + port + "/hooks");
                }
                // the receiver is down: nothing listens on its port
                for (int i = 0; i < 40; i++) {
                    String id = "b" + i;
                    assertThat(api.post("/api/restaurants/r1/bookings", booking(id, (17 + i % 5) + ":00", 2))
                            .status()).isEqualTo(201);
                    bookingIds.add(id);
                }
                TestDatabase db = database.client();
                await().atMost(Duration.ofSeconds(20)).until(() -> db.queryInt(
                        "select count(*) from webhook_delivery where attempts > 0") > 0);
            } finally {
                first.kill();
            }
            TestDatabase db = database.client();
            assertThat(db.queryInt("select count(*) from webhook_delivery where status = 'PENDING'")).isEqualTo(40);
            try (WebhookReceiver receiver = WebhookReceiver.start(port).secret(secret)) {
                Instances.Child second = Instances.spawn(database, logs.resolve("second.log"), fastRetries());
                try {
                    await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= 40);
                    List<Received> messages = receiver.accepted();
                    assertThat(messages).allMatch(Received::signatureValid);
                    assertThat(messages).extracting(m -> m.json().path("data").path("booking").path("id").asText())
                            .containsExactlyElementsOf(bookingIds);
                    assertThat(messages).extracting(Received::id).doesNotHaveDuplicates();
                } finally {
                    second.kill();
                }
            }
        }
    }

    @Test
    void twoInstancesDeliverEveryMessageAndNeverTheSameAttemptAtOnce() {
        try (SharedDatabase database = SharedDatabase.start();
             WebhookReceiver receiver = WebhookReceiver.start()) {
            // slow answers, and every fifth request refused once, so that claims and retries overlap in time
            Map<String, Integer> seen = new HashMap<>();
            receiver.delay(30).answer(() -> {
                synchronized (seen) {
                    int n = seen.merge("all", 1, Integer::sum);
                    return n % 5 == 0 ? 500 : 204;
                }
            });
            ConfigurableApplicationContext a = Instances.start(database, fastRetries("--db-scheduler.scheduler-name=a"));
            ConfigurableApplicationContext b = Instances.start(database, fastRetries("--db-scheduler.scheduler-name=b"));
            try {
                Api apiA = Instances.api(a);
                Api apiB = Instances.api(b);
                for (int r = 0; r < 4; r++) {
                    assertThat(apiA.put("/api/restaurants/r" + r, plan()).status()).isEqualTo(201);
                }
                subscribe(apiA, receiver, receiver.url());
                int bookings = 0;
                for (int i = 0; i < 60; i++) {
                    Api via = i % 2 == 0 ? apiA : apiB;
                    assertThat(via.post("/api/restaurants/r" + (i % 4) + "/bookings",
                            booking("b" + i, (17 + i % 5) + ":00", 2)).status()).isEqualTo(201);
                    bookings++;
                }
                int expected = bookings;
                await().atMost(Duration.ofSeconds(60)).until(() -> receiver.accepted().size() >= expected);
                List<Received> accepted = receiver.accepted();
                assertThat(accepted).extracting(Received::id).doesNotHaveDuplicates().hasSize(expected);
                assertThat(accepted).allMatch(Received::signatureValid);
                assertThat(receiver.overlaps()).as("the same message being received twice at once").isEmpty();
                // each restaurant's messages arrived in the change feed's order
                Map<String, Long> lastSeq = new HashMap<>();
                for (Received message : accepted) {
                    JsonNode data = message.json().path("data");
                    long previous = lastSeq.getOrDefault(data.path("restaurantId").asText(), 0L);
                    assertThat(data.path("seq").asLong()).isGreaterThan(previous);
                    lastSeq.put(data.path("restaurantId").asText(), data.path("seq").asLong());
                }
                Set<String> refusedOnce = new HashSet<>();
                receiver.received().stream().filter(m -> m.answered() == 500).forEach(m -> refusedOnce.add(m.id()));
                assertThat(refusedOnce).isNotEmpty();
                TestDatabase db = database.client();
                assertThat(db.queryInt("select count(*) from webhook_delivery where status = 'DELIVERED'"))
                        .isEqualTo(expected);
                assertThat(db.queryInt("select count(*) from webhook_delivery where attempts <> 1"))
                        .as("deliveries attempted more than once: exactly the refused ones")
                        .isEqualTo(refusedOnce.size());
            } finally {
                a.close();
                b.close();
            }
        }
    }
}
