package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.solve.SolveApiTest.withoutAudit;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/** A commit is all or nothing: interrupted halfway, the day is exactly as it was. */
@DatabaseTest
class CommitAtomicityTest extends SolvingTest {

    static final String SOLVE = "/api/restaurants/r1/days/2026-12-04/solve";
    /** An advisory lock key the test holds so that the commit blocks on it. */
    static final long TEST_LOCK = 4_242_424_242L;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void day() {
        assertThat(api.put("/api/restaurants/r1", plan()).status()).as("created").isEqualTo(201);
        for (String[] b : List.of(new String[] {"b1", "19:00", "2"}, new String[] {"b2", "19:00", "4"},
                new String[] {"b3", "19:00", "6"}, new String[] {"b4", "12:00", "7"})) {
            assertThat(api.post("/api/restaurants/r1/bookings", booking(b[0], b[1], Integer.parseInt(b[2]))).status())
                    .isEqualTo(201);
        }
        // b5 is confirmed on T1 at 12:00 already: a REOPTIMIZE solve could move it, a fault must not lose it.
        assertThat(api.post("/api/restaurants/r1/bookings", booking("b5", "12:00", 2)).status()).isEqualTo(201);
        db.confirm("r1", "b5", "T1", "T1");
    }

    @Test
    void aFaultAfterTheFirstAssignmentLeavesTheDayUnchanged() {
        Map<String, List<String>> before = db.snapshot();
        AtomicInteger rowsWritten = new AtomicInteger();
        hooks.assignmentWritten((attempt, bookingId, tableId) -> {
            rowsWritten.incrementAndGet();
            // The row is there inside the commit's transaction...
            assertThat(db.queryInt("select count(*) from table_assignment where booking_id = ?", bookingId))
                    .isPositive();
            throw new IllegalStateException("injected fault after the first assignment");
        });

        Api.Response response = api.post(SOLVE, null);
        assertProblem(response, 500, null);
        assertThat(response.json().path("detail").asText()).contains("FAILED").contains("injected fault");
        assertThat(rowsWritten).hasValue(1);
        // ...and gone with it: the day is exactly as before, only the audit trail records the failure.
        assertThat(withoutAudit(db.snapshot())).isEqualTo(withoutAudit(before));
        assertThat(db.jdbc().sql("select status from solve_run").query(String.class).single()).isEqualTo("FAILED");

        hooks.reset();
        Api.Response retried = api.post(SOLVE, null);
        assertThat(retried.status()).as("%s", retried).isEqualTo(200);
        assertThat(retried.json().path("newlyConfirmed").asInt()).isEqualTo(4);
    }

    @Test
    void aCommitWhoseConnectionIsKilledLeavesTheDayUnchangedAndTheRetryCommits() throws Exception {
        Map<String, List<String>> before = db.snapshot();
        AtomicReference<Map<String, List<String>>> beforeRetry = new AtomicReference<>();
        try (Connection blocker = dataSource.getConnection(); Statement sql = blocker.createStatement()) {
            sql.execute("select pg_advisory_lock(" + TEST_LOCK + ")");
            hooks.assignmentWritten((attempt, bookingId, tableId) -> {
                if (attempt.attempt() == 1) {
                    // Halfway through attempt 1, block on the test's lock, on the commit's own connection.
                    db.jdbc().sql("select pg_advisory_xact_lock(" + TEST_LOCK + ")").query().singleRow();
                }
            });
            hooks.beforeCommit(attempt -> {
                if (attempt.attempt() == 2) {
                    beforeRetry.set(db.snapshot());
                }
            });
            CompletableFuture<Api.Response> solve = CompletableFuture.supplyAsync(() -> api.post(SOLVE, null));

            int commitBackend = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(this::backendWaitingForTheTestLock, pid -> pid != 0);
            assertThat(db.queryInt("select count(*) from pg_stat_activity where pid = ? and state = 'active'",
                    commitBackend)).isEqualTo(1);
            assertThat(db.jdbc().sql("select pg_terminate_backend(:pid)").param("pid", commitBackend)
                    .query(Boolean.class).single()).isTrue();

            Api.Response response = solve.get(60, TimeUnit.SECONDS);
            assertThat(response.status()).as("%s", response).isEqualTo(200);
            assertThat(response.json().path("attempts").asInt()).isEqualTo(2);
            assertThat(response.json().path("newlyConfirmed").asInt()).isEqualTo(4);
            assertThat(withoutAudit(beforeRetry.get())).as("nothing of the killed commit remained")
                    .isEqualTo(withoutAudit(before));
            sql.execute("select pg_advisory_unlock(" + TEST_LOCK + ")");
        }
        assertThat(db.queryInt("select count(*) from booking where status = 'CONFIRMED'")).isEqualTo(5);
        assertThat(db.jdbc().sql("select status || ' ' || attempts from solve_run").query(String.class).single())
                .isEqualTo("COMMITTED 2");
    }

    int backendWaitingForTheTestLock() {
        return db.jdbc().sql("""
                        select coalesce(max(a.pid), 0) from pg_stat_activity a
                        where a.wait_event_type = 'Lock' and a.query like '%pg_advisory_xact_lock(' || :key || ')%'
                        """)
                .param("key", String.valueOf(TEST_LOCK)).query(Integer.class).single();
    }
}
