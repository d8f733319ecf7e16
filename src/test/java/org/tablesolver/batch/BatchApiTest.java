package org.tablesolver.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.DayInvariants;
import org.tablesolver.testing.SolvingTest;

@DatabaseTest
class BatchApiTest extends SolvingTest {

    @BeforeEach
    void restaurants() {
        for (String r : List.of("r1", "r2", "r3", "empty")) {
            assertThat(api.put("/api/restaurants/" + r, plan()).status()).isEqualTo(201);
        }
        for (String r : List.of("r1", "r2", "r3")) {
            api.post("/api/restaurants/" + r + "/bookings", booking("b1", "19:00", 2));
            api.post("/api/restaurants/" + r + "/bookings", booking("b2", "19:00", 4));
        }
    }

    @Test
    void aBatchSolvesEveryRestaurantWithBookingsThatDayAndIsFollowedToItsEnd() {
        Api.Response accepted = api.post("/api/batches", parse("{\"date\": \"2026-12-04\"}"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String id = accepted.json().path("batchId").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/batches/" + id);
        assertThat(accepted.json().path("date").asText()).isEqualTo("2026-12-04");
        assertThat(accepted.json().path("solves")).extracting(s -> s.path("restaurantId").asText())
                .containsExactly("r1", "r2", "r3");
        JsonNode counts = accepted.json().path("counts");
        assertThat(counts.path("QUEUED").asInt() + counts.path("SOLVING").asInt() + counts.path("COMMITTED").asInt())
                .isEqualTo(3);

        JsonNode done = await().atMost(Duration.ofSeconds(60)).until(() -> api.get("/api/batches/" + id).json(),
                batch -> batch.path("finished").asBoolean());
        assertThat(done.path("counts").path("COMMITTED").asInt()).isEqualTo(3);
        assertThat(done.path("counts").path("FAILED").asInt()).isZero();
        for (JsonNode solve : done.path("solves")) {
            assertThat(solve.path("status").asText()).isEqualTo("COMMITTED");
            assertThat(api.get("/api/solves/" + solve.path("solveId").asText()).json().path("restaurantId").asText())
                    .isEqualTo(solve.path("restaurantId").asText());
        }
        assertThat(db.queryInt("select count(*) from booking where status = 'CONFIRMED'")).isEqualTo(6);
        DayInvariants.assertConsistent(db);
    }

    @Test
    void aBatchOfNamedRestaurantsIsAllOrNone() {
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post("/api/batches", parse("{\"date\": \"2026-12-04\", \"restaurants\": [\"r1\", \"nowhere\"]}")),
                404, "restaurants", db, before);
        assertRefused(api.post("/api/batches", parse("{\"date\": \"2026-12-04\", \"restaurants\": [\"r1\", \"r1\"]}")),
                400, "restaurants", db, before);
        assertRefused(api.post("/api/batches", parse("{\"restaurants\": [\"r1\"]}")), 400, "date", db, before);
        assertRefused(api.post("/api/batches", parse("{\"date\": \"2026-12-04\", \"config\": \"nope\"}")), 400, "config",
                db, before);
        assertRefused(api.post("/api/batches", parse("{\"date\": \"2026-12-04\", \"restaurants\": []}")), 400,
                "restaurants", db, before);

        Api.Response one = api.post("/api/batches", parse("""
                {"date": "2026-12-04", "restaurants": ["r2"], "mode": "REOPTIMIZE", "config": "test-fast"}
                """));
        assertThat(one.status()).isEqualTo(202);
        assertThat(one.json().path("mode").asText()).isEqualTo("REOPTIMIZE");
        assertThat(one.json().path("solves")).hasSize(1);
    }

    @Test
    void aKeyLimitedToRestaurantsBatchesOnlyThose() {
        ObjectNode body = parse("{\"name\": \"group r1\", \"scopes\": [\"solve\"], \"restaurants\": [\"r1\"]}");
        Api limited = api.as(api.post("/api/keys", body).json().path("secret").asText());
        Api.Response all = limited.post("/api/batches", parse("{\"date\": \"2026-12-04\"}"));
        assertThat(all.status()).isEqualTo(202);
        assertThat(all.json().path("solves")).extracting(s -> s.path("restaurantId").asText()).containsExactly("r1");
        await().atMost(Duration.ofSeconds(60)).until(() -> limited.get("/api/batches/" + all.json().path("batchId")
                .asText()).json().path("finished").asBoolean());
        Map<String, List<String>> before = db.snapshot();
        assertRefused(limited.post("/api/batches", parse("{\"date\": \"2026-12-04\", \"restaurants\": [\"r2\"]}")),
                403, "restaurants", db, before);
        String other = api.post("/api/batches", parse("{\"date\": \"2026-12-04\", \"restaurants\": [\"r2\"]}")).json()
                .path("batchId").asText();
        assertThat(limited.get("/api/batches/" + other).status()).isEqualTo(403);
    }
}
