package org.tablesolver.solve;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.booking.BookingStatus;
import org.tablesolver.booking.LocalTimes;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.web.NotFoundException;

/**
 * Reads a restaurant-day for solving in one read-only REPEATABLE READ transaction, so the floor plan,
 * bookings, assignments and holds all come from one snapshot (a booking confirmed or cancelled halfway
 * through cannot make the problem inconsistent). Everything is ordered deterministically: the floor plan
 * in its stored order, bookings by start then id, blocks by start, table and id.
 */
@Component
public class DayLoader {

    private final JdbcClient jdbc;
    private final FloorPlanService floorPlans;
    private final TransactionTemplate snapshot;

    DayLoader(JdbcClient jdbc, FloorPlanService floorPlans, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.floorPlans = floorPlans;
        this.snapshot = new TransactionTemplate(transactions);
        this.snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.snapshot.setReadOnly(true);
    }

    /** @throws NotFoundException for an unknown restaurant */
    LoadedDay load(DayKey key) {
        return snapshot.execute(status -> read(key, null, false, null));
    }

    /**
     * Reads the day inside the caller's transaction (online booking reads it under the day's lock), with the
     * floor plan the caller already read or locked. The caller adds a party of its own (a new booking, a walk-in, a
     * changed stay) at any time of the service date, so what blocks tables is read for the whole time a party of the
     * date can stay, not only around the day's bookings.
     */
    public LoadedDay readInTransaction(DayKey key, FloorPlan plan) {
        return read(key, plan, true, null);
    }

    /**
     * {@link #readInTransaction} with the holds that were active at {@code holdsActiveAt} (an instant the reader
     * chose, so that every reader of one version of the state sees the same holds; see {@code AvailabilityView}).
     */
    public LoadedDay readInTransaction(DayKey key, FloorPlan plan, Instant holdsActiveAt) {
        return read(key, plan, true, holdsActiveAt);
    }

    /** The longest stay a booking, hold or walk-in may ask for (requests are refused above it). */
    public static final int LONGEST_STAY_MINUTES = 720;

    private record BookingRow(String id, Instant start, int durationMinutes, int partySize, String preferredZone,
                              String requiredZone, int priority, BookingStatus status, long version, boolean pinned) {
    }

    private LoadedDay read(DayKey key, FloorPlan knownPlan, boolean wholeServiceDate, Instant holdsAt) {
        FloorPlan plan = knownPlan != null ? knownPlan : floorPlans.find(key.restaurantId())
                .orElseThrow(() -> NotFoundException.restaurant(key.restaurantId()));
        // One statement, so one snapshot even under READ COMMITTED: a booking and its table rows are read as some
        // single commit left them (a cancellation committing in between cannot show a CONFIRMED booking without
        // tables).
        record AssignmentRow(String bookingId, String tableId, String seatingId) {
        }
        Map<String, List<AssignmentRow>> assignments = new LinkedHashMap<>();
        List<BookingRow> rows = jdbc.sql("""
                        select b.id, b.starts_at, b.duration_minutes, b.party_size, b.preferred_zone, b.required_zone,
                               b.priority, b.status, b.version, b.pinned, a.tables, a.seatings
                        from booking b
                        left join lateral (
                            select array_agg(ta.table_id order by dt.position, ta.table_id) as tables,
                                   array_agg(ta.seating_id order by dt.position, ta.table_id) as seatings
                            from table_assignment ta
                            join dining_table dt on dt.restaurant_id = ta.restaurant_id and dt.id = ta.table_id
                            where ta.restaurant_id = b.restaurant_id and ta.booking_id = b.id
                        ) a on true
                        where b.restaurant_id = :r and b.service_date = :date
                          and b.status in ('PENDING', 'CONFIRMED', 'SEATED')
                        order by b.starts_at, b.id
                        """)
                .param("r", key.restaurantId()).param("date", key.date())
                .query((rs, n) -> {
                    String id = rs.getString("id");
                    java.sql.Array tables = rs.getArray("tables");
                    if (tables != null) {
                        String[] tableIds = (String[]) tables.getArray();
                        String[] seatingIds = (String[]) rs.getArray("seatings").getArray();
                        for (int i = 0; i < tableIds.length; i++) {
                            assignments.computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(new AssignmentRow(id, tableIds[i], seatingIds[i]));
                        }
                    }
                    return new BookingRow(id, instant(rs, "starts_at"),
                            rs.getInt("duration_minutes"), rs.getInt("party_size"), rs.getString("preferred_zone"),
                            rs.getString("required_zone"), rs.getInt("priority"),
                            BookingStatus.valueOf(rs.getString("status")), rs.getLong("version"),
                            rs.getBoolean("pinned"));
                })
                .list();

        Map<String, LoadedDay.LoadedBooking> loaded = new LinkedHashMap<>();
        List<DayInput.Booking> bookings = new ArrayList<>(rows.size());
        Instant windowStart = null;
        Instant windowEnd = null;
        for (BookingRow row : rows) {
            List<AssignmentRow> tables = assignments.getOrDefault(row.id(), List.of());
            boolean hasTables = row.status() == BookingStatus.CONFIRMED || row.status() == BookingStatus.SEATED;
            if (hasTables == tables.isEmpty()) {
                // The services keep status and table rows in step; anything else is corrupt data, and solving
                // around it would hide it.
                throw new IllegalStateException("Booking " + row.id() + " of " + key + " is " + row.status()
                        + " with " + tables.size() + " table assignment row(s)");
            }
            List<String> seatingIds = tables.stream().map(AssignmentRow::seatingId).distinct().toList();
            if (seatingIds.size() > 1) {
                throw new IllegalStateException("Booking " + row.id() + " of " + key + " is assigned to several seatings "
                        + seatingIds);
            }
            String seatingId = seatingIds.isEmpty() ? null : seatingIds.get(0);
            List<String> tableIds = tables.stream().map(AssignmentRow::tableId).toList();
            loaded.put(row.id(), new LoadedDay.LoadedBooking(row.id(), row.status(), row.version(), seatingId, tableIds,
                    row.pinned()));
            bookings.add(new DayInput.Booking(row.id(), row.start(), row.durationMinutes(), row.partySize(),
                    row.preferredZone(), row.requiredZone(), row.priority(), state(row.status()), seatingId, tableIds,
                    row.pinned(), false));

            Instant end = row.start().plusSeconds(60L * (row.durationMinutes() + plan.turnoverBufferMinutes()));
            windowStart = windowStart == null || row.start().isBefore(windowStart) ? row.start() : windowStart;
            windowEnd = windowEnd == null || end.isAfter(windowEnd) ? end : windowEnd;
        }

        List<LoadedDay.CapacityHold> capacityHolds = capacityHolds(key, holdsAt);
        for (LoadedDay.CapacityHold hold : capacityHolds) {
            bookings.add(DayInput.Booking.capacityHold(hold.solverId(), hold.start(), hold.durationMinutes(),
                    hold.partySize(), hold.zone()));
            Instant end = hold.start().plusSeconds(60L * (hold.durationMinutes() + plan.turnoverBufferMinutes()));
            windowStart = windowStart == null || hold.start().isBefore(windowStart) ? hold.start() : windowStart;
            windowEnd = windowEnd == null || end.isAfter(windowEnd) ? end : windowEnd;
        }
        if (wholeServiceDate) {
            // A party of the date starts from its local midnight until late service ends the next morning.
            Instant dateStart = key.date().atStartOfDay(plan.zoneId()).toInstant();
            Instant lastEnd = key.date().plusDays(1).atTime(LocalTimes.LATE_SERVICE_END).atZone(plan.zoneId())
                    .toInstant().plusSeconds(60L * (LONGEST_STAY_MINUTES + plan.turnoverBufferMinutes()));
            windowStart = windowStart == null || dateStart.isBefore(windowStart) ? dateStart : windowStart;
            windowEnd = windowEnd == null || lastEnd.isAfter(windowEnd) ? lastEnd : windowEnd;
        }
        List<DayInput.Hold> blocks = windowStart == null ? List.of() : blocks(key, windowStart, windowEnd, holdsAt);
        if (windowStart != null) {
            // Capacity holds of the dates around (late service the evening before, an early start the morning after)
            // need room during this date too: they take part as the parties they will be, so nothing here is
            // promised away from under them. They name no table, so no constraint of the database would catch it.
            for (LoadedDay.CapacityHold hold : otherDatesCapacityHolds(key, windowStart, windowEnd, holdsAt)) {
                bookings.add(DayInput.Booking.capacityHold(hold.solverId(), hold.start(), hold.durationMinutes(),
                        hold.partySize(), hold.zone()));
            }
        }
        DayInput input = new DayInput(key.restaurantId(), key.date(), plan.zoneId(), plan.turnoverBufferMinutes(),
                plan.tables().stream().map(t -> new DayInput.Table(t.id(), t.zone(), t.minCapacity(), t.maxCapacity(),
                        t.inServiceOrDefault())).toList(),
                plan.combinations().stream().map(c -> new DayInput.Combination(c.id(), c.tables(), c.minCapacity(),
                        c.maxCapacity())).toList(),
                bookings, blocks,
                plan.maxCoversPerSlot().map(max -> new DayInput.Pacing(plan.slotMinutes(), max)).orElse(null));
        return new LoadedDay(key, plan, input, loaded, capacityHolds);
    }

    /** The day's active capacity holds, by start then id. */
    private List<LoadedDay.CapacityHold> capacityHolds(DayKey key, Instant at) {
        return jdbc.sql("""
                        select id, lower(held) as held_from, duration_minutes, party_size, zone_id, reference, expires_at
                        from table_hold
                        where restaurant_id = :r and service_date = :date and table_id is null and not lapsed and expires_at > coalesce(cast(:at as timestamptz), clock_timestamp())
                        order by lower(held), id
                        """)
                .param("r", key.restaurantId()).param("date", key.date()).param("at", at == null ? null : utc(at))
                .query(DayLoader::capacityHold)
                .list();
    }

    private static LoadedDay.CapacityHold capacityHold(ResultSet rs, int row) throws SQLException {
        return new LoadedDay.CapacityHold(rs.getString("id"), instant(rs, "held_from"), rs.getInt("duration_minutes"),
                rs.getInt("party_size"), rs.getString("zone_id"), rs.getString("reference"), instant(rs, "expires_at"));
    }

    /** Other service dates' active capacity holds whose time overlaps {@code [from, to)}, by start then id. */
    private List<LoadedDay.CapacityHold> otherDatesCapacityHolds(DayKey key, Instant from, Instant to, Instant at) {
        return jdbc.sql("""
                        select id, lower(held) as held_from, duration_minutes, party_size, zone_id, reference, expires_at
                        from table_hold
                        where restaurant_id = :r and service_date <> :date and table_id is null and not lapsed and expires_at > coalesce(cast(:at as timestamptz), clock_timestamp())
                          and held && tstzrange(:from, :to, '[)')
                        order by lower(held), id
                        """)
                .param("r", key.restaurantId()).param("date", key.date())
                .param("from", utc(from)).param("to", utc(to)).param("at", at == null ? null : utc(at))
                .query(DayLoader::capacityHold)
                .list();
    }

    /**
     * What blocks tables during the day besides its own bookings: active holds, and the tables of other
     * service dates' bookings that reach into this day (late service the evening before, an early start
     * the morning after). Both are passed to the solver as holds.
     */
    private List<DayInput.Hold> blocks(DayKey key, Instant from, Instant to, Instant at) {
        List<DayInput.Hold> blocks = new ArrayList<>(jdbc.sql("""
                        select id, table_id, lower(held) as held_from, upper(held) as held_to, reference
                        from table_hold
                        where restaurant_id = :r and table_id is not null and not lapsed and expires_at > coalesce(cast(:at as timestamptz), clock_timestamp())
                          and held && tstzrange(:from, :to, '[)')
                        order by lower(held), table_id, id
                        """)
                .param("r", key.restaurantId()).param("from", utc(from)).param("to", utc(to))
                .param("at", at == null ? null : utc(at))
                .query((rs, n) -> new DayInput.Hold(rs.getString("id"), rs.getString("table_id"),
                        instant(rs, "held_from"), instant(rs, "held_to"), rs.getString("reference")))
                .list());
        blocks.addAll(jdbc.sql("""
                        select ta.booking_id, b.service_date, ta.table_id,
                               lower(ta.occupied) as occupied_from, upper(ta.occupied) as occupied_to
                        from table_assignment ta
                        join booking b on b.restaurant_id = ta.restaurant_id and b.id = ta.booking_id
                        where ta.restaurant_id = :r and (b.service_date <> :date or b.status = 'COMPLETED')
                          and ta.occupied && tstzrange(:from, :to, '[)')
                        order by lower(ta.occupied), ta.table_id, ta.booking_id
                        """)
                .param("r", key.restaurantId()).param("date", key.date())
                .param("from", utc(from)).param("to", utc(to))
                .query((rs, n) -> new DayInput.Hold(
                        "booking " + rs.getString("booking_id") + " (" + rs.getString("service_date") + ") on "
                                + rs.getString("table_id"),
                        // a COMPLETED booking of the day itself: its table until the minute it left
                        rs.getString("table_id"), instant(rs, "occupied_from"), instant(rs, "occupied_to"),
                        "booking of another service date"))
                .list());
        return blocks;
    }

    private static BookingState state(BookingStatus status) {
        return switch (status) {
            case PENDING -> BookingState.PENDING;
            case CONFIRMED -> BookingState.CONFIRMED;
            case SEATED -> BookingState.SEATED;
            case COMPLETED, NO_SHOW, CANCELLED -> throw new IllegalArgumentException(status + " bookings are not solved");
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
