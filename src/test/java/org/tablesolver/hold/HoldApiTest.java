package org.tablesolver.hold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Instant;
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

@DatabaseTest
class HoldApiTest {

    static final String HOLDS = "/api/restaurants/r1/holds";

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;

    @BeforeEach
    void restaurant() {
        db.clean();
        api.put("/api/restaurants/r1", plan());
    }

    static ObjectNode hold(String table, String time) {
        return parse("""
                {"durationMinutes": 90, "expiresInSeconds": 300, "reference": "checkout-1"}
                """).put("tableId", table).put("start", "2026-12-04T" + time + ":00");
    }

    @Test
    void placeListAndRelease() {
        Instant before = Instant.now();
        Api.Response placed = api.post(HOLDS, hold("T2", "19:30"));
        assertThat(placed.status()).isEqualTo(201);
        String id = placed.json().path("id").asText();
        assertThat(placed.json().path("tableId").asText()).isEqualTo("T2");
        assertThat(placed.json().path("start").asText()).isEqualTo("2026-12-04T19:30:00");
        assertThat(placed.json().path("end").asText()).as("duration + 10 minutes buffer")
                .isEqualTo("2026-12-04T21:10:00");
        assertThat(placed.json().path("reference").asText()).isEqualTo("checkout-1");
        Instant expiresAt = Instant.parse(placed.json().path("expiresAt").asText());
        assertThat(expiresAt).isBetween(before.plusSeconds(290), Instant.now().plusSeconds(310));

        Api.Response list = api.get(HOLDS);
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0)).isEqualTo(placed.json());

        assertThat(api.delete(HOLDS + "/" + id).status()).isEqualTo(204);
        assertThat(api.get(HOLDS).json()).isEmpty();
        Map<String, List<String>> released = db.snapshot();
        assertRefused(api.delete(HOLDS + "/" + id), 404, "holdId", db, released);
    }

    @Test
    void aTableTakenByAnActiveHoldOrABookingCannotBeHeld() {
        api.post(HOLDS, hold("T2", "19:30"));
        api.post("/api/restaurants/r1/bookings", booking("b1", "12:00", 2));
        db.confirm("r1", "b1", "T1", "T1");
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post(HOLDS, hold("T2", "20:00")), 409, "tableId", db, before);
        assertRefused(api.post(HOLDS, hold("T1", "13:00")), 409, "tableId", db, before);

        assertThat(api.post(HOLDS, hold("T2", "21:10")).status()).as("back to back").isEqualTo(201);
        assertThat(api.post(HOLDS, hold("T1", "13:40")).status()).as("after the booking's buffer").isEqualTo(201);
        assertThat(api.post(HOLDS, hold("T3", "19:30")).status()).as("another table").isEqualTo(201);
    }

    @Test
    void anExpiredHoldBlocksNothingAndIsNotListed() {
        db.jdbc().sql("""
                        insert into table_hold (restaurant_id, id, table_id, held, expires_at)
                        values ('r1', 'old', 'T2', tstzrange('2026-12-04 19:00+00', '2026-12-04 21:00+00'),
                                now() - interval '1 second'),
                               ('r1', 'older', 'T3', tstzrange('2026-12-04 19:00+00', '2026-12-04 21:00+00'),
                                now() - interval '25 hours')
                        """).update();
        assertThat(api.get(HOLDS).json()).isEmpty();
        assertThat(api.post(HOLDS, hold("T2", "19:30")).status()).isEqualTo(201);
        assertThat(api.get(HOLDS).json()).hasSize(1);
        assertThat(db.count("table_hold")).as("rows expired for a day are deleted lazily; newer ones stay, so that a "
                + "booking taking one over hears HOLD_EXPIRED").isEqualTo(2);
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.delete(HOLDS + "/old"), 404, "holdId", db, before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "unknown table,        tableId,          T9, 19:30:00, 90, 300, 400",
            "expires in 0 s,       expiresInSeconds, T2, 19:30:00, 90, 0,   400",
            "expires in 3601 s,    expiresInSeconds, T2, 19:30:00, 90, 3601, 400",
            "duration 10,          durationMinutes,  T2, 19:30:00, 10, 300, 400",
            "seconds in start,     start,            T2, 19:30:30, 90, 300, 400"})
    void invalidHoldsAreRefused(String name, String field, String table, String time, int duration, int expires,
                                int status) {
        Map<String, List<String>> before = db.snapshot();
        ObjectNode request = parse("{}").put("tableId", table).put("start", "2026-12-04T" + time)
                .put("durationMinutes", duration).put("expiresInSeconds", expires);
        assertRefused(api.post(HOLDS, request), status, field, db, before);
    }

    @Test
    void outOfServiceTableAndUnknownRestaurantAreRefused() {
        ObjectNode next = plan();
        ((ObjectNode) next.path("tables").get(3)).put("inService", false);
        api.put("/api/restaurants/r1", next);
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post(HOLDS, hold("T4", "19:30")), 409, "tableId", db, before);
        ObjectNode missingTable = hold("T4", "19:30");
        missingTable.remove("tableId");
        assertRefused(api.post(HOLDS, missingTable), 400, "partySize", db, before);
        ObjectNode both = hold("T4", "19:30");
        both.put("partySize", 2);
        assertRefused(api.post(HOLDS, both), 400, "partySize", db, before);
        assertRefused(api.post("/api/restaurants/nope/holds", hold("T1", "19:30")), 404, "restaurantId", db, before);
        assertRefused(api.get("/api/restaurants/nope/holds"), 404, "restaurantId", db, before);
    }
}
