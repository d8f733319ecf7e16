package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/** solve_run from the start: persisted before the answer, its result stored, unfinished solves run after a restart. */
@DatabaseTest
class SolveRunLifecycleTest extends SolvingTest {

    static final String R = "/api/restaurants/r1";

    @Autowired
    SolveService solves;

    @BeforeEach
    void day() {
        api.put(R, plan());
        api.post(R + "/bookings", booking("b1", "19:00", 2));
        api.post(R + "/bookings", booking("b2", "19:00", 4));
    }

    private String status(String id) {
        return db.jdbc().sql("select status from solve_run where id = :id").param("id", id).query(String.class)
                .optional().orElse("missing");
    }

    @Test
    void anAcceptedSolveIsARowBeforeItIsAnsweredAndItsResultIsStored() {
        Api.Response accepted = api.post(R + "/days/2026-12-04/solve?wait=false", null);
        assertThat(accepted.status()).isEqualTo(202);
        String id = accepted.json().path("solveId").asText();
        assertThat(status(id)).as("written before the 202").isIn("QUEUED", "SOLVING", "COMMITTED");
        await().atMost(Duration.ofSeconds(60)).until(() -> status(id).equals("COMMITTED"));
        JsonNode stored = db.jdbc().sql("select result::text from solve_run where id = :id").param("id", id)
                .query(String.class).optional().map(json -> {
                    try {
                        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).orElseThrow();
        assertThat(stored.path("assignments").size()).isEqualTo(2);
        assertThat(api.get("/api/solves?restaurantId=r1").json().get(0).path("solveId").asText()).isEqualTo(id);
    }

    @Test
    void aSolveFinishedElsewhereIsAnsweredInFullFromTheDatabase() {
        db.jdbc().sql("""
                insert into solve_run (id, restaurant_id, service_date, mode, config, status, requested_at, started_at,
                                       finished_at, score, seated, unseated, newly_confirmed, moved, attempts, result)
                values ('elsewhere-1', 'r1', date '2026-12-04', 'PENDING_ONLY', 'default', 'COMMITTED', now(), now(),
                        now(), '[0]hard/[0/0/0]soft', 1, 0, 1, 0, 1,
                        '{"assignments": [{"bookingId": "b1", "tables": ["T1"], "seating": "T1",
                                           "status": "CONFIRMED", "change": "NEW"}], "unseatedBookings": []}')
                """).update();
        JsonNode solve = api.get("/api/solves/elsewhere-1").json();
        assertThat(solve.path("status").asText()).isEqualTo("COMMITTED");
        assertThat(solve.path("assignments").get(0).path("bookingId").asText()).isEqualTo("b1");
        assertThat(solve.path("unseatedBookings").isArray()).isTrue();
    }

    @Test
    void solvesAcceptedBeforeARestartRunAfterIt() {
        db.jdbc().sql("""
                insert into solve_run (id, restaurant_id, service_date, mode, config, status, requested_at)
                values ('before-restart', 'r1', date '2026-12-04', 'PENDING_ONLY', 'test-fast', 'QUEUED', now())
                """).update();
        assertThat(api.get("/api/solves?restaurantId=r1").json().get(0).path("status").asText())
                .as("listed while queued").isEqualTo("QUEUED");
        solves.adoptUnscheduled();
        await().atMost(Duration.ofSeconds(60)).until(() -> status("before-restart").equals("COMMITTED"));
        assertThat(db.queryInt("select count(*) from booking where status = 'CONFIRMED'")).isEqualTo(2);
        assertThat(api.get("/api/solves/before-restart").json().path("seated").asInt()).isEqualTo(2);
    }
}
