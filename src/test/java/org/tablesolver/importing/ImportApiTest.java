package org.tablesolver.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.io.InputStream;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

@DatabaseTest
class ImportApiTest {

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;
    @Autowired
    ImportService importService;
    @Autowired
    ObjectMapper objectMapper;

    @BeforeEach
    void clean() {
        db.clean();
    }

    static ObjectNode document(String restaurantId, ObjectNode... bookings) {
        ObjectNode document = objectNode();
        document.put("date", "2026-12-04");
        document.set("restaurant", plan().put("id", restaurantId));
        ArrayNode list = document.putArray("bookings");
        for (ObjectNode booking : bookings) {
            list.add(booking);
        }
        return document;
    }

    static ObjectNode objectNode() {
        return new ObjectMapper().createObjectNode();
    }

    @Test
    void importsASingleRestaurantAndIsIdempotent() {
        ObjectNode document = document("r1", booking("b1", "12:00", 2), booking("b2", "19:00", 7), booking(null, "20:00", 4));
        Api.Response first = api.post("/api/import", document);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().path("bookingsCreated").asInt()).isEqualTo(3);
        assertThat(first.json().path("restaurants").get(0).path("restaurantId").asText()).isEqualTo("r1");
        assertThat(first.json().path("restaurants").get(0).path("created").asBoolean()).isTrue();
        assertThat(api.get("/api/restaurants/r1/days/2026-12-04/plan").json().path("bookings")).hasSize(3);
        assertThat(api.get("/api/restaurants/r1/bookings/b2").json().path("status").asText()).isEqualTo("PENDING");

        ObjectNode again = document("r1", booking("b1", "12:00", 2), booking("b2", "19:00", 7));
        Api.Response second = api.post("/api/import", again);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("bookingsCreated").asInt()).isZero();
        assertThat(second.json().path("bookingsUnchanged").asInt()).isEqualTo(2);
        assertThat(second.json().path("restaurants").get(0).path("created").asBoolean()).isFalse();
        assertThat(db.count("booking")).isEqualTo(3);
    }

    @Test
    void importsSeveralRestaurants() {
        ObjectNode multi = objectNode();
        multi.put("date", "2026-12-04");
        ArrayNode restaurants = multi.putArray("restaurants");
        restaurants.add(document("r1", booking("b1", "12:00", 2)).without("date"));
        restaurants.add(document("r2", booking("b1", "13:00", 3), booking("b2", "13:00", 3)).without("date"));
        Api.Response response = api.post("/api/import", multi);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("bookingsCreated").asInt()).isEqualTo(3);
        assertThat(api.get("/api/restaurants").json()).hasSize(2);
    }

    @Test
    void aRefusalAnywhereImportsNothing() {
        api.post("/api/import", document("r0", booking("b1", "12:00", 2)));
        Map<String, List<String>> before = db.snapshot();

        ObjectNode multi = objectNode();
        ArrayNode restaurants = multi.putArray("restaurants");
        restaurants.add(document("r1", booking("b1", "12:00", 2)).without("date"));
        restaurants.add(document("r2", booking("b1", "13:00", 3), booking("b2", "13:00", 3).put("requiredZone", "roof"))
                .without("date"));
        assertRefused(api.post("/api/import", multi), 400, "restaurants[1].bookings[1].requiredZone", db, before);

        ObjectNode invalidPlan = document("r1", booking("b1", "12:00", 2));
        ((ObjectNode) invalidPlan.path("restaurant").path("tables").get(1)).put("zone", "roof");
        assertRefused(api.post("/api/import", invalidPlan), 400, "restaurant.tables[1].zone", db, before);

        assertRefused(api.post("/api/import", document("r1", booking("b1", "12:00", 0))), 400,
                "bookings[0].partySize", db, before);
        assertRefused(api.post("/api/import", document("r1", booking("b1", "12:00", 2), booking("b1", "13:00", 2))),
                400, "bookings[1].id", db, before);
        // an existing booking id with other content: 409, and the new floor plan is not kept either
        ObjectNode conflicting = document("r0", booking("b1", "12:00", 3));
        ((ObjectNode) conflicting.path("restaurant")).put("name", "Changed");
        assertRefused(api.post("/api/import", conflicting), 409, "bookings[0].id", db, before);

        ObjectNode noId = document("r1");
        ((ObjectNode) noId.path("restaurant")).remove("id");
        assertRefused(api.post("/api/import", noId), 400, "restaurant.id", db, before);
        assertRefused(api.post("/api/import", objectNode()), 400, "restaurant", db, before);
        ObjectNode both = document("r1");
        both.putArray("restaurants");
        assertRefused(api.post("/api/import", both), 400, "restaurants", db, before);
        assertRefused(api.post("/api/import", "{\"restaurant\": {"), 400, null, db, before);
    }

    @Test
    void theSeedDayImportsThroughTheJavaService() throws Exception {
        try (InputStream json = new ClassPathResource(DemoDataLoader.SEED).getInputStream()) {
            ImportResult result = importService.importJson(json);
            assertThat(result.bookingsCreated()).isEqualTo(105);
            assertThat(result.restaurants()).extracting(ImportResult.Restaurant::restaurantId)
                    .containsExactly("cafe-3", "pub-1", "finedining-5", "finedining-4", "pub-2");
            assertThat(result.restaurants()).extracting(ImportResult.Restaurant::bookingsCreated)
                    .containsExactly(30, 23, 20, 19, 13);
        }
        assertThat(api.get("/api/restaurants/cafe-3/days/2026-12-04/plan").json().path("bookings")).hasSize(30);
    }
}
