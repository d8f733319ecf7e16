package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/**
 * The solve queue is bounded: beyond {@code tablesolver.solve.max-queued-per-day} waiting solves of one day a submit
 * is 429, beyond {@code max-queued} in all it is 503, both with Retry-After and nothing queued. The waiting solves
 * are rows made here (without jobs, so nothing runs them).
 */
@DatabaseTest
class SolveQueueLimitsTest extends SolvingTest {

    @BeforeEach
    void day() {
        api.put("/api/restaurants/r1", plan());
        api.put("/api/restaurants/r2", plan());
        api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 2));
    }

    private void waiting(String restaurant, int count) {
        db.jdbc().sql("""
                insert into solve_run (id, restaurant_id, service_date, mode, config, status, requested_at)
                select 'waiting-' || :r || '-' || n, :r, date '2026-12-04', 'PENDING_ONLY', 'test-fast', 'QUEUED', now()
                from generate_series(1, :count) n
                """).param("r", restaurant).param("count", count).update();
    }

    @Test
    void tooManySolvesOfOneDayIs429() {
        waiting("r1", 20);
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.post("/api/restaurants/r1/days/2026-12-04/solve?wait=false", null);
        assertRefused(refused, 429, null, db, before);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(refused.json().path("detail").asText()).contains("max-queued-per-day").contains("nothing was queued");
        assertThat(api.post("/api/restaurants/r1/days/2026-12-05/solve?wait=false", null).status())
                .as("another day of the same restaurant").isEqualTo(202);
    }

    @Test
    void tooManySolvesInAllIs503() {
        waiting("r2", 1000);
        Map<String, List<String>> before = db.snapshot();
        Api.Response refused = api.post("/api/restaurants/r1/days/2026-12-04/solve", null);
        assertRefused(refused, 503, null, db, before);
        assertThat(refused.headers().firstValue("Retry-After")).hasValue("30");
        Api.Response batch = api.post("/api/batches", org.tablesolver.testing.Fixtures.parse("{\"date\": \"2026-12-04\"}"));
        assertRefused(batch, 503, null, db, before);
    }
}
