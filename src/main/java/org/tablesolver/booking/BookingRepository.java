package org.tablesolver.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.tablesolver.database.Rows;
import org.tablesolver.web.PreconditionFailedException;

/**
 * Reads bookings as the API shows them (with their tables and seating). Public for the solve pipeline:
 * {@link #find} and {@link #findDay}. Writes are package-private and go through {@link BookingService}.
 */
@Repository
public class BookingRepository {

    private static final String SELECT = """
            select b.restaurant_id, b.id, b.service_date, b.starts_at, r.time_zone, b.duration_minutes,
                   b.party_size, b.preferred_zone, b.required_zone, b.priority, b.pinned, b.status, b.version,
                   b.guest_name, b.notes, b.external_ref, b.tags, a.tables, a.seating
            from booking b
            join restaurant r on r.id = b.restaurant_id
            left join lateral (
                select array_agg(ta.table_id order by dt.position, ta.table_id) as tables,
                       min(ta.seating_id) as seating
                from table_assignment ta
                join dining_table dt on dt.restaurant_id = ta.restaurant_id and dt.id = ta.table_id
                where ta.restaurant_id = b.restaurant_id and ta.booking_id = b.id
            ) a on true
            """;

    private final JdbcClient jdbc;

    BookingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Booking> find(String restaurantId, String bookingId) {
        return jdbc.sql(SELECT + " where b.restaurant_id = :r and b.id = :id")
                .param("r", restaurantId).param("id", bookingId)
                .query(BookingRepository::booking)
                .optional();
    }

    /** The bookings of a service date ordered by start then id; CANCELLED ones only when asked. */
    public List<Booking> findDay(String restaurantId, LocalDate date, boolean includeCancelled) {
        return jdbc.sql(SELECT + """
                         where b.restaurant_id = :r and b.service_date = :date
                           and (:includeCancelled or b.status <> 'CANCELLED')
                         order by b.starts_at, b.id
                        """)
                .param("r", restaurantId).param("date", date).param("includeCancelled", includeCancelled)
                .query(BookingRepository::booking)
                .list();
    }

    /** How many bookings (any status) a restaurant-day has. */
    public int countDay(String restaurantId, LocalDate date) {
        return jdbc.sql("select count(*) from booking where restaurant_id = :r and service_date = :date")
                .param("r", restaurantId).param("date", date).query(Integer.class).single();
    }

    /** Inserts a PENDING booking unless the id exists; true when inserted. */
    boolean insertIfAbsent(String restaurantId, String id, BookingRequest request, Instant startsAt) {
        return insertIfAbsent(restaurantId, id, request, startsAt, BookingStatus.PENDING);
    }

    /**
     * Inserts a booking with the given status unless the id exists; true when inserted. A CONFIRMED booking's
     * table rows are written by the caller in the same transaction.
     */
    public boolean insertIfAbsent(String restaurantId, String id, BookingRequest request, Instant startsAt,
                                  BookingStatus status) {
        int rows = jdbc.sql("""
                        insert into booking (restaurant_id, id, service_date, starts_at, duration_minutes, party_size,
                                             preferred_zone, required_zone, priority, pinned, status, guest_name, notes,
                                             external_ref, tags)
                        values (:r, :id, :date, :startsAt, :duration, :partySize, :preferredZone, :requiredZone, :priority,
                                :pinned, :status, :guestName, :notes, :externalRef, :tags)
                        on conflict (restaurant_id, id) do nothing
                        """)
                .param("r", restaurantId).param("id", id).param("date", request.date())
                .param("startsAt", startsAt.atOffset(ZoneOffset.UTC))
                .param("duration", request.durationMinutes()).param("partySize", request.partySize())
                .param("preferredZone", request.preferredZone()).param("requiredZone", request.requiredZone())
                .param("priority", request.priorityOrDefault())
                .param("pinned", request.pinnedOrDefault()).param("status", status.name())
                .param("guestName", request.guestName()).param("notes", request.notes())
                .param("externalRef", request.externalRef())
                .param("tags", request.tagsOrDefault().toArray(String[]::new))
                .update();
        return Rows.zeroOrOne(rows, "insert booking " + id) == 1;
    }

    /**
     * Writes one table row of a booking's seating: the table occupied during [start, start + duration + the
     * restaurant's turnover buffer). The exclusion constraint refuses a table taken at that time.
     */
    public void insertAssignment(String restaurantId, String bookingId, String tableId, String seatingId) {
        Rows.exactlyOne(jdbc.sql("""
                        insert into table_assignment (restaurant_id, booking_id, table_id, seating_id, occupied)
                        select b.restaurant_id, b.id, :table, :seating,
                               tstzrange(b.starts_at, b.starts_at
                                         + make_interval(mins => b.duration_minutes + r.turnover_buffer_minutes), '[)')
                        from booking b join restaurant r on r.id = b.restaurant_id
                        where b.restaurant_id = :r and b.id = :b
                        """)
                .param("r", restaurantId).param("b", bookingId).param("table", tableId).param("seating", seatingId)
                .update(), "insert assignment " + bookingId + " on " + tableId);
    }

    public Optional<BookingStatus> lockStatus(String restaurantId, String id) {
        return jdbc.sql("select status from booking where restaurant_id = :r and id = :id for update")
                .param("r", restaurantId).param("id", id)
                .query((rs, n) -> BookingStatus.valueOf(rs.getString("status")))
                .optional();
    }

    /**
     * Locks a booking's row for the rest of the transaction and answers it; 412 when {@code expectedVersion} is
     * given and is not the stored version.
     */
    public Optional<Booking> lock(String restaurantId, String id, Long expectedVersion) {
        Optional<BookingStatus> status = lockStatus(restaurantId, id);
        if (status.isEmpty()) {
            return Optional.empty();
        }
        Booking booking = find(restaurantId, id).orElseThrow();
        if (expectedVersion != null && booking.version() != expectedVersion) {
            throw new PreconditionFailedException("Booking '" + id + "' is at version " + booking.version()
                    + ", not " + expectedVersion + " (If-Match): it changed meanwhile; read it again.");
        }
        return Optional.of(booking);
    }

    /**
     * Writes a booking's changed fields and status (its start local to {@code zone}, the restaurant's), version + 1,
     * at the version the caller locked. Its table rows
     * are the caller's (they take their occupancy from the start and duration written here).
     */
    public void update(Booking changed, ZoneId zone) {
        int rows = jdbc.sql("""
                        update booking
                        set starts_at = :startsAt, duration_minutes = :duration, party_size = :partySize,
                            preferred_zone = :preferredZone, required_zone = :requiredZone, priority = :priority,
                            pinned = :pinned, status = :status, guest_name = :guestName, notes = :notes,
                            external_ref = :externalRef, tags = :tags, version = version + 1, updated_at = now()
                        where restaurant_id = :r and id = :id and version = :version
                        """)
                .param("r", changed.restaurantId()).param("id", changed.id())
                .param("startsAt", LocalTimes.toInstant(changed.start(), zone).atOffset(ZoneOffset.UTC))
                .param("duration", changed.durationMinutes()).param("partySize", changed.partySize())
                .param("preferredZone", changed.preferredZone()).param("requiredZone", changed.requiredZone())
                .param("priority", changed.priority()).param("pinned", changed.pinned())
                .param("status", changed.status().name()).param("guestName", changed.guestName())
                .param("notes", changed.notes()).param("externalRef", changed.externalRef())
                .param("tags", changed.tags().toArray(String[]::new)).param("version", changed.version())
                .update();
        Rows.exactlyOne(rows, "update booking " + changed.id() + " at version " + changed.version());
    }

    /**
     * Bookings of a restaurant by service date, start and id, after the keyset {@code (afterDate, afterStart,
     * afterId)} when given; filters are optional.
     */
    public List<Booking> list(String restaurantId, LocalDate from, LocalDate to, List<BookingStatus> statuses,
                              String externalRef, LocalDate afterDate, Instant afterStart, String afterId, int limit) {
        return jdbc.sql(SELECT + """
                         where b.restaurant_id = :r
                           and (cast(:from as date) is null or b.service_date >= :from)
                           and (cast(:to as date) is null or b.service_date <= :to)
                           and (cast(:statuses as text[]) is null or b.status = any(cast(:statuses as text[])))
                           and (cast(:externalRef as text) is null or b.external_ref = :externalRef)
                           and (cast(:afterDate as date) is null
                                or (b.service_date, b.starts_at, b.id) > (:afterDate, :afterStart, :afterId))
                         order by b.service_date, b.starts_at, b.id
                         limit :limit
                        """)
                .param("r", restaurantId).param("from", from).param("to", to)
                .param("statuses", statuses == null ? null : statuses.stream().map(Enum::name).toArray(String[]::new))
                .param("externalRef", externalRef).param("afterDate", afterDate)
                .param("afterStart", afterStart == null ? null : afterStart.atOffset(ZoneOffset.UTC))
                .param("afterId", afterId).param("limit", limit)
                .query(BookingRepository::booking)
                .list();
    }

    /** The instant a booking starts at, as stored (for keyset cursors). */
    public Instant startsAt(String restaurantId, String id) {
        return jdbc.sql("select starts_at from booking where restaurant_id = :r and id = :id")
                .param("r", restaurantId).param("id", id)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class).toInstant()).single();
    }

    public int deleteAssignments(String restaurantId, String id) {
        return jdbc.sql("delete from table_assignment where restaurant_id = :r and booking_id = :id")
                .param("r", restaurantId).param("id", id)
                .update();
    }

    int countAssignments(String restaurantId, String id) {
        return jdbc.sql("select count(*) from table_assignment where restaurant_id = :r and booking_id = :id")
                .param("r", restaurantId).param("id", id)
                .query(Integer.class).single();
    }

    public void changeStatus(String restaurantId, String id, BookingStatus from, BookingStatus to) {
        int rows = jdbc.sql("""
                        update booking set status = :to, version = version + 1, updated_at = now()
                        where restaurant_id = :r and id = :id and status = :from
                        """)
                .param("r", restaurantId).param("id", id).param("from", from.name()).param("to", to.name())
                .update();
        Rows.exactlyOne(rows, "booking " + id + " " + from + " -> " + to);
    }

    /**
     * A booking from a row with the columns of the {@code booking} table, {@code time_zone}, {@code tables} and
     * {@code seating} (as this repository's queries select them; webhook messages read stored snapshots so).
     */
    public static Booking fromRow(ResultSet rs) throws SQLException {
        return booking(rs, 0);
    }

    private static Booking booking(ResultSet rs, int row) throws SQLException {
        ZoneId zone = ZoneId.of(rs.getString("time_zone"));
        java.sql.Array tables = rs.getArray("tables");
        return new Booking(
                rs.getString("id"),
                rs.getString("restaurant_id"),
                rs.getObject("service_date", LocalDate.class),
                LocalTimes.toLocal(rs.getObject("starts_at", OffsetDateTime.class).toInstant(), zone),
                rs.getInt("duration_minutes"),
                rs.getInt("party_size"),
                rs.getString("preferred_zone"),
                rs.getString("required_zone"),
                rs.getInt("priority"),
                rs.getBoolean("pinned"),
                BookingStatus.valueOf(rs.getString("status")),
                tables == null ? List.of() : List.copyOf(Arrays.asList((String[]) tables.getArray())),
                rs.getString("seating"),
                rs.getLong("version"),
                rs.getString("guest_name"),
                rs.getString("notes"),
                rs.getString("external_ref"),
                List.of((String[]) rs.getArray("tags").getArray()));
    }
}
