package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/**
 * Solves while the booking system keeps writing, and solves racing each other: nothing is lost, nothing
 * cancelled is confirmed, and the second of two solves of one day sees the first one's result.
 */
@DatabaseTest
class SolveConcurrencyTest extends SolvingTest {

    static final LocalDate DATE = LocalDate.of(2026, 12, 4);
    static final String SOLVE = "/api/restaurants/r1/days/2026-12-04/solve";

    @Autowired
    SolvePipeline pipeline;

    @BeforeEach
    void restaurant() {
        assertThat(api.put("/api/restaurants/r1", plan()).status()).as("created").isEqualTo(201);
    }

    void book(String id, String time, int partySize) {
        assertThat(api.post("/api/restaurants/r1/bookings", booking(id, time, partySize)).status()).isEqualTo(201);
    }

    String status(String id) {
        return db.jdbc().sql("select status from booking where restaurant_id = 'r1' and id = :id").param("id", id)
                .query(String.class).single();
    }

    @Test
    void bookingsCreatedAndCancelledWhileSolvingAreNeitherLostNorConfirmed() {
        book("b1", "12:00", 2);
        book("b2", "13:00", 4);
        book("b3", "19:00", 4);
        hooks.beforeCommit(attempt -> {
            if (attempt.attempt() == 1) {
                // The booking system writes between the solve's snapshot and its commit.
                assertThat(api.post("/api/restaurants/r1/bookings", booking("late-1", "20:00", 2)).status())
                        .isEqualTo(201);
                assertThat(api.delete("/api/restaurants/r1/bookings/b2").status()).isEqualTo(200);
            }
        });

        Api.Response response = api.post(SOLVE, null);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("attempts").asInt()).as("b2's cancellation made attempt 1 stale").isEqualTo(2);
        assertThat(status("b2")).isEqualTo("CANCELLED");
        assertThat(db.queryInt("select count(*) from table_assignment where booking_id = 'b2'")).isZero();
        assertThat(status("late-1")).as("loaded by the second attempt").isEqualTo("CONFIRMED");
        assertThat(status("b1")).isEqualTo("CONFIRMED");
        assertThat(status("b3")).isEqualTo("CONFIRMED");
        assertThat(db.count("booking")).isEqualTo(4);
        assertThat(response.json().path("seated").asInt()).isEqualTo(3);
    }

    @Test
    void aBookingCreatedWhileSolvingStaysPendingForTheNextSolve() {
        book("b1", "12:00", 2);
        hooks.beforeCommit(attempt -> assertThat(
                api.post("/api/restaurants/r1/bookings", booking("late-1", "20:00", 2)).status()).isEqualTo(201));

        Api.Response first = api.post(SOLVE, null);
        assertThat(first.json().path("attempts").asInt()).as("a new booking does not invalidate the plan").isEqualTo(1);
        assertThat(first.json().path("newlyConfirmed").asInt()).isEqualTo(1);
        assertThat(status("b1")).isEqualTo("CONFIRMED");
        assertThat(status("late-1")).isEqualTo("PENDING");

        hooks.reset();
        Api.Response second = api.post(SOLVE, null);
        assertThat(second.json().path("newlyConfirmed").asInt()).isEqualTo(1);
        assertThat(status("late-1")).isEqualTo("CONFIRMED");
    }

    @Test
    void aConfirmationWhileSolvingCountsInThePacingOfItsSlot() {
        // Six guests may start per 15 minutes. The solve plans b1 (4) and b2 (2) at 19:00-19:15; meanwhile a booking
        // system confirms late-1 (2) at 19:10, which fits then (no one else is confirmed yet). Committing the plan
        // would start eight guests in that slot: the commit refuses, and the second attempt, which counts late-1,
        // confirms only what the slot still allows.
        assertThat(api.put("/api/restaurants/r1", plan().set("pacing", parse("{\"maxCoversPerSlot\": 6}")))
                .status()).isEqualTo(200);
        // in the bar (b1 on T2, b2 on T1), late-1 in the garden: no table of the plan is taken meanwhile
        assertThat(api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 4).put("requiredZone", "bar"))
                .status()).isEqualTo(201);
        assertThat(api.post("/api/restaurants/r1/bookings", booking("b2", "19:05", 2).put("requiredZone", "bar"))
                .status()).isEqualTo(201);
        hooks.beforeCommit(attempt -> {
            if (attempt.attempt() == 1) {
                assertThat(api.post("/api/restaurants/r1/bookings", booking("late-1", "19:10", 2)
                        .put("requiredZone", "garden").put("confirm", true)).status()).isEqualTo(201);
            }
        });

        Api.Response response = api.post(SOLVE, null);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("attempts").asInt()).as("late-1 made attempt 1 stale").isEqualTo(2);
        assertThat(status("late-1")).isEqualTo("CONFIRMED");
        assertThat(db.queryInt("""
                select coalesce(sum(party_size), 0) from booking
                where restaurant_id = 'r1' and status in ('CONFIRMED', 'SEATED')
                  and starts_at >= '2026-12-04T19:00:00Z' and starts_at < '2026-12-04T19:15:00Z'
                """)).as("guests starting at 19:00-19:15").isLessThanOrEqualTo(6);
        assertThat(response.json().path("newlyConfirmed").asInt()).isEqualTo(1);
    }

    @Test
    void aConfirmationWhileSolvingInAnotherPacingSlotLeavesThePlanValid() {
        assertThat(api.put("/api/restaurants/r1", plan().set("pacing", parse("{\"maxCoversPerSlot\": 6}")))
                .status()).isEqualTo(200);
        book("b1", "19:00", 4);
        book("b2", "19:05", 2);
        hooks.beforeCommit(attempt -> {
            if (attempt.attempt() == 1) {
                // after the planned stays, so no table the plan uses is taken
                assertThat(api.post("/api/restaurants/r1/bookings", booking("late-2", "21:00", 2).put("confirm", true))
                        .status()).isEqualTo(201);
            }
        });

        Api.Response response = api.post(SOLVE, null);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("attempts").asInt()).isEqualTo(1);
        assertThat(response.json().path("newlyConfirmed").asInt()).isEqualTo(2);
    }

    @Test
    void aHoldPlacedWhileSolvingIsRespectedAndTheDayIsSolvedAgain() {
        book("b1", "19:00", 2);
        book("b2", "19:00", 4);
        hooks.beforeCommit(attempt -> {
            if (attempt.attempt() == 1) {
                // A booking flow holds every table at 19:00 before the commit.
                for (String table : List.of("T1", "T2", "T3", "T4")) {
                    assertThat(api.post("/api/restaurants/r1/holds", parse("""
                            {"tableId": "%s", "start": "2026-12-04T19:00:00", "durationMinutes": 60,
                             "expiresInSeconds": 600}
                            """.formatted(table))).status()).isEqualTo(201);
                }
            }
        });

        Api.Response response = api.post(SOLVE, null);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("attempts").asInt()).isEqualTo(2);
        assertThat(response.json().path("seated").asInt()).isZero();
        assertThat(response.json().path("unseatedBookings").get(0).path("reason").asText()).contains("held");
        assertThat(db.count("table_assignment")).isZero();
    }

    @Test
    void twoConcurrentRequestsForOneDayRunOneAfterTheOther() throws Exception {
        book("b1", "19:00", 2);
        book("b2", "19:00", 4);
        book("b3", "19:00", 4);
        book("b4", "19:00", 6);
        CountDownLatch bothSent = new CountDownLatch(2);
        CompletableFuture<Api.Response> first = CompletableFuture.supplyAsync(() -> {
            bothSent.countDown();
            return api.post(SOLVE, null);
        });
        CompletableFuture<Api.Response> second = CompletableFuture.supplyAsync(() -> {
            bothSent.countDown();
            return api.post(SOLVE, null);
        });
        JsonNode a = first.get(60, TimeUnit.SECONDS).json();
        JsonNode b = second.get(60, TimeUnit.SECONDS).json();
        assertThat(List.of(a.path("status").asText(), b.path("status").asText())).containsOnly("COMMITTED");
        assertThat(List.of(a.path("newlyConfirmed").asInt(), b.path("newlyConfirmed").asInt()))
                .as("the later solve sees the earlier one's result").containsExactlyInAnyOrder(4, 0);
        assertThat(a.path("seated").asInt()).isEqualTo(4);
        assertThat(b.path("seated").asInt()).isEqualTo(4);
        assertThat(a.path("attempts").asInt() + b.path("attempts").asInt()).as("no conflict in one process")
                .isEqualTo(2);
        assertThat(db.queryInt("select max(version) from booking")).as("every booking written once").isEqualTo(1);
    }

    /**
     * Two instances of the service on one database: two pipelines solve the same day without the in-process
     * queue. The one that commits second finds its snapshot stale, solves again and sees the first one's plan.
     */
    @Test
    void twoInstancesSolvingOneDayAreSerializedByTheDatabase() throws Exception {
        book("b1", "19:00", 2);
        book("b2", "19:00", 4);
        book("b3", "20:00", 4);
        SolveJob slow = job();
        SolveJob fast = job();
        CountDownLatch fastCommitted = new CountDownLatch(1);
        hooks.beforeCommit(attempt -> {
            if (attempt.solveId().equals(slow.id()) && attempt.attempt() == 1) {
                await(fastCommitted);
            }
        });
        CompletableFuture<Void> slowRun = CompletableFuture.runAsync(() -> pipeline.run(slow));
        pipeline.run(fast);
        fastCommitted.countDown();
        slowRun.get(60, TimeUnit.SECONDS);

        SolveView first = fast.await();
        SolveView second = slow.await();
        assertThat(first.status()).isEqualTo(SolveStatus.COMMITTED);
        assertThat(first.newlyConfirmed()).isEqualTo(3);
        assertThat(second.status()).isEqualTo(SolveStatus.COMMITTED);
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.newlyConfirmed()).isZero();
        assertThat(second.seated()).isEqualTo(3);
        assertThat(second.assignments()).extracting(SolveView.Assignment::change)
                .containsOnly(SolveView.Change.UNCHANGED);
        assertThat(db.queryInt("select max(version) from booking")).isEqualTo(1);
    }

    SolveJob job() {
        SolveJob job = new SolveJob(UUID.randomUUID().toString(), new DayKey("r1", DATE), SolveMode.PENDING_ONLY,
                "test-fast", progress -> { });
        assertThat(job.start(java.time.Instant.now())).isTrue();
        return job;
    }

    static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(60, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
