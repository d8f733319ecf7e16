package org.tablesolver.floorplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertProblem;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

@DatabaseTest
class FloorPlanApiTest {

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;
    @Autowired
    FloorPlanService floorPlans;

    @BeforeEach
    void clean() {
        db.clean();
    }

    @Test
    void putCreatesAndGetReturnsThePlan() {
        Api.Response put = api.put("/api/restaurants/r1", plan());
        assertThat(put.status()).as("created").isEqualTo(201);
        assertThat(put.headers().firstValue("Location")).hasValue("/api/restaurants/r1");
        assertThat(api.put("/api/restaurants/r1", plan()).status()).as("replaced").isEqualTo(200);
        assertThat(put.json().path("id").asText()).isEqualTo("r1");
        assertThat(put.json().path("tables")).hasSize(4);
        assertThat(put.json().path("tables").get(0).path("inService").asBoolean()).isTrue();
        assertThat(put.json().path("combinations").get(0).path("tables").toString()).isEqualTo("[\"T2\",\"T3\"]");

        Api.Response get = api.get("/api/restaurants/r1");
        assertThat(get.status()).isEqualTo(200);
        assertThat(get.json()).isEqualTo(put.json());
        assertThat(get.json().path("name").asText()).isEqualTo("Test Bistro");
        assertThat(get.json().path("timeZone").asText()).isEqualTo("Europe/London");
        assertThat(get.json().path("turnoverBufferMinutes").asInt()).isEqualTo(10);

        Api.Response list = api.get("/api/restaurants");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).path("id").asText()).isEqualTo("r1");
        assertThat(list.json().get(0).path("tables").asInt()).isEqualTo(4);
    }

    @Test
    void javaServiceReadsThePlanInOrder() {
        api.put("/api/restaurants/r1", plan());
        FloorPlan plan = floorPlans.find("r1").orElseThrow();
        assertThat(plan.tables()).extracting(FloorPlan.Table::id).containsExactly("T1", "T2", "T3", "T4");
        assertThat(plan.combination("C1").orElseThrow().tables()).containsExactly("T2", "T3");
        assertThat(plan.zoneId().getId()).isEqualTo("Europe/London");
        assertThat(floorPlans.find("nope")).isEmpty();
    }

    @Test
    void replacingUpsertsAndDeletesRemovedParts() {
        api.put("/api/restaurants/r1", plan());
        ObjectNode next = plan();
        ((ArrayNode) next.path("tables")).remove(3);
        ((ObjectNode) next.path("tables").get(0)).put("maxCapacity", 3).put("inService", false);
        ((ArrayNode) next.path("zones")).addObject().put("id", "window").put("name", "Window");
        ((ArrayNode) next.path("tables")).addObject().put("id", "W1").put("zone", "window")
                .put("minCapacity", 1).put("maxCapacity", 2);
        next.remove("combinations");

        Api.Response put = api.put("/api/restaurants/r1", next);
        assertThat(put.status()).isEqualTo(200);
        assertThat(put.json().path("tables")).extracting(t -> t.path("id").asText())
                .containsExactly("T1", "T2", "T3", "W1");
        assertThat(put.json().path("tables").get(0).path("inService").asBoolean()).isFalse();
        assertThat(put.json().path("combinations")).isEmpty();
        assertThat(db.count("dining_table")).isEqualTo(4);
        assertThat(db.count("table_combination")).isZero();
        assertThat(db.count("zone")).isEqualTo(3);
    }

    @Test
    void unknownRestaurantIs404() {
        assertProblem(api.get("/api/restaurants/nope"), 404, "restaurantId");
    }

    static Stream<Arguments> invalidPlans() {
        return Stream.of(
                refusal("unknown zone", p -> table(p, 1).put("zone", "nowhere"), "tables[1].zone"),
                refusal("duplicate table id", p -> table(p, 2).put("id", "T1"), "tables[2].id"),
                refusal("duplicate zone id", p -> ((ObjectNode) p.path("zones").get(1)).put("id", "bar"), "zones[1].id"),
                refusal("min > max", p -> table(p, 3).put("minCapacity", 7), "tables[3].minCapacity"),
                refusal("capacity < 1", p -> table(p, 2).put("maxCapacity", 0), "tables[2].maxCapacity"),
                refusal("combination of one table", p -> ((ArrayNode) combination(p, 0).path("tables")).remove(1),
                        "combinations[0].tables"),
                refusal("combination of an unknown table", p -> ((ArrayNode) combination(p, 0).path("tables")).set(1, "T9"),
                        "combinations[0].tables[1]"),
                refusal("combination id equal to a table id", p -> combination(p, 0).put("id", "T4"), "combinations[0].id"),
                refusal("combination min > max", p -> combination(p, 0).put("minCapacity", 9),
                        "combinations[0].minCapacity"),
                refusal("unknown time zone", p -> p.put("timeZone", "Mars/Olympus"), "timeZone"),
                refusal("missing name", p -> p.remove("name"), "name"),
                refusal("missing tables", p -> p.remove("tables"), "tables"),
                refusal("missing maxCapacity", p -> table(p, 2).remove("maxCapacity"), "tables[2].maxCapacity"),
                refusal("wrong type", p -> table(p, 2).put("maxCapacity", "four"), "tables[2].maxCapacity"),
                refusal("fraction", p -> table(p, 2).put("maxCapacity", 2.5), "tables[2].maxCapacity"),
                refusal("negative buffer", p -> p.put("turnoverBufferMinutes", -1), "turnoverBufferMinutes"),
                refusal("id differs from the path", p -> p.put("id", "other"), "id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPlans")
    void invalidPlanIsRefusedAndNothingChanges(String name, Consumer<ObjectNode> change, String field) {
        api.put("/api/restaurants/r1", plan());
        Map<String, List<String>> before = db.snapshot();
        ObjectNode invalid = plan();
        change.accept(invalid);
        assertRefused(api.put("/api/restaurants/r1", invalid), 400, field, db, before);
        // and a new restaurant with the same plan is not created either
        assertRefused(api.put("/api/restaurants/r2", invalid), 400, field, db, before);
    }

    @Test
    void malformedJsonAndInvalidIdsAreRefused() {
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.put("/api/restaurants/r1", "{\"name\": "), 400, null, db, before);
        assertRefused(api.put("/api/restaurants/r1", "[]"), 400, null, db, before);
        assertRefused(api.put("/api/restaurants/r1", ""), 400, null, db, before);
        assertRefused(api.put("/api/restaurants/bad%20id", plan()), 400, "restaurantId", db, before);
    }

    @Test
    void unknownPropertiesAreRefused() {
        Map<String, List<String>> before = db.snapshot();
        ObjectNode withExtras = plan();
        table(withExtras, 0).put("shape", "round");
        assertRefused(api.put("/api/restaurants/r1", withExtras), 400, "tables[0].shape", db, before);
        withExtras = plan();
        withExtras.put("colour", "blue");
        assertRefused(api.put("/api/restaurants/r1", withExtras), 400, "colour", db, before);
    }

    static Stream<Arguments> strandingChanges() {
        return Stream.of(
                refusal("table removed", p -> ((ArrayNode) p.path("tables")).remove(3), "tables"),
                refusal("table out of service", p -> table(p, 3).put("inService", false), "tables[3].inService"),
                refusal("table too small", p -> table(p, 3).put("maxCapacity", 4).put("minCapacity", 2),
                        "tables[3].maxCapacity"),
                refusal("table minimum above the party", p -> table(p, 3).put("minCapacity", 6),
                        "tables[3].minCapacity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("strandingChanges")
    void changeStrandingAConfirmedTableBookingIsRefused(String name, Consumer<ObjectNode> change, String field) {
        api.put("/api/restaurants/r1", plan());
        api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 5));
        db.confirm("r1", "b1", "T4", "T4");
        Map<String, List<String>> before = db.snapshot();
        ObjectNode next = plan();
        change.accept(next);
        assertRefused(api.put("/api/restaurants/r1", next), 409, field, db, before);
    }

    static Stream<Arguments> combinationStrandingChanges() {
        return Stream.of(
                refusal("combination removed", p -> p.remove("combinations"), "combinations"),
                refusal("other member tables", p -> ((ArrayNode) combination(p, 0).path("tables")).set(1, "T4"),
                        "combinations[0].tables"),
                refusal("member out of service", p -> table(p, 2).put("inService", false), "tables[2].inService"),
                refusal("combination too small", p -> combination(p, 0).put("maxCapacity", 6),
                        "combinations[0].maxCapacity"),
                refusal("combination id becomes a table", p -> {
                    p.remove("combinations");
                    table(p, 3).put("id", "C1");
                }, "tables[3].id"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("combinationStrandingChanges")
    void changeStrandingASeatedCombinationBookingIsRefused(String name, Consumer<ObjectNode> change, String field) {
        api.put("/api/restaurants/r1", plan());
        api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 7));
        db.confirm("r1", "b1", "C1", "T2", "T3");
        db.setStatus("r1", "b1", "SEATED");
        Map<String, List<String>> before = db.snapshot();
        ObjectNode next = plan();
        change.accept(next);
        assertRefused(api.put("/api/restaurants/r1", next), 409, field, db, before);
    }

    @Test
    void changesThatKeepEveryConfirmedBookingSeatedAreAccepted() {
        api.put("/api/restaurants/r1", plan());
        api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 7));
        api.post("/api/restaurants/r1/bookings", booking("b2", "19:00", 2));
        db.confirm("r1", "b1", "C1", "T2", "T3");
        ObjectNode next = plan();
        table(next, 0).put("inService", false);   // T1: only a PENDING booking could use it
        table(next, 3).put("maxCapacity", 8);
        next.put("name", "Renamed");
        Api.Response put = api.put("/api/restaurants/r1", next);
        assertThat(put.status()).isEqualTo(200);
        assertThat(db.count("table_assignment")).isEqualTo(2);
        // a cancelled booking does not hold anything back
        api.delete("/api/restaurants/r1/bookings/b1");
        next.remove("combinations");
        assertThat(api.put("/api/restaurants/r1", next).status()).isEqualTo(200);
    }

    @Test
    void timeZoneChangeWithBookingsIsRefused() {
        api.put("/api/restaurants/r1", plan());
        api.post("/api/restaurants/r1/bookings", booking("b1", "19:00", 2));
        Map<String, List<String>> before = db.snapshot();
        ObjectNode next = plan();
        next.put("timeZone", "Europe/Paris");
        assertRefused(api.put("/api/restaurants/r1", next), 409, "timeZone", db, before);

        api.delete("/api/restaurants/r1/bookings/b1");
        assertThat(api.put("/api/restaurants/r1", next).status()).as("all bookings cancelled").isEqualTo(200);
    }

    @Test
    void longerTurnoverBufferIsReappliedAndRefusedWhenBookingsWouldOverlap() {
        api.put("/api/restaurants/r1", plan());
        api.post("/api/restaurants/r1/bookings", booking("b1", "18:00", 2));   // 18:00-19:30 + 10
        api.post("/api/restaurants/r1/bookings", booking("b2", "19:40", 2));   // back to back on T1
        db.confirm("r1", "b1", "T1", "T1");
        db.confirm("r1", "b2", "T1", "T1");
        Map<String, List<String>> before = db.snapshot();
        ObjectNode longer = plan();
        longer.put("turnoverBufferMinutes", 15);
        assertRefused(api.put("/api/restaurants/r1", longer), 409, "turnoverBufferMinutes", db, before);

        ObjectNode shorter = plan();
        shorter.put("turnoverBufferMinutes", 5);
        assertThat(api.put("/api/restaurants/r1", shorter).status()).isEqualTo(200);
        assertThat(db.queryInt("select count(*) from table_assignment where upper(occupied) - lower(occupied) = interval '95 minutes'"))
                .isEqualTo(2);
    }

    private static Arguments refusal(String name, Consumer<ObjectNode> change, String field) {
        return Arguments.of(name, change, field);
    }

    private static ObjectNode table(ObjectNode plan, int index) {
        return (ObjectNode) plan.path("tables").get(index);
    }

    private static ObjectNode combination(ObjectNode plan, int index) {
        return (ObjectNode) plan.path("combinations").get(index);
    }
}
