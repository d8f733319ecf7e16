package org.tablesolver.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Direct access to the test database: emptying it, snapshots for "nothing changed", fixtures by SQL. */
public class TestDatabase {

    private final JdbcClient jdbc;

    public TestDatabase(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** The application's tables (everything in the schema but Flyway's history), in name order. */
    public List<String> tables() {
        return jdbc.sql("""
                        select table_name from information_schema.tables
                        where table_schema = current_schema() and table_type = 'BASE TABLE'
                          and table_name <> 'flyway_schema_history'
                        order by table_name
                        """)
                .query(String.class).list();
    }

    /**
     * Empties every application table. A solve of the previous test may still be running (and the solve jobs'
     * poller always is): when PostgreSQL picks the truncate as a deadlock's victim, it tries again.
     */
    public void clean() {
        // The truncate waits at most 5 s for a lock: behind a solve that is itself queued behind the truncate's
        // lock request, it gives up and tries again (PostgreSQL's deadlock check would otherwise be all that ends
        // such a wait).
        String truncate = "do $$ begin set local lock_timeout = '5s'; truncate table " + String.join(", ", tables())
                + " cascade; end $$";
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.sql(truncate).update();
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException deadlock) {
                if (attempt == 5) {
                    throw deadlock;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw deadlock;
                }
            }
        }
    }

    /** Every row of every table as text, sorted: equal snapshots mean nothing was written. */
    public Map<String, List<String>> snapshot() {
        Map<String, List<String>> snapshot = new LinkedHashMap<>();
        for (String table : tables()) {
            snapshot.put(table, jdbc.sql("select t::text from " + table + " t order by 1").query(String.class).list());
        }
        return snapshot;
    }

    public int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    /** The single integer a query returns. */
    public int queryInt(String sql, Object... params) {
        var spec = jdbc.sql(sql);
        for (Object param : params) {
            spec = spec.param(param);
        }
        return spec.query(Integer.class).single();
    }

    /**
     * Seats a booking as the solver would: one assignment row per table occupying
     * [start, start + duration + turnover buffer), status CONFIRMED, version + 1.
     */
    public void confirm(String restaurantId, String bookingId, String seatingId, String... tableIds) {
        for (String tableId : tableIds) {
            int rows = jdbc.sql("""
                            insert into table_assignment (restaurant_id, booking_id, table_id, seating_id, occupied)
                            select b.restaurant_id, b.id, :table, :seating,
                                   tstzrange(b.starts_at, b.starts_at
                                             + make_interval(mins => b.duration_minutes + r.turnover_buffer_minutes), '[)')
                            from booking b join restaurant r on r.id = b.restaurant_id
                            where b.restaurant_id = :r and b.id = :b
                            """)
                    .param("r", restaurantId).param("b", bookingId).param("table", tableId).param("seating", seatingId)
                    .update();
            if (rows != 1) {
                throw new IllegalStateException("booking " + bookingId + " not found");
            }
        }
        jdbc.sql("update booking set status = 'CONFIRMED', version = version + 1 where restaurant_id = :r and id = :b")
                .param("r", restaurantId).param("b", bookingId).update();
    }

    public void setStatus(String restaurantId, String bookingId, String status) {
        jdbc.sql("update booking set status = :s, version = version + 1 where restaurant_id = :r and id = :b")
                .param("s", status).param("r", restaurantId).param("b", bookingId).update();
    }
}
