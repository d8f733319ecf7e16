package org.tablesolver.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.net.InetAddress;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.ConfigurableApplicationContext;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.Instances;
import org.tablesolver.testing.SharedDatabase;

/**
 * An instance as deployed (internal targets refused), with retries cut to seconds: URLs that reach into the
 * service's own network are refused, and a subscription whose every message failed for the retry period is
 * disabled and says why.
 */
@Tag("database")
class WebhookTargetsTest {

    static SharedDatabase database;
    static ConfigurableApplicationContext instance;
    static Api api;

    @BeforeAll
    static void start() {
        database = SharedDatabase.start();
        instance = Instances.start(database, "--tablesolver.webhooks.allow-private-targets=false",
                "--tablesolver.webhooks.retry-for=3s", "--tablesolver.webhooks.retry-delays=300ms",
                "--tablesolver.webhooks.timeout=1s", "--tablesolver.webhooks.lease=5s",
                "--tablesolver.webhooks.poll-interval=100ms");
        api = Instances.api(instance);
        assertThat(api.put("/api/restaurants/r1", plan()).status()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        instance.close();
        database.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/hooks", "http://localhost/hooks", "https://10.1.2.3/hooks",
            "https://192.168.1.20/hooks", "https://172.16.0.1/hooks", "http://169.254.169.254/latest/meta-data",
            "http://[::1]/hooks", "http://[fd00::1]/hooks", "http://0.0.0.0/hooks", "http://100.64.0.1/hooks"})
    void internalTargetsAreRefusedNamingUrl(String url) {
        ObjectNode body = parse("{\"events\": [\"*\"]}");
        body.put("url", url);
        assertProblem(api.post("/api/webhooks", body), 400, "url");
        assertThat(api.get("/api/webhooks").json().findValuesAsText("url")).doesNotContain(url);
    }

    @Test
    void publicAddressesAreNotInternal() throws Exception {
        assertThat(Targets.isInternal(InetAddress.getByName("192.0.2.10"))).isFalse();
        assertThat(Targets.isInternal(InetAddress.getByName("8.8.8.8"))).isFalse();
        assertThat(Targets.isInternal(InetAddress.getByName("2001:db8::1"))).isFalse();
        assertThat(Targets.isInternal(InetAddress.getByName("::ffff:10.0.0.1"))).isTrue();
        assertThat(Targets.isInternal(InetAddress.getByName("fe80::1"))).isTrue();
    }

    @Test
    void aSubscriptionWhoseMessagesAllFailedForTheRetryPeriodIsDisabledAndSaysWhy() {
        // TEST-NET-1: a public address nothing answers on
        Api.Response created = api.post("/api/webhooks", parse("""
                {"url": "http://192.0.2.1:9/hooks", "events": ["booking.created"]}
                """));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 2)).status()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/webhooks/" + id).json()
                .path("enabled").asBoolean());
        JsonNode disabled = api.get("/api/webhooks/" + id).json();
        assertThat(disabled.path("disabledReason").asText()).contains("every message failed");
        JsonNode delivery = api.get("/api/webhooks/" + id + "/deliveries").json().path("deliveries").get(0);
        assertThat(delivery.path("status").asText()).isEqualTo("FAILED");
        assertThat(delivery.path("attempts").asInt()).isGreaterThan(1);
        assertThat(delivery.path("lastError").asText()).isNotBlank();
        assertThat(delivery.path("nextAttemptAt").isNull()).isTrue();
        // disabled: later changes are not recorded for it
        assertThat(api.post("/api/restaurants/r1/bookings", booking("b2", "19:00", 2)).status()).isEqualTo(201);
        assertThat(api.get("/api/webhooks/" + id + "/deliveries").json().path("deliveries")).hasSize(1);
    }
}
