package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DayInvariants;
import org.tablesolver.testing.Instances;
import org.tablesolver.testing.SharedDatabase;
import org.tablesolver.testing.TestDatabase;

/**
 * Two instances (Spring contexts) on one database: a solve accepted by one is visible, stoppable and awaited from the
 * other; solves of one restaurant-day never run at the same time on different instances; solves queued or running
 * when an instance stops run after the next start.
 */
@Tag("database")
@Tag("slow")
class DurableSolvingTest {

    static final String[] NO_BOUND = {"--tablesolver.solve.bound-max-variables=0"}; // searches until stopped

    SharedDatabase database;
    TestDatabase db;
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeEach
    void start() {
        database = SharedDatabase.start();
        db = database.client();
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        database.close();
    }

    ConfigurableApplicationContext instance(String... properties) {
        List<String> all = new ArrayList<>(List.of(NO_BOUND));
        all.addAll(List.of(properties));
        ConfigurableApplicationContext context = Instances.start(database, all.toArray(String[]::new));
        instances.add(context);
        return context;
    }

    static void fivePartiesAtSeven(Api api, String restaurant) {
        String r = "/api/restaurants/" + restaurant;
        assertThat(api.put(r, plan()).status()).isEqualTo(201);
        api.post(r + "/bookings", booking("b1", "19:00", 2));
        api.post(r + "/bookings", booking("b2", "19:00", 4));
        api.post(r + "/bookings", booking("b3", "19:00", 4));
        api.post(r + "/bookings", booking("b4", "19:00", 6));
        api.post(r + "/bookings", booking("b5", "19:00", 8));
    }

    static String submit(Api api, String restaurant, String config) {
        Api.Response accepted = api.post("/api/restaurants/" + restaurant + "/days/2026-12-04/solve?wait=false",
                parse("{\"config\": \"" + config + "\"}"));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        return accepted.json().path("solveId").asText();
    }

    String status(String id) {
        return db.jdbc().sql("select status from solve_run where id = :id").param("id", id).query(String.class)
                .optional().orElse("missing");
    }

    /**
     * SOLVING with a complete plan found (its progress score has no broken hard rule): a stop then commits that plan.
     * Right after the claim the solve may still be loading or building its first plan, and a stop then cancels it.
     */
    boolean hasPlan(String id) {
        return db.jdbc().sql("select count(*) from solve_run where id = :id and status = 'SOLVING' and score like '[0]hard%'")
                .param("id", id).query(Integer.class).single() == 1;
    }

    @Test
    void aSolveIsSeenStoppedAndAwaitedFromAnotherInstanceAndOneDayRunsOneSolveAtATime() {
        Api a = Instances.api(instance());
        Api b = Instances.api(instance());
        fivePartiesAtSeven(a, "r1");

        String endless = submit(a, "r1", "test-until-stopped");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(endless).equals("SOLVING"));
        String next = submit(b, "r1", "test-fast");
        // The same day waits, whichever instance has a free thread.
        for (int i = 0; i < 12; i++) {
            assertThat(status(next)).as("waits while the day's other solve runs").isEqualTo("QUEUED");
            sleep(250);
        }
        Api.Response seenFromB = b.get("/api/solves/" + endless);
        assertThat(seenFromB.json().path("status").asText()).isEqualTo("SOLVING");
        await().atMost(Duration.ofSeconds(10)).until(() -> b.get("/api/solves/" + endless).json().path("score")
                .isTextual());
        assertThat(b.get("/api/solves?restaurantId=r1").json()).extracting(run -> run.path("status").asText())
                .containsExactlyInAnyOrder("SOLVING", "QUEUED");

        Api.Response stopped = b.delete("/api/solves/" + endless);
        assertThat(stopped.status()).as("%s", stopped).isEqualTo(200);
        assertThat(stopped.json().path("status").asText()).as("stopped on A, asked on B").isEqualTo("COMMITTED");
        assertThat(stopped.json().path("seated").asInt()).isPositive();

        await().atMost(Duration.ofSeconds(30)).until(() -> status(next).equals("COMMITTED"));
        Api.Response waited = a.post("/api/restaurants/r1/days/2026-12-04/solve", null);
        assertThat(waited.status()).as("a synchronous solve, wherever it runs").isEqualTo(200);
        assertThat(waited.json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(db.queryInt("select count(*) from solve_run where status = 'COMMITTED'")).isEqualTo(3);
        DayInvariants.assertConsistent(db);
    }

    @Test
    void solvesQueuedOrRunningWhenAnInstanceStopsRunAfterTheNextStart() {
        ConfigurableApplicationContext first = instance("--db-scheduler.threads=1");
        Api api = Instances.api(first);
        for (String r : List.of("r1", "r2", "r3", "r4")) {
            fivePartiesAtSeven(api, r);
        }
        String running = submit(api, "r1", "test-until-stopped");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(running).equals("SOLVING"));
        List<String> queued = List.of(submit(api, "r2", "test-fast"), submit(api, "r3", "test-fast"),
                submit(api, "r4", "test-fast"));
        sleep(1000);
        assertThat(queued).extracting(this::status).as("one thread, busy").containsOnly("QUEUED");

        first.close(); // a restart: the running solve stops without ending, the queued ones stay queued
        instances.remove(first);
        assertThat(status(running)).isEqualTo("QUEUED");
        assertThat(queued).extracting(this::status).containsOnly("QUEUED");
        assertThat(db.queryInt("select count(*) from booking where status = 'CONFIRMED'")).isZero();

        Api next = Instances.api(instance());
        await().atMost(Duration.ofSeconds(60)).until(() -> queued.stream().allMatch(id -> status(id).equals("COMMITTED")));
        await().atMost(Duration.ofSeconds(30)).until(() -> hasPlan(running));
        Api.Response stopped = next.delete("/api/solves/" + running);
        assertThat(stopped.json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(db.queryInt("select count(*) from solve_run where status = 'COMMITTED'")).isEqualTo(4);
        assertThat(db.queryInt("select count(*) from scheduled_tasks")).as("every job done").isZero();
        DayInvariants.assertConsistent(db);
    }

    @Test
    void smallDaysAreNotStuckBehindLargeOnes() {
        // Two threads, days of more than 3 bookings count as large: one thread is kept for small days.
        Api api = Instances.api(instance("--db-scheduler.threads=2", "--tablesolver.solve.small-day-bookings=3"));
        fivePartiesAtSeven(api, "large-1");
        fivePartiesAtSeven(api, "large-2");
        assertThat(api.put("/api/restaurants/small", plan()).status()).isEqualTo(201);
        api.post("/api/restaurants/small/bookings", booking("b1", "19:00", 2));

        String first = submit(api, "large-1", "test-until-stopped");
        await().atMost(Duration.ofSeconds(30)).until(() -> hasPlan(first));
        String second = submit(api, "large-2", "test-until-stopped");
        String small = submit(api, "small", "test-fast");
        await().atMost(Duration.ofSeconds(30)).until(() -> status(small).equals("COMMITTED"));
        assertThat(status(second)).as("the second large day waits for a large thread").isEqualTo("QUEUED");

        assertThat(api.delete("/api/solves/" + first).json().path("status").asText()).isEqualTo("COMMITTED");
        await().atMost(Duration.ofSeconds(30)).until(() -> hasPlan(second));
        assertThat(api.delete("/api/solves/" + second).json().path("status").asText()).isEqualTo("COMMITTED");
        DayInvariants.assertConsistent(db);
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
