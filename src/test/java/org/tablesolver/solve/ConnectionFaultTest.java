package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DayInvariants;
import org.tablesolver.testing.Instances;
import org.tablesolver.testing.SharedDatabase;
import org.tablesolver.testing.TcpProxy;
import org.tablesolver.testing.TestDatabase;
import org.tablesolver.testing.TestHooks;

/**
 * Real network faults between the service and PostgreSQL, made by a TCP proxy in between: a connection that goes
 * half-open in the middle of a commit, and a COMMIT whose answer never comes back. The day must be free again
 * within the configured timeouts, no request may hang beyond them, and every answer must tell the truth about
 * what was written.
 */
@Tag("database")
@Tag("slow")
class ConnectionFaultTest {

    static final String R = "/api/restaurants/r1";
    static final String SOLVE = R + "/days/2026-12-04/solve";

    static SharedDatabase database;
    static TcpProxy proxy;
    static ConfigurableApplicationContext service;
    static Api api;
    static TestDatabase db;
    static TestHooks hooks;
    static JdbcClient serviceJdbc;

    @BeforeAll
    static void start() throws IOException {
        database = SharedDatabase.start();
        proxy = new TcpProxy(database.address());
        service = Instances.startVia(database, database.urlVia(proxy.port()),
                "--tablesolver.database.statement-timeout=2s", "--tablesolver.database.lock-timeout=5s",
                "--tablesolver.database.socket-timeout=4s",
                "--tablesolver.database.idle-in-transaction-timeout=8s",
                "--tablesolver.solve.read-back-timeout=20s",
                "--spring.datasource.hikari.maximum-pool-size=4",
                "--spring.datasource.hikari.validation-timeout=1000");
        api = Instances.api(service);
        hooks = service.getBean(TestHooks.class);
        serviceJdbc = service.getBean(JdbcClient.class);
        db = database.client();
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @BeforeEach
    void day() {
        hooks.reset();
        db.clean();
        api.put(R, plan());
        api.post(R + "/bookings", booking("b1", "19:00", 2));
        api.post(R + "/bookings", booking("b2", "19:00", 4));
        api.post(R + "/bookings", booking("b3", "19:00", 4));
        api.post(R + "/bookings", booking("b4", "19:00", 5));
    }

    /** The server-side port of the connection running the current statement: the proxy's name for it. */
    private static int currentConnectionPort() {
        return serviceJdbc.sql("select inet_client_port()").query(Integer.class).single();
    }

    @Test
    void aConnectionThatGoesHalfOpenDuringTheCommitFreesTheDayAndTheSolveCommitsOnce() throws Exception {
        AtomicBoolean frozen = new AtomicBoolean();
        hooks.assignmentWritten((attempt, bookingId, tableId) -> {
            if (attempt.attempt() == 1 && frozen.compareAndSet(false, true)) {
                proxy.freeze(currentConnectionPort());
            }
        });
        long started = System.nanoTime();
        CompletableFuture<Api.Response> solve = CompletableFuture.supplyAsync(() -> api.post(SOLVE, null));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilTrue(frozen);

        // A host cancels a booking of the frozen day: it waits for the day's locks, then gets a definite answer.
        long cancelStarted = System.nanoTime();
        Api.Response cancel = api.delete(R + "/bookings/b1");
        double cancelSeconds = (System.nanoTime() - cancelStarted) / 1e9;
        assertThat(cancel.status()).as("%s", cancel).isIn(200, 204, 409);
        assertThat(cancelSeconds).as("the cancel waited for the stuck commit at most the socket timeout and the "
                + "read-back").isLessThan(15);

        Api.Response response = solve.get(60, TimeUnit.SECONDS);
        double solveSeconds = (System.nanoTime() - started) / 1e9;
        assertThat(solveSeconds).isLessThan(30);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(response.json().path("attempts").asInt()).as("the frozen attempt was read back as not written")
                .isGreaterThanOrEqualTo(2);
        assertThat(db.queryInt("select count(*) from pg_stat_activity where datname = current_database() "
                + "and state like 'idle in transaction%'")).as("no session left holding the day").isZero();
        assertThat(db.queryInt("select count(*) from solve_run where status = 'COMMITTED'")).isEqualTo(1);
        DayInvariants.assertConsistent(db);
    }

    @Test
    void aCommitWhoseAnswerIsLostIsReadBackAndReportedCommitted() throws Exception {
        AtomicBoolean dropped = new AtomicBoolean();
        hooks.beforeCommitStatement(attempt -> {
            if (dropped.compareAndSet(false, true)) {
                proxy.dropReplies(currentConnectionPort());
            }
        });
        Api.Response response = api.post(SOLVE, null);
        assertThat(dropped).isTrue();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(response.json().path("attempts").asInt()).as("committed by its first attempt, not again")
                .isEqualTo(1);
        int confirmed = db.queryInt("select count(*) from booking where status = 'CONFIRMED'");
        assertThat(confirmed).isEqualTo(response.json().path("newlyConfirmed").asInt()).isPositive();
        String id = response.json().path("solveId").asText();
        assertThat(api.get("/api/solves/" + id).json().path("status").asText()).isEqualTo("COMMITTED");
        DayInvariants.assertConsistent(db);
    }

    @Test
    void aConnectionThatGoesHalfOpenWhileTheDayLoadsIsRetriedWithoutCostingAnAttempt() {
        AtomicBoolean frozen = new AtomicBoolean();
        java.util.concurrent.atomic.AtomicInteger loads = new java.util.concurrent.atomic.AtomicInteger();
        hooks.beforeLoad(attempt -> {
            loads.incrementAndGet();
            if (frozen.compareAndSet(false, true)) {
                // The connection this thread used last is the one the pool hands it next, unchecked (used just
                // now): the load's first statement goes into the void.
                proxy.freeze(currentConnectionPort());
            }
        });
        long started = System.nanoTime();
        Api.Response response = api.post(SOLVE, null);
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(frozen).isTrue();
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(response.json().path("attempts").asInt()).as("a lost load is retried, not a new attempt")
                .isEqualTo(1);
        assertThat(loads.get()).isEqualTo(1);
        assertThat(seconds).as("the frozen load waited for the socket timeout (4 s), then was retried")
                .isGreaterThan(3.5).isLessThan(30);
        DayInvariants.assertConsistent(db);
    }

    @Test
    void aBookingWriteWhoseConnectionFailsIsAnswered503AndItsRetryStoresItOnce() {
        proxy.freezeOpenConnections();
        Api.Response first = api.post(R + "/bookings", booking("late", "21:00", 2));
        assertThat(first.status()).as("%s", first).isEqualTo(503);
        assertThat(first.headers().firstValue("Retry-After")).isPresent();
        assertThat(first.json().path("detail").asText()).contains("unknown").doesNotContain("nothing was");
        Api.Response retry = first;
        for (int i = 0; i < 10 && retry.status() == 503; i++) {
            retry = api.post(R + "/bookings", booking("late", "21:00", 2));
        }
        assertThat(retry.status()).as("%s", retry).isIn(200, 201);
        assertThat(db.queryInt("select count(*) from booking where id = 'late'")).isEqualTo(1);
    }
}
