package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/** What each mode may change, re-solving, and what blocks tables besides the day's own bookings. */
@DatabaseTest
class SolveModesTest extends SolvingTest {

    static final String SOLVE = "/api/restaurants/r1/days/2026-12-04/solve";

    @BeforeEach
    void restaurant() {
        assertThat(api.put("/api/restaurants/r1", plan()).status()).as("created").isEqualTo(201);
    }

    void book(String id, String time, int partySize) {
        book(booking(id, time, partySize));
    }

    void book(ObjectNode booking) {
        assertThat(api.post("/api/restaurants/r1/bookings", booking).status()).isEqualTo(201);
    }

    Api.Response solve(String mode) {
        Api.Response response = api.post(SOLVE, parse("{\"mode\": \"" + mode + "\"}"));
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return response;
    }

    /** Status, seating, tables and version of a booking, e.g. "CONFIRMED C1 [T2, T3] v1". */
    String state(String id) {
        JsonNode booking = api.get("/api/restaurants/r1/bookings/" + id).json();
        return booking.path("status").asText() + " " + booking.path("seating").asText() + " "
                + booking.path("tables") + " v" + booking.path("version").asLong();
    }

    /** Every row of the day's bookings and assignments with its xmin: equal means not even rewritten. */
    List<String> rowsWithXmin() {
        return db.jdbc().sql("""
                        select 'booking ' || b.xmin || ' ' || b::text from booking b
                        union all
                        select 'assignment ' || ta.xmin || ' ' || ta::text from table_assignment ta
                        order by 1
                        """)
                .query(String.class).list();
    }

    /**
     * A floor plan where one move of a confirmed booking pays for itself: Q (window, 1-2) and the combination
     * P = P1 + P2 (main, 2-12), the only seating for a party of 10. A party of 2 who would rather sit at the
     * window is better off on Q than on P (10 seats wasted, a combination, the wrong zone).
     */
    static ObjectNode reshufflePlan() {
        return parse("""
                {"name": "Reshuffle", "timeZone": "Europe/London", "turnoverBufferMinutes": 10,
                 "zones": [{"id": "window", "name": "Window"}, {"id": "main", "name": "Main"}],
                 "tables": [{"id": "Q", "zone": "window", "minCapacity": 1, "maxCapacity": 2},
                            {"id": "P1", "zone": "main", "minCapacity": 2, "maxCapacity": 6},
                            {"id": "P2", "zone": "main", "minCapacity": 2, "maxCapacity": 6}],
                 "combinations": [{"id": "P", "tables": ["P1", "P2"], "minCapacity": 2, "maxCapacity": 12}]}
                """);
    }

    @Test
    void reoptimizeMovesConfirmedBookingsToSeatMoreButNeverUnseatsOrMovesSeatedOnes() {
        assertThat(api.put("/api/restaurants/r1", reshufflePlan()).status()).as("replaced").isEqualTo(200);
        // A holds P at 19:00, where the party of 10 (C) needs it; E sits on P at noon, just as badly placed,
        // but E's guests are at the table.
        book(booking("A", "19:00", 2).put("preferredZone", "window"));
        book("C", "19:00", 10);
        book(booking("E", "12:00", 2).put("preferredZone", "window"));
        db.confirm("r1", "A", "P", "P1", "P2");
        db.confirm("r1", "E", "P", "P1", "P2");
        db.setStatus("r1", "E", "SEATED");

        JsonNode pendingOnly = solve("PENDING_ONLY").json();
        assertThat(pendingOnly.path("seated").asInt()).isEqualTo(2);
        assertThat(pendingOnly.path("unseatedBookings").get(0).path("bookingId").asText()).isEqualTo("C");
        assertThat(pendingOnly.path("moved").asInt()).isZero();
        assertThat(state("A")).isEqualTo("CONFIRMED P [\"P1\",\"P2\"] v1");

        JsonNode reoptimized = solve("REOPTIMIZE").json();
        assertThat(reoptimized.path("seated").asInt()).isEqualTo(3)
                .isGreaterThanOrEqualTo(pendingOnly.path("seated").asInt());
        assertThat(reoptimized.path("moved").asInt()).isEqualTo(1);
        assertThat(reoptimized.path("newlyConfirmed").asInt()).isEqualTo(1);
        assertThat(reoptimized.path("unseatedBookings")).isEmpty();
        assertThat(state("A")).as("moved, still confirmed").isEqualTo("CONFIRMED Q [\"Q\"] v2");
        assertThat(state("C")).isEqualTo("CONFIRMED P [\"P1\",\"P2\"] v1");
        assertThat(state("E")).as("seated guests never move").isEqualTo("SEATED P [\"P1\",\"P2\"] v2");
        for (JsonNode assignment : reoptimized.path("assignments")) {
            String expected = switch (assignment.path("bookingId").asText()) {
                case "A" -> "MOVED";
                case "C" -> "NEW";
                default -> "UNCHANGED";
            };
            assertThat(assignment.path("change").asText()).as("%s", assignment).isEqualTo(expected);
        }
        assertThat(db.queryInt("select count(*) from table_assignment where booking_id = 'A'"))
                .as("the old rows of a moved booking are gone").isEqualTo(1);
    }

    @Test
    void reSolvingWithNothingNewWritesNothing() {
        book("b1", "19:00", 2);
        book("b2", "19:00", 4);
        book("b3", "19:00", 4);
        book("b4", "19:00", 6);
        book("b5", "19:00", 8);
        JsonNode first = solve("PENDING_ONLY").json();
        assertThat(first.path("newlyConfirmed").asInt()).isEqualTo(4);
        List<String> solved = rowsWithXmin();

        for (String mode : List.of("PENDING_ONLY", "REOPTIMIZE")) {
            JsonNode again = solve(mode).json();
            assertThat(again.path("newlyConfirmed").asInt()).as(mode).isZero();
            assertThat(again.path("moved").asInt()).as(mode).isZero();
            assertThat(again.path("seated").asInt()).as(mode).isEqualTo(4);
            assertThat(again.path("assignments")).extracting(a -> a.path("change").asText()).containsOnly("UNCHANGED");
            assertThat(rowsWithXmin()).as("%s re-solve rewrote no row", mode).isEqualTo(solved);
        }
        assertThat(db.count("solve_run")).isEqualTo(3);
    }

    @Test
    void holdsOutOfServiceTablesAndOtherDaysBookingsBlockTables() {
        // Only T1 (1-2) takes a party of 1.
        // A late-service booking of the day before holds T1 until 03:10 (120 min + 10 min buffer).
        book(parse("""
                {"id": "night-owl", "date": "2026-12-03", "start": "2026-12-04T01:00:00", "durationMinutes": 120,
                 "partySize": 1}
                """));
        db.confirm("r1", "night-owl", "T1", "T1");
        book("early", "02:00", 1);
        book("after-night", "03:10", 1);
        // An active hold at 19:00; an expired one at 12:00.
        Api.Response hold = api.post("/api/restaurants/r1/holds", parse("""
                {"tableId": "T1", "start": "2026-12-04T19:00:00", "durationMinutes": 90, "expiresInSeconds": 600,
                 "reference": "checkout-1"}
                """));
        assertThat(hold.status()).isEqualTo(201);
        String holdId = hold.json().path("id").asText();
        book("held", "19:00", 1);
        db.jdbc().sql("""
                        insert into table_hold (restaurant_id, id, table_id, held, expires_at)
                        values ('r1', 'expired', 'T1', tstzrange('2026-12-04 12:00Z', '2026-12-04 13:40Z', '[)'),
                                now() - interval '1 minute')
                        """).update();
        book("noon", "12:00", 1);

        JsonNode result = solve("PENDING_ONLY").json();
        assertThat(result.path("seated").asInt()).as("after-night and noon; night-owl belongs to the 3rd")
                .isEqualTo(2);
        assertThat(state("after-night")).as("back to back after the buffer").startsWith("CONFIRMED T1");
        assertThat(state("noon")).as("an expired hold blocks nothing").startsWith("CONFIRMED T1");
        assertThat(state("night-owl")).isEqualTo("CONFIRMED T1 [\"T1\"] v1");
        assertThat(reason(result, "early")).contains("night-owl").contains("2026-12-03");
        assertThat(reason(result, "held")).contains(holdId);
    }

    @Test
    void anOutOfServiceTableSeatsNobody() {
        ObjectNode plan = plan();
        ((ObjectNode) plan.path("tables").get(0)).put("inService", false);
        assertThat(api.put("/api/restaurants/r1", plan).status()).as("replaced").isEqualTo(200);
        book("solo", "12:00", 1);
        book("pair", "12:00", 2);
        JsonNode result = solve("PENDING_ONLY").json();
        assertThat(result.path("seated").asInt()).isEqualTo(1);
        assertThat(result.path("unseatedBookings").get(0).path("code").asText())
                .isEqualTo("ALL_FITTING_SEATINGS_OUT_OF_SERVICE");
        assertThat(state("pair")).doesNotContain("T1");
    }

    static String reason(JsonNode result, String bookingId) {
        for (JsonNode unseated : result.path("unseatedBookings")) {
            if (unseated.path("bookingId").asText().equals(bookingId)) {
                return unseated.path("reason").asText();
            }
        }
        throw new AssertionError(bookingId + " is not unseated in " + result);
    }
}
