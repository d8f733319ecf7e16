package org.tablesolver.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/** The database itself refuses a double-booked table, whatever the application does. */
@DatabaseTest
class SchemaTest {

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;

    @BeforeEach
    void bookings() {
        db.clean();
        api.put("/api/restaurants/r1", plan());
        api.put("/api/restaurants/r2", plan());
        for (String id : new String[] {"a", "b", "c"}) {
            api.post("/api/restaurants/r1/bookings", booking(id, "19:00", 2));
        }
        api.post("/api/restaurants/r2/bookings", booking("a", "19:00", 2));
    }

    private int assign(String restaurant, String booking, String table, String from, String to) {
        return db.jdbc().sql("""
                        insert into table_assignment (restaurant_id, booking_id, table_id, seating_id, occupied)
                        values (:r, :b, :t, :t, tstzrange(cast(:from as timestamptz), cast(:to as timestamptz), '[)'))
                        """)
                .param("r", restaurant).param("b", booking).param("t", table).param("from", from).param("to", to)
                .update();
    }

    @Test
    void overlappingAssignmentsOfOneTableAreRefused() {
        assertThat(assign("r1", "a", "T1", "2026-12-04 19:00+00", "2026-12-04 20:40+00")).isEqualTo(1);
        assertThatThrownBy(() -> assign("r1", "b", "T1", "2026-12-04 20:39+00", "2026-12-04 22:00+00"))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("table_assignment_no_double_booking");
        assertThat(db.count("table_assignment")).isEqualTo(1);
    }

    @Test
    void backToBackAssignmentsAndOtherTablesOrRestaurantsAreAccepted() {
        assertThat(assign("r1", "a", "T1", "2026-12-04 19:00+00", "2026-12-04 20:40+00")).isEqualTo(1);
        assertThat(assign("r1", "b", "T1", "2026-12-04 20:40+00", "2026-12-04 22:00+00")).isEqualTo(1);
        assertThat(assign("r1", "c", "T2", "2026-12-04 19:00+00", "2026-12-04 20:40+00")).isEqualTo(1);
        assertThat(assign("r2", "a", "T1", "2026-12-04 19:00+00", "2026-12-04 20:40+00")).isEqualTo(1);
        assertThat(db.count("table_assignment")).isEqualTo(4);
    }

    @Test
    void anAssignmentNeedsAnExistingBookingAndTable() {
        assertThatThrownBy(() -> assign("r1", "zz", "T1", "2026-12-04 19:00+00", "2026-12-04 20:00+00"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> assign("r1", "a", "T9", "2026-12-04 19:00+00", "2026-12-04 20:00+00"))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void migrationsAreApplied() {
        assertThat(db.tables()).contains("restaurant", "zone", "dining_table", "table_combination",
                "table_combination_member", "booking", "table_assignment", "table_hold", "solve_run");
        assertThat(db.queryInt("select count(*) from flyway_schema_history where success")).isPositive();
    }
}
