package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/** The solve endpoints as a booking system uses them, on small days whose best plan is known. */
@DatabaseTest
class SolveApiTest extends SolvingTest {

    static final String DAY = "/api/restaurants/r1/days/2026-12-04";
    static final String SOLVE = DAY + "/solve";

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void restaurant() {
        assertThat(api.put("/api/restaurants/r1", plan()).status()).as("created").isEqualTo(201);
    }

    void book(String id, String time, int partySize) {
        assertThat(api.post("/api/restaurants/r1/bookings", booking(id, time, partySize)).status()).isEqualTo(201);
    }

    /**
     * Five parties at 19:00 on T1 (1-2), T2 and T3 (2-4), T4 (4-6) and C1 = T2+T3 (5-8): seating the party
     * of 8 on C1 would cost the two parties of 4, so the best plan seats four bookings and leaves b5 out.
     */
    void fivePartiesAtSeven() {
        book("b1", "19:00", 2);
        book("b2", "19:00", 4);
        book("b3", "19:00", 4);
        book("b4", "19:00", 6);
        book("b5", "19:00", 8);
    }

    @Test
    void aChangeToABookingThePlanLeavesUnseatedDoesNotMakeItStartOver() {
        fivePartiesAtSeven();   // b5, a party of 8, finds no free seating at 19:00
        List<String> changedBeforeCommit = new ArrayList<>();
        hooks.beforeCommit(attempt -> {
            if (changedBeforeCommit.isEmpty()) {
                db.jdbc().sql("""
                        update booking set party_size = 7, version = version + 1 where restaurant_id = 'r1' and id = 'b5'
                        """).update();
                changedBeforeCommit.add("b5");
            }
        });
        Api.Response response = api.post(SOLVE, null);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("attempts").asInt()).as("committed at once").isEqualTo(1);
        assertThat(response.json().path("seated").asInt()).isEqualTo(4);
        assertThat(db.jdbc().sql("select status from booking where id = 'b5'").query(String.class).single())
                .isEqualTo("PENDING");
    }

    /**
     * A solve of a day left exactly as the last committed solve left it is answered from that solve: nothing more
     * to find, the same figures and ending, every booking UNCHANGED, no solver run; any change of the day, the mode
     * or the configuration solves again.
     */
    @Test
    void anUnchangedDayIsAnsweredFromTheLastSolve() {
        fivePartiesAtSeven();
        JsonNode first = api.post(SOLVE, null).json();
        assertThat(first.path("status").asText()).isEqualTo("COMMITTED");
        assertThat(first.path("newlyConfirmed").asInt()).isEqualTo(4);
        double before = unchangedCount();

        for (int again = 0; again < 2; again++) {
            JsonNode answer = api.post(SOLVE, null).json();
            assertThat(unchangedCount()).as("answered from the last solve").isEqualTo(before + again + 1);
            assertThat(answer.path("status").asText()).isEqualTo("COMMITTED");
            assertThat(answer.path("solveId").asText()).isNotEqualTo(first.path("solveId").asText());
            for (String field : List.of("seated", "unseated", "bound", "gap", "proven", "endedBy", "score")) {
                assertThat(answer.path(field)).as(field).isEqualTo(first.path(field));
            }
            assertThat(answer.path("newlyConfirmed").asInt()).isZero();
            assertThat(answer.path("moved").asInt()).isZero();
            assertThat(answer.path("assignments").findValuesAsText("change")).hasSize(4).containsOnly("UNCHANGED");
            assertThat(answer.path("unseatedBookings")).isEqualTo(first.path("unseatedBookings"));
            assertThat(api.get("/api/solves/" + answer.path("solveId").asText()).json().path("endedBy"))
                    .isEqualTo(first.path("endedBy"));
        }

        // Another mode, or any change of the day, is solved again.
        assertThat(api.post(SOLVE, parse("{\"mode\": \"REOPTIMIZE\"}")).json().path("status").asText())
                .isEqualTo("COMMITTED");
        assertThat(unchangedCount()).isEqualTo(before + 2);
        assertThat(api.delete("/api/restaurants/r1/bookings/b1").status()).isEqualTo(200);
        JsonNode afterCancel = api.post(SOLVE, null).json();
        assertThat(unchangedCount()).isEqualTo(before + 2);
        assertThat(afterCancel.path("newlyConfirmed").asInt()).as("b5 takes the room b1 left? no: a party of 8")
                .isZero();
        assertThat(api.post(SOLVE, null).json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(unchangedCount()).as("and then unchanged again").isEqualTo(before + 3);
    }

    /**
     * A solve answer shows the first five blockers of an unseated booking and how many there are; the rest are paged
     * from the solve, in the same order.
     */
    @Test
    void anUnseatedBookingShowsFiveBlockersAndPagesThroughAll() {
        ObjectNode twos = parse("""
                {"name": "Twos", "timeZone": "Europe/London", "turnoverBufferMinutes": 0,
                 "zones": [{"id": "bar", "name": "Bar"}], "tables": []}
                """);
        for (int t = 1; t <= 8; t++) {
            twos.withArray("tables").addObject().put("id", "T" + t).put("zone", "bar").put("minCapacity", 1)
                    .put("maxCapacity", 2);
        }
        assertThat(api.put("/api/restaurants/twos", twos).status()).isEqualTo(201);
        for (int b = 1; b <= 8; b++) {
            assertThat(api.post("/api/restaurants/twos/bookings", booking("c" + b, "19:00", 2).put("confirm", true))
                    .status()).isEqualTo(201);
        }
        assertThat(api.post("/api/restaurants/twos/bookings", booking("late", "19:00", 2)).status()).isEqualTo(201);
        JsonNode solved = api.post("/api/restaurants/twos/days/2026-12-04/solve", null).json();
        JsonNode unseated = solved.path("unseatedBookings").get(0);
        assertThat(unseated.path("bookingId").asText()).isEqualTo("late");
        assertThat(unseated.path("code").asText()).isEqualTo("ALL_FITTING_SEATINGS_TAKEN");
        assertThat(unseated.path("blockers")).hasSize(5);
        assertThat(unseated.path("blockersTotal").asInt()).isEqualTo(8);

        String blockers = "/api/solves/" + solved.path("solveId").asText() + "/unseated/late/blockers";
        List<JsonNode> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = api.get(blockers + "?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.path("blockersTotal").asInt()).isEqualTo(8);
            page.path("blockers").forEach(all::add);
            cursor = page.path("nextCursor").isNull() ? null : page.path("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 10);
        assertThat(pages).isEqualTo(3);
        assertThat(all).hasSize(8);
        assertThat(all.stream().map(b -> b.path("seating").asText()).distinct()).hasSize(8);
        for (int i = 0; i < 5; i++) {
            assertThat(all.get(i)).as("the answer's five come first").isEqualTo(unseated.path("blockers").get(i));
        }
        assertThat(api.get(blockers).json().path("blockers")).as("default page: all eight").hasSize(8);

        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.get(blockers + "?cursor=nonsense"), 400, "cursor", db, before);
        assertRefused(api.get(blockers + "?limit=0"), 400, "limit", db, before);
        assertRefused(api.get(blockers.replace("/late/", "/c1/")), 404, "bookingId", db, before);
        assertRefused(api.get("/api/solves/nope/unseated/late/blockers"), 404, "solveId", db, before);
    }

    double unchangedCount() {
        var counter = meters.find(SolveMetrics.UNCHANGED).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void solveCommitsThePlanAndAnswersIt() {
        fivePartiesAtSeven();
        Api.Response response = api.post(SOLVE, null);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("solveId").asText()).isNotBlank();
        assertThat(body.path("restaurantId").asText()).isEqualTo("r1");
        assertThat(body.path("date").asText()).isEqualTo("2026-12-04");
        assertThat(body.path("mode").asText()).isEqualTo("PENDING_ONLY");
        assertThat(body.path("config").asText()).isEqualTo("test-fast");
        assertThat(body.path("status").asText()).isEqualTo("COMMITTED");
        assertThat(body.path("score").asText()).startsWith("[0]hard/");
        assertThat(body.path("seated").asInt()).isEqualTo(4);
        assertThat(body.path("unseated").asInt()).isEqualTo(1);
        assertThat(body.path("newlyConfirmed").asInt()).isEqualTo(4);
        assertThat(body.path("moved").asInt()).isZero();
        assertThat(body.path("attempts").asInt()).isEqualTo(1);
        assertThat(body.path("solveMillis").asLong()).isNotNegative();
        assertThat(body.path("totalMillis").asLong()).isGreaterThanOrEqualTo(body.path("solveMillis").asLong());

        Map<String, List<String>> tablesById = new LinkedHashMap<>();
        for (JsonNode assignment : body.path("assignments")) {
            List<String> tables = new ArrayList<>();
            assignment.path("tables").forEach(t -> tables.add(t.asText()));
            tablesById.put(assignment.path("bookingId").asText(), tables);
            assertThat(assignment.path("status").asText()).isEqualTo("CONFIRMED");
            assertThat(assignment.path("change").asText()).isEqualTo("NEW");
        }
        assertThat(tablesById).containsOnlyKeys("b1", "b2", "b3", "b4");
        assertThat(tablesById.get("b1")).containsExactly("T1");
        assertThat(tablesById.get("b4")).containsExactly("T4");
        assertThat(List.of(tablesById.get("b2"), tablesById.get("b3"))).containsExactlyInAnyOrder(List.of("T2"),
                List.of("T3"));
        JsonNode unseated = body.path("unseatedBookings").get(0);
        assertThat(unseated.path("bookingId").asText()).isEqualTo("b5");
        assertThat(unseated.path("code").asText()).isEqualTo("ALL_FITTING_SEATINGS_TAKEN");
        assertThat(unseated.path("reason").asText()).contains("C1").contains("b2").contains("b3");

        // The plan endpoint shows exactly what the answer says, as committed.
        JsonNode plan = api.get(DAY + "/plan").json();
        for (JsonNode booking : plan.path("bookings")) {
            String id = booking.path("id").asText();
            List<String> tables = new ArrayList<>();
            booking.path("tables").forEach(t -> tables.add(t.asText()));
            if (id.equals("b5")) {
                assertThat(booking.path("status").asText()).isEqualTo("PENDING");
                assertThat(tables).isEmpty();
                assertThat(booking.path("version").asLong()).isZero();
            } else {
                assertThat(booking.path("status").asText()).isEqualTo("CONFIRMED");
                assertThat(tables).isEqualTo(tablesById.get(id));
                assertThat(booking.path("version").asLong()).isEqualTo(1);
            }
        }

        // The same answer later by id, and one audit row.
        String id = body.path("solveId").asText();
        Api.Response again = api.get("/api/solves/" + id);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json()).isEqualTo(body);
        JsonNode runs = api.get("/api/solves?restaurantId=r1&date=2026-12-04").json();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).path("solveId").asText()).isEqualTo(id);
        assertThat(runs.get(0).path("status").asText()).isEqualTo("COMMITTED");
        assertThat(runs.get(0).path("seated").asInt()).isEqualTo(4);
        assertThat(runs.get(0).path("newlyConfirmed").asInt()).isEqualTo(4);
        assertThat(runs.get(0).path("finishedAt").asText()).isNotBlank();
        assertThat(api.get("/api/solves?date=2026-12-05").json()).isEmpty();
    }

    @Test
    void theModeAndConfigurationCanBeChosen() {
        fivePartiesAtSeven();
        Api.Response response = api.post(SOLVE, parse("""
                {"mode": "REOPTIMIZE", "config": "test-fast"}
                """));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("mode").asText()).isEqualTo("REOPTIMIZE");
        assertThat(response.json().path("seated").asInt()).isEqualTo(4);
    }

    @Test
    void aDayWithNothingToSeatIsAnEmptyCommittedSolve() {
        Api.Response response = api.post(SOLVE, null);
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        assertThat(response.json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(response.json().path("seated").asInt()).isZero();
        assertThat(response.json().path("unseated").asInt()).isZero();
        assertThat(response.json().path("newlyConfirmed").asInt()).isZero();
        assertThat(response.json().path("assignments")).isEmpty();
        assertThat(response.json().path("unseatedBookings")).isEmpty();
        assertThat(db.count("table_assignment")).isZero();
    }

    @Test
    void refusalsNameTheFieldAndChangeNothing() {
        book("b1", "19:00", 2);
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post("/api/restaurants/nope/days/2026-12-04/solve", null), 404, "restaurantId", db, before);
        assertRefused(api.post(SOLVE, parse("""
                {"config": "no-such-config"}
                """)), 400, "config", db, before);
        assertRefused(api.post(SOLVE, parse("""
                {"config": "../../etc/passwd"}
                """)), 400, "config", db, before);
        assertRefused(api.post(SOLVE, parse("""
                {"mode": "EVERYTHING"}
                """)), 400, "mode", db, before);
        assertRefused(api.post(SOLVE, "{\"mode\": "), 400, null, db, before);
        assertRefused(api.post("/api/restaurants/r1/days/2026-02-30/solve", null), 400, "date", db, before);
        assertRefused(api.post(SOLVE + "?wait=perhaps", null), 400, "wait", db, before);
        assertRefused(api.get("/api/solves/nope"), 404, "solveId", db, before);
        assertRefused(api.delete("/api/solves/nope"), 404, "solveId", db, before);
        assertRefused(api.get("/api/solves?restaurantId=nope"), 404, "restaurantId", db, before);
        assertRefused(api.get("/api/solves?date=2026-13-01"), 400, "date", db, before);
        assertRefused(api.get("/api/solves?limit=0"), 400, "limit", db, before);
        assertThat(api.get("/api/solves/nope").json().path("detail").asText()).contains("nope");
    }

    @Test
    void asynchronousSolveAnswers202AndCanBeFollowed() {
        fivePartiesAtSeven();
        Api.Response accepted = api.post(SOLVE + "?wait=false", null);
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String id = accepted.json().path("solveId").asText();
        assertThat(accepted.headers().firstValue("Location")).hasValue("/api/solves/" + id);
        assertThat(accepted.json().path("status").asText()).isIn("QUEUED", "SOLVING");

        JsonNode done = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/solves/" + id).json(), json -> json.path("status").asText().equals("COMMITTED"));
        assertThat(done.path("seated").asInt()).isEqualTo(4);
        assertThat(done.path("assignments")).hasSize(4);
        assertThat(db.queryInt("select count(*) from booking where status = 'CONFIRMED'")).isEqualTo(4);
    }

    @Test
    void deleteStopsARunningSolveAndCommitsTheBestPlanSoFar() {
        fivePartiesAtSeven();
        String id = startEndlessSolve();

        Api.Response stopped = api.delete("/api/solves/" + id);
        assertThat(stopped.status()).as("%s", stopped).isEqualTo(200);
        assertThat(stopped.json().path("status").asText()).isEqualTo("COMMITTED");
        assertThat(stopped.json().path("endedBy").asText()).isEqualTo("STOPPED");
        assertThat(api.get("/api/solves/" + id).json().path("endedBy").asText()).as("as stored").isEqualTo("STOPPED");
        assertThat(db.queryInt("select count(*) from solve_run where ended_by = 'STOPPED'")).isEqualTo(1);
        assertThat(db.queryInt("select count(*) from solve_run where ended_by = 'STOPPED' and state_after is null"))
                .as("a solve cut short answers no later solve").isEqualTo(1);
        assertThat(stopped.json().path("totalMillis").asLong()).as("long before the 60 s limit").isLessThan(30_000);
        int seated = stopped.json().path("seated").asInt();
        assertThat(seated).isPositive();
        assertThat(db.queryInt("select count(*) from booking where status = 'CONFIRMED'")).isEqualTo(seated);

        Api.Response again = api.delete("/api/solves/" + id);
        assertThat(again.status()).as("stopping a finished solve changes nothing").isEqualTo(200);
        assertThat(again.json()).isEqualTo(stopped.json());
    }

    @Test
    void deleteWithDiscardCommitsNothing() {
        fivePartiesAtSeven();
        Map<String, List<String>> before = db.snapshot();
        String id = startEndlessSolve();

        Api.Response cancelled = api.delete("/api/solves/" + id + "?discard=true");
        assertThat(cancelled.status()).as("%s", cancelled).isEqualTo(200);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("endedBy").isNull()).as("a discarded solve left no plan").isTrue();
        assertThat(cancelled.json().path("error").asText()).contains("nothing was written");
        assertThat(withoutAudit(db.snapshot())).isEqualTo(withoutAudit(before));
        assertThat(db.queryInt("select count(*) from solve_run where status = 'CANCELLED'")).isEqualTo(1);
    }

    @Test
    void aSolveQueuedBehindAnotherOfTheSameDayCanBeCancelledBeforeItStarts() {
        fivePartiesAtSeven();
        String running = startEndlessSolve();
        Api.Response queued = api.post(SOLVE + "?wait=false", null);
        assertThat(queued.status()).isEqualTo(202);
        String id = queued.json().path("solveId").asText();
        assertThat(api.get("/api/solves/" + id).json().path("status").asText())
                .as("waits for the running solve of the same day").isEqualTo("QUEUED");

        Api.Response cancelled = api.delete("/api/solves/" + id);
        assertThat(cancelled.json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("attempts").asInt()).isZero();
        assertThat(api.delete("/api/solves/" + running + "?discard=true").json().path("status").asText())
                .isEqualTo("CANCELLED");
        assertThat(api.get("/api/solves/" + id).json().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(db.count("table_assignment")).isZero();
    }

    @Test
    void aSolveThatKeepsConflictingIs409AndChangesNothingItself() {
        fivePartiesAtSeven();
        double conflictsBefore = meters.counter(SolveMetrics.CONFLICTS).count();
        double retriesBefore = meters.counter(SolveMetrics.RETRIES).count();
        List<Map<String, List<String>>> beforeEachCommit = new ArrayList<>();
        // A concurrent writer changes b1 between every solve and its commit.
        hooks.beforeCommit(attempt -> {
            db.jdbc().sql("update booking set version = version + 1 where restaurant_id = 'r1' and id = 'b1'").update();
            beforeEachCommit.add(withoutAudit(db.snapshot()));
        });

        Api.Response response = api.post(SOLVE, null);
        assertProblem(response, 409, null);
        assertThat(response.json().path("detail").asText()).contains("CONFLICT").contains("3 attempts")
                .contains("booking b1 changed");
        assertThat(beforeEachCommit).hasSize(3);
        assertThat(withoutAudit(db.snapshot())).as("the day as the last concurrent change left it")
                .isEqualTo(beforeEachCommit.get(2));
        assertThat(db.queryInt("select count(*) from booking where status <> 'PENDING'")).isZero();
        assertThat(db.jdbc().sql("select status || ' ' || attempts from solve_run").query(String.class).single())
                .isEqualTo("CONFLICT 3");
        assertThat(meters.counter(SolveMetrics.CONFLICTS).count() - conflictsBefore).isEqualTo(3);
        assertThat(meters.counter(SolveMetrics.RETRIES).count() - retriesBefore).isEqualTo(2);
    }

    @Test
    void metricsCountSolvesAndSeatedBookings() {
        fivePartiesAtSeven();
        long solvesBefore = committedSolves();
        api.post(SOLVE, null);
        assertThat(committedSolves()).as("this solve, and any that another test left running")
                .isGreaterThanOrEqualTo(solvesBefore + 1);
        assertThat(meters.get(SolveMetrics.SEATED).summary().max()).isGreaterThanOrEqualTo(4);
        Api.Response metric = api.get("/actuator/metrics/" + SolveMetrics.DURATION);
        assertThat(metric.status()).isEqualTo(200);
        assertThat(metric.json().path("measurements").get(0).path("value").asDouble()).isPositive();
    }

    long committedSolves() {
        var timer = meters.find(SolveMetrics.DURATION).tag("status", "COMMITTED").timer();
        return timer == null ? 0 : timer.count();
    }

    /** Starts a solve that searches until it is stopped and waits until it has a plan. */
    String startEndlessSolve() {
        Api.Response accepted = api.post(SOLVE + "?wait=false", parse("""
                {"config": "test-until-stopped"}
                """));
        assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
        String id = accepted.json().path("solveId").asText();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/api/solves/" + id).json(),
                        json -> json.path("status").asText().equals("SOLVING") && json.path("score").isTextual());
        return id;
    }

    static Map<String, List<String>> withoutAudit(Map<String, List<String>> snapshot) {
        Map<String, List<String>> day = new LinkedHashMap<>(snapshot);
        day.remove("solve_run");
        day.remove("scheduled_tasks"); // the solve's own job, while it runs
        return day;
    }
}
