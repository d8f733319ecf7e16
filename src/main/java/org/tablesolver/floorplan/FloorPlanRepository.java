package org.tablesolver.floorplan;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.tablesolver.database.Rows;
import org.springframework.stereotype.Repository;

/** Plain SQL for restaurants and their floor plans. */
@Repository
class FloorPlanRepository {

    private static final TypeReference<List<FloorPlan.ServicePeriod>> PERIODS = new TypeReference<>() {
    };
    private static final TypeReference<List<FloorPlan.TurnTime>> TURN_TIMES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    FloorPlanRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    record RestaurantRow(String id, String name, String timeZone, int turnoverBufferMinutes,
                         List<FloorPlan.ServicePeriod> servicePeriods, List<FloorPlan.TurnTime> turnTimes,
                         int bookingSlotMinutes, Integer pacingMaxCovers) {
    }

    /** A CONFIRMED or SEATED booking and the seating it occupies. */
    record SeatedBooking(String id, String status, int partySize, String seatingId, Set<String> tables) {
    }

    List<RestaurantSummary> list() {
        return jdbc.sql("""
                        select r.id, r.name, r.time_zone, r.turnover_buffer_minutes,
                               (select count(*) from dining_table t where t.restaurant_id = r.id) as tables,
                               (select count(*) from table_combination c where c.restaurant_id = r.id) as combinations
                        from restaurant r
                        order by r.id
                        """)
                .query((rs, n) -> new RestaurantSummary(rs.getString("id"), rs.getString("name"),
                        rs.getString("time_zone"), rs.getInt("turnover_buffer_minutes"), rs.getInt("tables"),
                        rs.getInt("combinations")))
                .list();
    }

    Optional<RestaurantRow> findRestaurant(String id, String lockClause) {
        return jdbc.sql("""
                        select id, name, time_zone, turnover_buffer_minutes, service_periods, turn_times,
                               booking_slot_minutes, pacing_max_covers
                        from restaurant where id = :id
                        """ + lockClause)
                .param("id", id)
                .query((rs, n) -> new RestaurantRow(rs.getString("id"), rs.getString("name"),
                        rs.getString("time_zone"), rs.getInt("turnover_buffer_minutes"),
                        read(rs.getString("service_periods"), PERIODS), read(rs.getString("turn_times"), TURN_TIMES),
                        rs.getInt("booking_slot_minutes"), (Integer) rs.getObject("pacing_max_covers")))
                .optional();
    }

    Optional<FloorPlan> load(String id, String lockClause) {
        return findRestaurant(id, lockClause).map(this::loadPlan);
    }

    private FloorPlan loadPlan(RestaurantRow restaurant) {
        String id = restaurant.id();
        List<FloorPlan.Zone> zones = jdbc.sql("select id, name from zone where restaurant_id = :id order by position")
                .param("id", id)
                .query((rs, n) -> new FloorPlan.Zone(rs.getString("id"), rs.getString("name")))
                .list();
        List<FloorPlan.Table> tables = jdbc.sql("""
                        select id, zone_id, min_capacity, max_capacity, in_service
                        from dining_table where restaurant_id = :id order by position
                        """)
                .param("id", id)
                .query((rs, n) -> new FloorPlan.Table(rs.getString("id"), rs.getString("zone_id"),
                        rs.getInt("min_capacity"), rs.getInt("max_capacity"), rs.getBoolean("in_service")))
                .list();
        Map<String, List<String>> members = new LinkedHashMap<>();
        jdbc.sql("""
                        select combination_id, table_id from table_combination_member
                        where restaurant_id = :id order by combination_id, position
                        """)
                .param("id", id)
                .query(rs -> {
                    members.computeIfAbsent(rs.getString("combination_id"), k -> new ArrayList<>())
                            .add(rs.getString("table_id"));
                });
        List<FloorPlan.Combination> combinations = jdbc.sql("""
                        select id, min_capacity, max_capacity
                        from table_combination where restaurant_id = :id order by position
                        """)
                .param("id", id)
                .query((rs, n) -> new FloorPlan.Combination(rs.getString("id"),
                        List.copyOf(members.getOrDefault(rs.getString("id"), List.of())),
                        rs.getInt("min_capacity"), rs.getInt("max_capacity")))
                .list();
        return new FloorPlan(id, restaurant.name(), restaurant.timeZone(), restaurant.turnoverBufferMinutes(),
                zones, tables, combinations, restaurant.servicePeriods(), restaurant.turnTimes(),
                restaurant.bookingSlotMinutes(),
                restaurant.pacingMaxCovers() == null ? null : new FloorPlan.Pacing(restaurant.pacingMaxCovers()));
    }

    /** Inserts the restaurant row if it does not exist yet; true when it was created. */
    boolean insertIfAbsent(String id, FloorPlan plan) {
        int rows = jdbc.sql("""
                        insert into restaurant (id, name, time_zone, turnover_buffer_minutes)
                        values (:id, :name, :timeZone, :buffer)
                        on conflict (id) do nothing
                        """)
                .param("id", id)
                .param("name", plan.name())
                .param("timeZone", plan.timeZone())
                .param("buffer", plan.turnoverBufferMinutes())
                .update();
        return Rows.zeroOrOne(rows, "insert restaurant " + id) == 1;
    }

    long countActiveBookings(String restaurantId) {
        return jdbc.sql("""
                        select count(*) from booking
                        where restaurant_id = :id and status in ('PENDING', 'CONFIRMED', 'SEATED')
                        """)
                .param("id", restaurantId)
                .query(Long.class)
                .single();
    }

    List<SeatedBooking> seatedBookings(String restaurantId) {
        return jdbc.sql("""
                        select b.id, b.status, b.party_size, ta.seating_id, array_agg(ta.table_id order by ta.table_id) as tables
                        from booking b
                        join table_assignment ta on ta.restaurant_id = b.restaurant_id and ta.booking_id = b.id
                        where b.restaurant_id = :id and b.status in ('CONFIRMED', 'SEATED')
                        group by b.id, b.status, b.party_size, ta.seating_id
                        order by b.id, ta.seating_id
                        """)
                .param("id", restaurantId)
                .query((rs, n) -> new SeatedBooking(rs.getString("id"), rs.getString("status"),
                        rs.getInt("party_size"), rs.getString("seating_id"), strings(rs.getArray("tables"))))
                .list();
    }

    /** Writes the plan over the stored one: upsert what stays, delete what was removed. */
    void write(String id, FloorPlan plan) {
        int rows = jdbc.sql("""
                        update restaurant
                        set name = :name, time_zone = :timeZone, turnover_buffer_minutes = :buffer,
                            service_periods = cast(:periods as jsonb), turn_times = cast(:turnTimes as jsonb),
                            booking_slot_minutes = :slot, pacing_max_covers = :pacing,
                            version = version + 1, updated_at = now()
                        where id = :id
                        """)
                .param("id", id)
                .param("name", plan.name())
                .param("timeZone", plan.timeZone())
                .param("buffer", plan.turnoverBufferMinutes())
                .param("periods", write(plan.servicePeriods()))
                .param("turnTimes", write(plan.turnTimes()))
                .param("slot", plan.slotMinutes())
                .param("pacing", plan.maxCoversPerSlot().orElse(null), java.sql.Types.INTEGER)
                .update();
        Rows.exactlyOne(rows, "update restaurant " + id);
        for (int i = 0; i < plan.zones().size(); i++) {
            FloorPlan.Zone zone = plan.zones().get(i);
            Rows.exactlyOne(jdbc.sql("""
                            insert into zone (restaurant_id, id, name, position) values (:r, :id, :name, :position)
                            on conflict (restaurant_id, id) do update set name = excluded.name, position = excluded.position
                            """)
                    .param("r", id).param("id", zone.id()).param("name", zone.name()).param("position", i)
                    .update(), "upsert zone " + zone.id());
        }
        for (int i = 0; i < plan.tables().size(); i++) {
            FloorPlan.Table table = plan.tables().get(i);
            Rows.exactlyOne(jdbc.sql("""
                            insert into dining_table (restaurant_id, id, zone_id, min_capacity, max_capacity, in_service, position)
                            values (:r, :id, :zone, :min, :max, :inService, :position)
                            on conflict (restaurant_id, id) do update
                            set zone_id = excluded.zone_id, min_capacity = excluded.min_capacity,
                                max_capacity = excluded.max_capacity, in_service = excluded.in_service,
                                position = excluded.position
                            """)
                    .param("r", id).param("id", table.id()).param("zone", table.zone())
                    .param("min", table.minCapacity()).param("max", table.maxCapacity())
                    .param("inService", table.inServiceOrDefault()).param("position", i)
                    .update(), "upsert table " + table.id());
        }
        // Combinations are rewritten whole (members cascade); nothing references them by foreign key.
        jdbc.sql("delete from table_combination where restaurant_id = :r").param("r", id).update();
        // Finished bookings never block a floor-plan change: a removed table drops out of their history.
        jdbc.sql("""
                        delete from table_assignment ta using booking b
                        where b.restaurant_id = ta.restaurant_id and b.id = ta.booking_id and ta.restaurant_id = :r
                          and b.status = 'COMPLETED' and not (ta.table_id = any(:ids))
                        """)
                .param("r", id).param("ids", plan.tables().stream().map(FloorPlan.Table::id).toArray(String[]::new))
                .update();
        jdbc.sql("delete from dining_table where restaurant_id = :r and not (id = any(:ids))")
                .param("r", id).param("ids", plan.tables().stream().map(FloorPlan.Table::id).toArray(String[]::new))
                .update();
        jdbc.sql("delete from zone where restaurant_id = :r and not (id = any(:ids))")
                .param("r", id).param("ids", plan.zones().stream().map(FloorPlan.Zone::id).toArray(String[]::new))
                .update();
        for (int i = 0; i < plan.combinations().size(); i++) {
            FloorPlan.Combination combination = plan.combinations().get(i);
            Rows.exactlyOne(jdbc.sql("""
                            insert into table_combination (restaurant_id, id, min_capacity, max_capacity, position)
                            values (:r, :id, :min, :max, :position)
                            """)
                    .param("r", id).param("id", combination.id()).param("min", combination.minCapacity())
                    .param("max", combination.maxCapacity()).param("position", i)
                    .update(), "insert combination " + combination.id());
            for (int j = 0; j < combination.tables().size(); j++) {
                Rows.exactlyOne(jdbc.sql("""
                                insert into table_combination_member (restaurant_id, combination_id, table_id, position)
                                values (:r, :combination, :table, :position)
                                """)
                        .param("r", id).param("combination", combination.id())
                        .param("table", combination.tables().get(j)).param("position", j)
                        .update(), "insert member " + combination.tables().get(j) + " of " + combination.id());
            }
        }
    }

    /** Recomputes every stored occupied range after a change of the turnover buffer. */
    int reapplyTurnoverBuffer(String restaurantId, int bufferMinutes) {
        return jdbc.sql("""
                        update table_assignment ta
                        set occupied = tstzrange(b.starts_at,
                                                 b.starts_at + make_interval(mins => b.duration_minutes + :buffer), '[)')
                        from booking b
                        where b.restaurant_id = ta.restaurant_id and b.id = ta.booking_id and ta.restaurant_id = :r
                          and b.status in ('CONFIRMED', 'SEATED')
                        """)
                .param("r", restaurantId).param("buffer", bufferMinutes)
                .update();
    }

    private <T> List<T> read(String text, TypeReference<List<T>> type) {
        if (text == null) {
            return List.of();
        }
        try {
            return List.copyOf(json.readValue(text, type));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable booking rules stored for a restaurant", e);
        }
    }

    private String write(List<?> value) {
        try {
            return json.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("booking rules not writable as JSON", e);
        }
    }

    private static Set<String> strings(Array array) throws SQLException {
        return Set.copyOf(Arrays.asList((String[]) array.getArray()));
    }
}
