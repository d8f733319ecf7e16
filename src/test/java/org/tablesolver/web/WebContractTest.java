package org.tablesolver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.plan;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Flow;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/** Cross-cutting HTTP behaviour: problem bodies for framework errors, size limit, health, OpenAPI. */
@DatabaseTest
class WebContractTest {

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;

    @BeforeEach
    void restaurant() {
        db.clean();
        api.put("/api/restaurants/r1", plan());
    }

    @Test
    void wrongMethodIs405WithAllow() {
        Map<String, List<String>> before = db.snapshot();
        Api.Response response = api.post("/api/restaurants/r1", plan());
        assertRefused(response, 405, null, db, before);
        assertThat(response.headers().firstValue("Allow").orElse("")).contains("PUT").contains("GET");
    }

    @Test
    void wrongContentTypeIs415() {
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.send("PUT", "/api/restaurants/r1", plan().toString(), "text/plain"), 415, null, db, before);
    }

    @Test
    void unknownPathIs404Problem() {
        assertProblem(api.get("/api/nothing-here"), 404, null);
    }

    @Test
    void bodyOverOneMebibyteIs413() {
        Map<String, List<String>> before = db.snapshot();
        String big = "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}";
        assertRefused(api.put("/api/restaurants/r1", big), 413, null, db, before);
    }

    @Test
    void chunkedBodyOverOneMebibyteIs413() {
        Map<String, List<String>> before = db.snapshot();
        byte[] chunk = "                ".repeat(4096).getBytes(StandardCharsets.UTF_8);   // 64 KiB of spaces
        HttpRequest request = HttpRequest.newBuilder(api.uri("/api/import"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + api.key())
                .POST(HttpRequest.BodyPublishers.fromPublisher(subscriber -> {
                    // 24 chunks = 1.5 MiB without a Content-Length: sent chunked
                    Iterator<Integer> chunks = java.util.stream.IntStream.range(0, 24).iterator();
                    subscriber.onSubscribe(new Flow.Subscription() {
                        @Override
                        public void request(long n) {
                            for (long i = 0; i < n && chunks.hasNext(); i++) {
                                chunks.next();
                                subscriber.onNext(java.nio.ByteBuffer.wrap(chunk));
                            }
                            if (!chunks.hasNext()) {
                                subscriber.onComplete();
                            }
                        }

                        @Override
                        public void cancel() {
                        }
                    });
                }))
                .build();
        assertRefused(api.send(request), 413, null, db, before);
    }

    @Test
    void healthIncludesTheDatabase() {
        Api.Response health = api.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asText()).isEqualTo("UP");
        assertThat(health.json().path("components").path("db").path("status").asText()).isEqualTo("UP");
    }

    @Test
    void openApiDescribesTheEndpoints() {
        Api.Response docs = api.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().path("paths").has("/api/restaurants/{restaurantId}")).isTrue();
        assertThat(docs.json().path("paths").has("/api/restaurants/{restaurantId}/bookings")).isTrue();
        assertThat(docs.json().path("paths").has("/api/restaurants/{restaurantId}/days/{date}/plan")).isTrue();
        assertThat(docs.json().path("paths").has("/api/restaurants/{restaurantId}/holds")).isTrue();
        assertThat(docs.json().path("paths").has("/api/import")).isTrue();
        assertThat(api.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
