package org.tablesolver.hold;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SortedSet;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.availability.OnlineBookingService;
import org.tablesolver.booking.LocalTimes;
import org.tablesolver.solve.DayKey;
import org.tablesolver.database.Rows;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.web.ConflictException;
import org.tablesolver.web.NotFoundException;
import org.tablesolver.web.Problems;
import org.tablesolver.web.RequestValidator;

/**
 * Short-lived holds a booking flow places on a table while a guest completes a booking. A hold whose
 * {@code expires_at} has passed blocks nothing and is invisible; expired rows are deleted lazily.
 */
@Service
class HoldService {

    private final JdbcClient jdbc;
    private final FloorPlanService floorPlans;
    private final RequestValidator validator;
    private final OnlineBookingService online;
    private final TransactionTemplate write;

    HoldService(JdbcClient jdbc, FloorPlanService floorPlans, RequestValidator validator,
                OnlineBookingService online, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.floorPlans = floorPlans;
        this.validator = validator;
        this.online = online;
        this.write = new TransactionTemplate(transactions);
    }

    /**
     * Places a hold. A table hold: 400 for an unknown table or impossible time, 409 when the table is out of
     * service, assigned to a booking or held by another active hold at that time. A capacity hold (no table):
     * 409 with code and alternatives unless the slot is available for its party.
     */
    Hold place(String restaurantId, HoldRequest request) {
        validator.validate(request, "");
        Problems problems = new Problems();
        if (request.tableId() != null) {
            problems.check(request.partySize() == null, "partySize", "is for capacity holds: leave out tableId");
            problems.check(request.zone() == null, "zone", "is for capacity holds: leave out tableId");
            problems.check(request.durationMinutes() != null, "durationMinutes", "is required for a table hold");
        } else {
            problems.check(request.partySize() != null, "partySize", "is required for a capacity hold (or give tableId)");
        }
        if (request.start().getSecond() != 0 || request.start().getNano() != 0) {
            problems.add("start", "must be a whole minute");
        }
        problems.throwIfAny();
        // Tried again on a fresh snapshot when it meets a concurrent change (a booking it moves was cancelled).
        return online.withRetries(() -> write.execute(status -> placeOnce(restaurantId, request)));
    }

    private Hold placeOnce(String restaurantId, HoldRequest request) {
        Problems problems = new Problems();
        LocalDate date = OnlineBookingService.serviceDateOf(request.start());
        DayKey key = new DayKey(restaurantId, date);
        SortedSet<LocalDate> locked = online.lockStay(key, request.start(), request.durationMinutes(),
                request.partySize() == null ? 1 : request.partySize());
        FloorPlan plan = floorPlans.lockForBookingWrite(restaurantId);
        ZoneId zone = plan.zoneId();
        problems.check(LocalTimes.toInstant(request.start(), zone) != null, "start",
                request.start() + " does not exist in " + zone.getId() + " (clocks go forward)");
        if (request.zone() != null) {
            problems.check(plan.hasZone(request.zone()), "zone", "unknown zone '" + request.zone() + "'");
        }
        FloorPlan.Table table = request.tableId() == null ? null : plan.table(request.tableId()).orElse(null);
        if (request.tableId() != null) {
            problems.check(table != null, "tableId", "unknown table '" + request.tableId() + "'");
        }
        problems.throwIfAny();
        // Expired holds block nothing; their rows stay a day so that a late booking can be told HOLD_EXPIRED.
        jdbc.sql("delete from table_hold where restaurant_id = :r and expires_at <= now() - interval '1 day'")
                .param("r", restaurantId).update();
        Instant start = LocalTimes.toInstant(request.start(), zone);
        // Expiry counts from the moment the hold is granted (clock_timestamp), not from when this transaction
        // began: a request that waited for the day's lock still gets its full expiresInSeconds.
        if (table == null) {
            int duration = OnlineBookingService.duration(plan, request.partySize(), request.durationMinutes(),
                    "durationMinutes");
            OnlineBookingService.requireLocked(locked, plan, date, request.start(), duration);
            online.admitCapacityHold(plan, date, request.start(), request.partySize(), duration,
                    request.zone());
            Instant end = start.plusSeconds(60L * (duration + plan.turnoverBufferMinutes()));
            String id = UUID.randomUUID().toString();
            Rows.exactlyOne(jdbc.sql("""
                            insert into table_hold (restaurant_id, id, table_id, held, expires_at, reference,
                                                    service_date, party_size, duration_minutes, zone_id)
                            values (:r, :id, null, tstzrange(:start, :end, '[)'),
                                    clock_timestamp() + make_interval(secs => :seconds), :reference, :date, :party, :duration, :zone)
                            """)
                    .param("r", restaurantId).param("id", id)
                    .param("start", utc(start)).param("end", utc(end))
                    .param("seconds", request.expiresInSeconds()).param("reference", request.reference())
                    .param("date", date).param("party", request.partySize()).param("duration", duration)
                    .param("zone", request.zone())
                    .update(), "insert capacity hold");
            return active(restaurantId, zone, id).get(0);
        }
        if (!table.inServiceOrDefault()) {
            throw new ConflictException("tableId", "Table '" + table.id() + "' is out of service.");
        }
        // Serializes hold placement per table: two holds cannot both pass the check below.
        Rows.exactlyOne(jdbc.sql("select 1 from dining_table where restaurant_id = :r and id = :t for update")
                .param("r", restaurantId).param("t", table.id()).query(Integer.class).list().size(), "lock table");

        OnlineBookingService.requireLocked(locked, plan, date, request.start(), request.durationMinutes());
        Instant end = start.plusSeconds(60L * (request.durationMinutes() + plan.turnoverBufferMinutes()));
        boolean taken = jdbc.sql("""
                        select exists (select 1 from table_assignment
                                       where restaurant_id = :r and table_id = :t and occupied && tstzrange(:start, :end, '[)'))
                            or exists (select 1 from table_hold
                                       where restaurant_id = :r and table_id = :t and expires_at > clock_timestamp()
                                         and held && tstzrange(:start, :end, '[)'))
                        """)
                .param("r", restaurantId).param("t", table.id())
                .param("start", utc(start)).param("end", utc(end))
                .query(Boolean.class).single();
        if (taken) {
            throw new ConflictException("tableId", "Table '" + table.id() + "' is taken by a booking or another "
                    + "hold between " + request.start() + " and " + LocalTimes.toLocal(end, zone) + ".");
        }
        String id = UUID.randomUUID().toString();
        Rows.exactlyOne(jdbc.sql("""
                        insert into table_hold (restaurant_id, id, table_id, held, expires_at, reference)
                        values (:r, :id, :t, tstzrange(:start, :end, '[)'),
                                clock_timestamp() + make_interval(secs => :seconds), :reference)
                        """)
                .param("r", restaurantId).param("id", id).param("t", table.id())
                .param("start", utc(start)).param("end", utc(end))
                .param("seconds", request.expiresInSeconds()).param("reference", request.reference())
                .update(), "insert hold");
        return active(restaurantId, zone, id).get(0);
    }

    @Transactional(readOnly = true)
    List<Hold> list(String restaurantId) {
        FloorPlan plan = floorPlans.get(restaurantId);
        return active(restaurantId, plan.zoneId(), null);
    }

    @Transactional
    void release(String restaurantId, String holdId) {
        floorPlans.get(restaurantId);
        int rows = jdbc.sql("delete from table_hold where restaurant_id = :r and id = :id and expires_at > clock_timestamp()")
                .param("r", restaurantId).param("id", holdId).update();
        if (Rows.zeroOrOne(rows, "delete hold " + holdId) == 0) {
            throw new NotFoundException("holdId", "Hold '" + holdId + "' does not exist or has expired.");
        }
    }

    private List<Hold> active(String restaurantId, ZoneId zone, String onlyId) {
        return jdbc.sql("""
                        select id, table_id, party_size, zone_id, lower(held) as held_from, upper(held) as held_to,
                               expires_at, reference
                        from table_hold
                        where restaurant_id = :r and expires_at > clock_timestamp() and (cast(:id as text) is null or id = :id)
                        order by lower(held), table_id, id
                        """)
                .param("r", restaurantId).param("id", onlyId)
                .query((rs, n) -> new Hold(rs.getString("id"), rs.getString("table_id"),
                        (Integer) rs.getObject("party_size"), rs.getString("zone_id"),
                        LocalTimes.toLocal(rs.getObject("held_from", OffsetDateTime.class).toInstant(), zone),
                        LocalTimes.toLocal(rs.getObject("held_to", OffsetDateTime.class).toInstant(), zone),
                        rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                        rs.getString("reference")))
                .list();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
