package org.tablesolver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/**
 * The strict request contract: every malformed input gets a 400 naming the field and writes nothing (unknown
 * properties, wrong JSON types, offsets on local times, control characters, years out of range, priorities out
 * of range), and creating a restaurant answers 201.
 */
@DatabaseTest
class StrictContractTest {

    static final String BOOKINGS = "/api/restaurants/r1/bookings";

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;

    @BeforeEach
    void restaurant() {
        db.clean();
        assertThat(api.put("/api/restaurants/r1", plan()).status()).as("created").isEqualTo(201);
        assertThat(api.put("/api/restaurants/r1", plan()).status()).as("replaced").isEqualTo(200);
    }

    @Test
    void unknownPropertiesAreRefusedByPath() {
        Map<String, List<String>> before = db.snapshot();
        ObjectNode typo = booking("b1", "19:00", 2);
        typo.put("requiredzone", "garden");
        Api.Response response = api.post(BOOKINGS, typo);
        assertRefused(response, 400, "requiredzone", db, before);
        assertThat(response.json().path("detail").asText()).contains("not a property");

        ObjectNode nested = plan();
        ((ObjectNode) nested.path("tables").get(1)).put("capacity", 4);
        assertRefused(api.put("/api/restaurants/r1", nested), 400, "tables[1].capacity", db, before);
        assertRefused(api.post("/api/restaurants/r1/days/2026-12-04/solve", "{\"mdoe\": \"REOPTIMIZE\"}"), 400,
                "mdoe", db, before);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "durationMinutes | \"90\"",
            "partySize | 2.5",
            "partySize | true",
            "priority | \"1\"",
            "preferredZone | 5",
            "confirm | 1"})
    void wrongJsonTypesAreNotCoerced(String field, String json) {
        Map<String, List<String>> before = db.snapshot();
        ObjectNode body = booking("b1", "19:00", 2);
        body.set(field, org.tablesolver.testing.Fixtures.parse("{\"v\": " + json + "}").get("v"));
        assertRefused(api.post(BOOKINGS, body), 400, field, db, before);
    }

    @Test
    void localTimesWithAnOffsetAreRefused() {
        Map<String, List<String>> before = db.snapshot();
        for (String start : List.of("2026-07-04T19:30:00Z", "2026-07-04T19:30:00+01:00")) {
            ObjectNode request = booking("b1", "19:00", 2);
            request.put("date", "2026-07-04");
            request.put("start", start);
            Api.Response response = api.post(BOOKINGS, request);
            assertRefused(response, 400, "start", db, before);
            assertThat(response.json().path("detail").asText()).contains("local to the restaurant");
        }
    }

    @Test
    void controlCharactersAndYearsOutOfRangeAreRefused() {
        Map<String, List<String>> before = db.snapshot();
        ObjectNode nul = booking("b1", "19:00", 2);
        nul.put("id", "b\u00001");
        assertRefused(api.post(BOOKINGS, nul), 400, "id", db, before);
        ObjectNode name = plan();
        name.put("name", "Bistro\u0007");
        assertRefused(api.put("/api/restaurants/r1", name), 400, "name", db, before);
        ObjectNode future = booking("b1", "19:00", 2);
        future.put("date", "+300000-12-04");
        future.put("start", "+300000-12-04T19:00:00");
        assertRefused(api.post(BOOKINGS, future), 400, "date", db, before);
        ObjectNode past = booking("b1", "19:00", 2);
        past.put("date", "1999-12-31");
        past.put("start", "1999-12-31T19:00:00");
        assertRefused(api.post(BOOKINGS, past), 400, "date", db, before);

        assertRefused(api.get("/api/restaurants/r1/days/3000-01-01/plan"), 400, "date", db, before);
        assertRefused(api.get("/api/restaurants/r1/days/1999-12-31/availability?partySize=2&durationMinutes=90"
                + "&from=19:00&to=19:30"), 400, "date", db, before);
        assertRefused(api.post("/api/restaurants/r1/days/2101-01-01/solve", null), 400, "date", db, before);
        assertRefused(api.get("/api/solves?date=1900-01-01"), 400, "date", db, before);
        assertThat(api.get("/api/restaurants/r1/days/2100-12-31/plan").status()).isEqualTo(200);
    }

    @Test
    void priorityIsBounded() {
        Map<String, List<String>> before = db.snapshot();
        ObjectNode huge = booking("b1", "19:00", 2);
        huge.put("priority", 2147483647);
        assertRefused(api.post(BOOKINGS, huge), 400, "priority", db, before);
        ObjectNode top = booking("b2", "19:00", 2);
        top.put("priority", 1000);
        assertThat(api.post(BOOKINGS, top).status()).isEqualTo(201);
    }

    @Test
    void aDatabaseDataErrorIsABadRequestNotAConflict() {
        Map<String, List<String>> before = db.snapshot();
        // A NUL byte in a path variable reaches PostgreSQL, which refuses it as data (SQLSTATE 22021).
        Api.Response response = api.get("/api/restaurants/r%001/bookings/x");
        assertThat(response.status()).as("%s", response).isIn(400, 404);
        assertThat(db.snapshot()).isEqualTo(before);
    }
}
