package org.tablesolver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.assertRefused;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/** The size limits (defaults): tables and combinations per restaurant, tables per combination, bookings per day. */
@DatabaseTest
class LimitsTest {

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;

    @BeforeEach
    void clean() {
        db.clean();
    }

    static ObjectNode chain(int tables) {
        ObjectNode plan = plan();
        ArrayNode list = plan.putArray("tables");
        ArrayNode combinations = plan.putArray("combinations");
        for (int i = 0; i < tables; i++) {
            list.addObject().put("id", "T" + i).put("zone", "bar").put("minCapacity", 1).put("maxCapacity", 4);
            if (i > 0) {
                ObjectNode combination = combinations.addObject().put("id", "C" + i).put("minCapacity", 5)
                        .put("maxCapacity", 8);
                combination.putArray("tables").add("T" + (i - 1)).add("T" + i);
            }
        }
        return plan;
    }

    @Test
    void aRestaurantHasAtMost2000TablesAndCombinations() {
        assertThat(api.put("/api/restaurants/big", chain(2000)).status()).as("2000 tables, 1999 chained combinations")
                .isEqualTo(201);
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.put("/api/restaurants/big", chain(2001)), 400, "tables", db, before);
    }

    @Test
    void aCombinationHasAtMost12Tables() {
        ObjectNode plan = chain(14);
        ArrayNode members = ((ObjectNode) plan.path("combinations").get(0)).putArray("tables");
        for (int i = 0; i < 13; i++) {
            members.add("T" + i);
        }
        assertRefused(api.put("/api/restaurants/r1", plan), 400, "combinations[0].tables", db, db.snapshot());
    }

    @Test
    void aRestaurantDayHasAtMost20000Bookings() {
        api.put("/api/restaurants/r1", plan());
        db.jdbc().sql("""
                insert into booking (restaurant_id, id, service_date, starts_at, duration_minutes, party_size)
                select 'r1', 'bulk-' || n, date '2026-12-04', timestamptz '2026-12-04 19:00+00', 90, 2
                from generate_series(1, 20000) n
                """).update();
        Map<String, List<String>> before = db.snapshot();
        assertRefused(api.post("/api/restaurants/r1/bookings", booking("one-more", "19:00", 2)), 400, "date", db,
                before);
        assertThat(api.post("/api/restaurants/r1/bookings", booking("other-day", "19:00", 2).put("date", "2026-12-05")
                .put("start", "2026-12-05T19:00:00")).status()).as("another day").isEqualTo(201);
    }
}
