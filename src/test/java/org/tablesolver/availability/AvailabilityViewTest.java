package org.tablesolver.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.parse;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solve.DayKey;
import org.tablesolver.solve.DayLoader;
import org.tablesolver.solve.LoadedDay;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/**
 * The maintained availability against a cold exact check of the state each answer names, after random writes; the
 * version (asOf) and what changes it; cancellation and overload of the computations.
 */
@DatabaseTest
class AvailabilityViewTest {

    static final String R = "/api/restaurants/view";
    static final LocalDate DATE = LocalDate.of(2026, 12, 4);
    static final String AVAILABILITY = R + "/days/2026-12-04/availability";

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;
    @Autowired
    AvailabilityView view;
    @Autowired
    DayLoader dayLoader;
    @Autowired
    FloorPlanService floorPlans;
    @Autowired
    OnlineBookingProperties properties;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MeterRegistry registry;

    @BeforeEach
    void restaurant() {
        db.clean();
        assertThat(api.put(R, plan()).status()).isEqualTo(201);
    }

    /** Eight tables in three zones, two joinable pairs; no service periods (grids are from-to). */
    static ObjectNode plan() {
        return parse("""
                {"name": "View", "timeZone": "Europe/London", "turnoverBufferMinutes": 10,
                 "zones": [{"id": "bar", "name": "Bar"}, {"id": "hall", "name": "Hall"}, {"id": "garden", "name": "Garden"}],
                 "tables": [{"id": "B1", "zone": "bar", "minCapacity": 1, "maxCapacity": 2},
                            {"id": "B2", "zone": "bar", "minCapacity": 1, "maxCapacity": 2},
                            {"id": "H1", "zone": "hall", "minCapacity": 2, "maxCapacity": 4},
                            {"id": "H2", "zone": "hall", "minCapacity": 2, "maxCapacity": 4},
                            {"id": "H3", "zone": "hall", "minCapacity": 4, "maxCapacity": 6},
                            {"id": "G1", "zone": "garden", "minCapacity": 2, "maxCapacity": 4},
                            {"id": "G2", "zone": "garden", "minCapacity": 2, "maxCapacity": 4},
                            {"id": "G3", "zone": "garden", "minCapacity": 6, "maxCapacity": 8}],
                 "combinations": [{"id": "H12", "tables": ["H1", "H2"], "minCapacity": 5, "maxCapacity": 8},
                                  {"id": "G12", "tables": ["G1", "G2"], "minCapacity": 5, "maxCapacity": 8}]}
                """);
    }

    record Question(int partySize, String zone) {
        String query() {
            return "?partySize=" + partySize + "&durationMinutes=90&from=11:00&to=23:00"
                    + (zone == null ? "" : "&zone=" + zone);
        }
    }

    static final List<Question> QUESTIONS = List.of(new Question(2, null), new Question(4, null),
            new Question(6, null), new Question(3, "garden"), new Question(8, null));

    @Test
    void aWitnessIsKeptAsTextAndReadBackAsItWas() {
        Map<String, String> witness = new java.util.LinkedHashMap<>();
        witness.put("B001", "T3");
        witness.put("hold:h-1", "T1+T2");
        witness.put(SeatingCheck.WITNESS_CANDIDATE, "T7");
        assertThat(AvailabilityView.decode(AvailabilityView.encode(witness))).isEqualTo(witness);
        assertThat(AvailabilityView.encode(null)).isNull();
        assertThat(AvailabilityView.decode(null)).isNull();
        // text that is not a witness reads as what it holds, never as an error: a witness is only a hint
        assertThat(AvailabilityView.decode("B001 T3\nbroken")).containsExactly(Map.entry("B001", "T3"));
    }

    @Test
    void afterRandomWritesEveryAnswerIsTheColdExactCheckOfTheStateItNames() {
        Random random = new Random(20261204);
        List<String> bookings = new ArrayList<>();
        List<String> holds = new ArrayList<>();
        double reusedBefore = cells("reused");
        long asOf = answer(QUESTIONS.get(0)).path("asOf").asLong();
        for (int step = 0; step < 60; step++) {
            Api.Response write = randomWrite(random, step, bookings, holds);
            long now = answer(QUESTIONS.get(0)).path("asOf").asLong();
            if (write.status() / 100 == 2) {
                assertThat(now).as("a committed write moves the version: %s", write).isGreaterThan(asOf);
            } else {
                assertThat(now).as("a refusal writes nothing: %s", write).isEqualTo(asOf);
            }
            asOf = now;
            for (Question question : QUESTIONS) {
                JsonNode answer = answer(question);
                assertThat(answer.path("asOf").asLong()).isEqualTo(asOf);
                assertThat(slots(answer)).as("step %d, %s", step, question).isEqualTo(cold(question));
            }
        }
        assertThat(cells("reused") - reusedBefore).as("cells a write could not affect were kept").isPositive();
        JsonNode again = answer(QUESTIONS.get(1));
        view.forget();
        assertThat(answer(QUESTIONS.get(1))).as("the same version, answered from scratch").isEqualTo(again);
    }

    @Test
    void theVersionMovesWithHoldsTheirExpiryAndTheFloorPlanAndNothingElse() throws Exception {
        long first = asOf();
        assertThat(asOf()).as("reading changes nothing").isEqualTo(first);
        Api.Response hold = api.post(R + "/holds", parse("""
                {"partySize": 2, "start": "2026-12-04T19:00:00", "durationMinutes": 90, "expiresInSeconds": 1}"""));
        assertThat(hold.status()).isEqualTo(201);
        long held = asOf();
        assertThat(held).isGreaterThan(first);
        Thread.sleep(1300);
        long expired = asOf();
        assertThat(expired).as("a hold seen expired is marked lapsed: a write").isGreaterThan(held);
        assertThat(asOf()).isEqualTo(expired);
        ObjectNode changed = plan();
        ((ObjectNode) changed.path("tables").get(0)).put("maxCapacity", 3);
        assertThat(api.put(R, changed).status()).isEqualTo(200);
        assertThat(asOf()).isGreaterThan(expired);
        assertThat(api.post(R + "/bookings", parse("""
                {"id": "p1", "date": "2026-12-05", "start": "2026-12-05T19:00:00", "durationMinutes": 90,
                 "partySize": 2}""")).status()).isEqualTo(201);
        assertThat(asOf()).as("the restaurant's version: another date's booking moves it too").isGreaterThan(expired);
    }

    @Test
    void workNobodyWaitsForIsCancelledAndAnswersThatCannotBeGivenInTimeAre503() throws Exception {
        for (int i = 0; i < 12; i++) {
            api.post(R + "/bookings", parse("{\"date\": \"2026-12-04\", \"durationMinutes\": 90, \"confirm\": true}")
                    .put("start", "2026-12-04T" + (18 + i % 4) + ":" + (i < 4 ? "00" : i < 8 ? "15" : "30") + ":00")
                    .put("partySize", 2 + i % 5));
        }
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        OnlineBookingProperties impatient = new OnlineBookingProperties(properties.exactBudget(),
                properties.searchNodes(), properties.exactNodes(), 3, 100, 1000, 10, 1, 10, 10, Duration.ofNanos(1), 300,
                62);
        // The pool's one worker is busy until the request has given up: the computation starts after that.
        FairExecutor pool = new FairExecutor(1, 10, 10);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        pool.execute("another restaurant", () -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (AvailabilityView busy = new AvailabilityView(jdbc, floorPlans, dayLoader, transactions, impatient, meters,
                pool)) {
            AvailabilityView.DayState state = busy.state(new DayKey("view", DATE));
            List<LocalDateTime> grid = new ArrayList<>();
            for (LocalDateTime t = DATE.atTime(11, 0); !t.isAfter(DATE.atTime(23, 55)); t = t.plusMinutes(5)) {
                grid.add(t);
            }
            AvailabilityView.Question question = new AvailabilityView.Question(4, 90, null, null, null);
            AvailabilityView.Pending pending = busy.answer(state, question, grid);
            assertThatThrownBy(() -> pending.await(busy.deadline())).isInstanceOf(ServiceBusyException.class)
                    .satisfies(e -> assertThat(((ServiceBusyException) e).retryAfterSeconds()).isEqualTo(1))
                    .satisfies(e -> assertThat(((ServiceBusyException) e).status().value()).isEqualTo(503));
            // nobody waits any more: the computation stops at the next chunk of cells, or never starts
            release.countDown();
            Thread.sleep(2000);
            double answered = 0;
            for (String outcome : List.of("computed", "reused", "free")) {
                answered += meters.counter("tablesolver.availability.cells", "outcome", outcome).count();
            }
            assertThat(answered).as("cancelled before the %d cells", grid.size()).isLessThan(grid.size());
        }
    }

    @Test
    void aGridIsBoundedAndAskingForMoreIsA400() {
        ObjectNode fine = plan().put("bookingSlotMinutes", 5);
        assertThat(api.put(R, fine).status()).isEqualTo(200);
        Map<String, List<String>> before = db.snapshot();
        Api.Response whole = api.get(AVAILABILITY + "?partySize=2&durationMinutes=60&from=06:00&to=05:55");
        assertRefused(whole, 400, "to", db, before);
        assertThat(whole.json().path("detail").asText()).contains("288").contains("200");
        Api.Response evening = api.get(AVAILABILITY + "?partySize=2&durationMinutes=60&from=17:00&to=23:00");
        assertThat(evening.status()).isEqualTo(200);
        assertThat(evening.json().path("slots")).hasSize(73);
    }

    private Api.Response randomWrite(Random random, int step, List<String> bookings, List<String> holds) {
        int kind = random.nextInt(10);
        String start = "2026-12-04T" + (17 + random.nextInt(5)) + ":" + (random.nextBoolean() ? "00" : "30") + ":00";
        int party = 1 + random.nextInt(8);
        if (kind < 5 || bookings.isEmpty() && holds.isEmpty()) {
            String id = "b" + step;
            Api.Response created = api.post(R + "/bookings", parse("""
                    {"date": "2026-12-04", "durationMinutes": 90, "confirm": true}""").put("id", id)
                    .put("start", start).put("partySize", party));
            if (created.status() == 201) {
                bookings.add(id);
            }
            return created;
        }
        if (kind < 7) {
            Api.Response placed = api.post(R + "/holds", parse("""
                    {"durationMinutes": 90, "expiresInSeconds": 3600}""").put("start", start).put("partySize", party));
            if (placed.status() == 201) {
                holds.add(placed.json().path("id").asText());
            }
            return placed;
        }
        if (kind == 7 && !bookings.isEmpty()) {
            // a host seats the party: it is fixed on its tables from now on
            return api.post(R + "/bookings/" + bookings.get(random.nextInt(bookings.size())) + "/seat", null);
        }
        if (kind < 9 && !bookings.isEmpty()) {
            return api.delete(R + "/bookings/" + bookings.remove(random.nextInt(bookings.size())));
        }
        if (!holds.isEmpty()) {
            return api.delete(R + "/holds/" + holds.remove(random.nextInt(holds.size())));
        }
        return api.delete(R + "/bookings/" + bookings.remove(random.nextInt(bookings.size())));
    }

    private JsonNode answer(Question question) {
        Api.Response response = api.get(AVAILABILITY + question.query());
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response.json();
    }

    private long asOf() {
        return answer(QUESTIONS.get(0)).path("asOf").asLong();
    }

    private double cells(String outcome) {
        return registry.counter("tablesolver.availability.cells", "outcome", outcome).count();
    }

    /** Each slot as "start available code". */
    private static List<String> slots(JsonNode answer) {
        List<String> slots = new ArrayList<>();
        for (JsonNode slot : answer.path("slots")) {
            slots.add(slot.path("start").asText() + " " + slot.path("available").asBoolean() + " "
                    + slot.path("code").asText(""));
        }
        return slots;
    }

    /** The same question checked cold: a fresh load of the stored state and a fresh exact check of every start. */
    private List<String> cold(Question question) {
        LoadedDay day = new TransactionTemplate(transactions).execute(status -> {
            FloorPlan plan = floorPlans.get("view");
            return dayLoader.readInTransaction(new DayKey("view", DATE), plan);
        });
        SlotJudge judge = new SlotJudge(day.floorPlan(), day, properties.budget(), null);
        List<LocalDateTime> grid = new ArrayList<>();
        for (LocalDateTime t = DATE.atTime(11, 0); !t.isAfter(DATE.atTime(23, 0)); t = t.plusMinutes(15)) {
            grid.add(t);
        }
        List<String> slots = new ArrayList<>();
        for (SlotJudge.Answer answer : judge.judgeAll(grid, new SlotJudge.Party(question.partySize(), 90,
                question.zone(), null), false)) {
            slots.add(answer.start() + ":00 " + answer.available() + " " + (answer.available() ? "" : answer.code()));
        }
        return slots;
    }
}
