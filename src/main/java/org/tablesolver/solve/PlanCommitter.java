package org.tablesolver.solve;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.tablesolver.changes.ChangeCause;
import org.tablesolver.changes.ChangeFeed;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.booking.BookingRepository;
import org.tablesolver.booking.BookingStatus;
import org.tablesolver.database.Rows;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlanBuilder;

/**
 * Writes a solved plan in one short transaction, all or nothing:
 * <ol>
 * <li>a transaction-level advisory lock on the restaurant-day, so commits of the same day (from this
 * process or another instance) run one at a time;</li>
 * <li>the restaurant row {@code FOR SHARE} (as every booking writer takes it) and the floor plan compared
 * with the snapshot's;</li>
 * <li>every booking of the snapshot locked {@code FOR UPDATE} and its version compared: a booking that was
 * cancelled, seated or changed meanwhile makes the commit a {@link CommitConflict};</li>
 * <li>the tables about to get new assignments locked {@code FOR SHARE}, which waits for (and holds off) hold
 * placement on them, then checked for active holds and assignments that appeared meanwhile;</li>
 * <li>the old rows of moved bookings deleted, the new rows inserted (one per physical table), statuses and
 * versions updated with row counts checked, and the audit row inserted.</li>
 * </ol>
 * Bookings whose seating did not change are not touched at all. The exclusion constraint on
 * {@code table_assignment} stays the last line of defence against a double-booked table.
 */
@Component
class PlanCommitter {

    private final JdbcClient jdbc;
    private final FloorPlanService floorPlans;
    private final SolveRuns runs;
    private final List<SolveHooks> hooks;
    private final TransactionTemplate transaction;
    private final DayLock dayLock;
    private final BookingRepository bookings;
    private final ChangeFeed changeFeed;
    private final SolveProperties properties;

    PlanCommitter(JdbcClient jdbc, FloorPlanService floorPlans, SolveRuns runs, List<SolveHooks> hooks,
                  PlatformTransactionManager transactions, DayLock dayLock, BookingRepository bookings,
                  ChangeFeed changeFeed, SolveProperties properties) {
        this.properties = properties;
        this.changeFeed = changeFeed;
        this.jdbc = jdbc;
        this.floorPlans = floorPlans;
        this.runs = runs;
        this.hooks = List.copyOf(hooks);
        this.transaction = new TransactionTemplate(transactions);
        this.dayLock = dayLock;
        this.bookings = bookings;
    }

    /**
     * Commits the changes and the audit row; returns only after COMMIT succeeded.
     *
     * @throws CommitConflict when the day changed since {@code day} was loaded (nothing was written)
     */
    void commit(LoadedDay day, PlanChanges changes, SolveRun auditRow, String result, SolveHooks.Attempt attempt,
                Session session) {
        transaction.executeWithoutResult(status -> {
            write(day, changes, auditRow, result, attempt, session);
            hooks.forEach(hook -> hook.beforeCommitStatement(attempt));
        });
    }

    /** The database session a commit ran in: what {@link #landed} needs to learn its outcome. */
    static final class Session {
        private volatile Integer pid;
        private volatile java.time.OffsetDateTime backendStart;
    }

    /**
     * Whether a commit whose connection failed landed: ends the session it ran in (a half-open connection can
     * leave it idle in its transaction, holding the day's locks, and a COMMIT still in flight must not land after
     * the answer), then reads the solve's row on a new connection. Retried with backoff for up to
     * {@code tablesolver.solve.read-back-timeout}; empty when the database could not be asked.
     */
    Optional<Boolean> landed(Session session, String solveId) {
        long deadline = System.nanoTime() + properties.readBackTimeout().toNanos();
        long delayMillis = 200;
        while (true) {
            try {
                if (session.pid != null) {
                    endSession(session);
                }
                String status = jdbc.sql("select status from solve_run where id = :id").param("id", solveId)
                        .query(String.class).optional().orElse(null);
                return Optional.of("COMMITTED".equals(status));
            } catch (RuntimeException e) {
                if (System.nanoTime() + delayMillis * 1_000_000 > deadline) {
                    return Optional.empty();
                }
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return Optional.empty();
                }
                delayMillis = Math.min(delayMillis * 2, 5_000);
            }
        }
    }

    /** Terminates the commit's backend if it still exists and waits until it is gone (its transaction then ended). */
    private void endSession(Session session) {
        jdbc.sql("""
                        select pg_terminate_backend(pid) from pg_stat_activity
                        where pid = :pid and backend_start = :start
                        """)
                .param("pid", session.pid).param("start", session.backendStart).query().listOfRows();
        for (int i = 0; i < 100; i++) {
            boolean alive = jdbc.sql("""
                            select exists (select 1 from pg_stat_activity where pid = :pid and backend_start = :start)
                            """)
                    .param("pid", session.pid).param("start", session.backendStart).query(Boolean.class).single();
            if (!alive) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while ending session " + session.pid, e);
            }
        }
        throw new IllegalStateException("the commit's database session " + session.pid + " did not end");
    }

    private void write(LoadedDay day, PlanChanges changes, SolveRun auditRow, String result,
                       SolveHooks.Attempt attempt, Session session) {
        String restaurantId = day.key().restaurantId();
        jdbc.sql("select pid, backend_start from pg_stat_activity where pid = pg_backend_pid()")
                .query((rs, n) -> {
                    session.pid = rs.getInt("pid");
                    session.backendStart = rs.getObject("backend_start", java.time.OffsetDateTime.class);
                    return null;
                }).list();
        dayLock.lock(day.key());
        changeFeed.declare(ChangeCause.SOLVE);

        FloorPlan plan = floorPlans.lockForBookingWrite(restaurantId);
        if (!plan.equals(day.floorPlan())) {
            throw new CommitConflict("the floor plan of " + restaurantId + " changed while the day was being solved");
        }
        checkVersions(day, changes);
        checkNoNewCapacityHolds(day);
        checkPacingCounted(day, changes);

        List<PlanChanges.BookingChange> written = changes.written();
        String[] tables = written.stream().flatMap(change -> change.tableIds().stream())
                .collect(Collectors.toCollection(TreeSet::new)).toArray(String[]::new);
        if (tables.length > 0) {
            // FOR SHARE in id order: hold placement takes FOR UPDATE on its table, so it waits for this
            // commit and then sees its rows; a hold placed just before is visible to the checks below.
            Rows.exactly(tables.length, jdbc.sql("""
                            select id from dining_table where restaurant_id = :r and id = any(:tables)
                            order by id for share
                            """)
                    .param("r", restaurantId).param("tables", tables).query(String.class).list().size(),
                    "lock planned tables");
        }
        // Set-based from here: a handful of statements whatever the day's size (an XL day writes 6,500 rows).
        List<PlanChanges.BookingChange> moved = written.stream()
                .filter(change -> change.change() == SolveView.Change.MOVED).toList();
        if (!moved.isEmpty()) {
            int deleted = jdbc.sql("delete from table_assignment where restaurant_id = :r and booking_id = any(:b)")
                    .param("r", restaurantId)
                    .param("b", moved.stream().map(PlanChanges.BookingChange::bookingId).toArray(String[]::new))
                    .update();
            Rows.exactly(moved.stream().mapToInt(change -> day.booking(change.bookingId()).tableIds().size()).sum(),
                    deleted, "delete old tables of " + moved.size() + " moved bookings");
        }
        List<String> bookingIds = new java.util.ArrayList<>();
        List<String> tableIds = new java.util.ArrayList<>();
        List<String> seatingIds = new java.util.ArrayList<>();
        for (PlanChanges.BookingChange change : written) {
            for (String tableId : change.tableIds()) {
                bookingIds.add(change.bookingId());
                tableIds.add(tableId);
                seatingIds.add(change.seatingId());
            }
        }
        checkStillFree(restaurantId, bookingIds, tableIds);
        if (!bookingIds.isEmpty()) {
            Rows.exactly(bookingIds.size(), jdbc.sql("""
                            insert into table_assignment (restaurant_id, booking_id, table_id, seating_id, occupied)
                            select b.restaurant_id, b.id, x.table_id, x.seating_id,
                                   tstzrange(b.starts_at, b.starts_at
                                             + make_interval(mins => b.duration_minutes + r.turnover_buffer_minutes),
                                             '[)')
                            from unnest(cast(:bookings as text[]), cast(:tables as text[]), cast(:seatings as text[]))
                                 as x(booking_id, table_id, seating_id)
                            join booking b on b.restaurant_id = :r and b.id = x.booking_id
                            join restaurant r on r.id = b.restaurant_id
                            """)
                    .param("r", restaurantId).param("bookings", bookingIds.toArray(String[]::new))
                    .param("tables", tableIds.toArray(String[]::new))
                    .param("seatings", seatingIds.toArray(String[]::new))
                    .update(), "insert " + bookingIds.size() + " assignments");
            for (int i = 0; i < bookingIds.size(); i++) {
                String bookingId = bookingIds.get(i);
                String tableId = tableIds.get(i);
                hooks.forEach(hook -> hook.assignmentWritten(attempt, bookingId, tableId));
            }
        }
        if (!written.isEmpty()) {
            Rows.exactly(written.size(), jdbc.sql("""
                            update booking b set status = x.after, version = b.version + 1, updated_at = now()
                            from unnest(cast(:ids as text[]), cast(:befores as text[]), cast(:afters as text[]),
                                        cast(:versions as bigint[])) as x(id, before, after, version)
                            where b.restaurant_id = :r and b.id = x.id and b.status = x.before
                              and b.version = x.version
                            """)
                    .param("r", restaurantId)
                    .param("ids", written.stream().map(PlanChanges.BookingChange::bookingId).toArray(String[]::new))
                    .param("befores", written.stream().map(change -> (change.change() == SolveView.Change.NEW
                            ? BookingStatus.PENDING : change.statusAfter()).name()).toArray(String[]::new))
                    .param("afters", written.stream().map(change -> change.statusAfter().name()).toArray(String[]::new))
                    .param("versions", written.stream().map(PlanChanges.BookingChange::loadedVersion)
                            .toArray(Long[]::new))
                    .update(), "update " + written.size() + " bookings at their loaded versions");
        }
        runs.insert(auditRow, result);
    }

    /**
     * Locks the bookings the plan rests on and refuses when any of them changed since it was loaded: every booking
     * the plan seats, and every booking that had tables in the snapshot. A PENDING booking the plan leaves without
     * a table may change meanwhile (cancelled, its party size changed) without making the plan wrong; one that
     * was given tables meanwhile is caught by the check that the plan's tables are still free.
     */
    private void checkVersions(LoadedDay day, PlanChanges changes) {
        record Current(String id, String status, long version) {
        }
        java.util.Set<String> relevant = new TreeSet<>();
        changes.bookings().forEach(change -> relevant.add(change.bookingId()));
        day.bookings().values().stream().filter(booking -> booking.status() != BookingStatus.PENDING)
                .forEach(booking -> relevant.add(booking.id()));
        String[] ids = relevant.toArray(String[]::new);
        if (ids.length == 0) {
            return;
        }
        Map<String, Current> current = jdbc.sql("""
                        select id, status, version from booking
                        where restaurant_id = :r and id = any(:ids)
                        order by id for update
                        """)
                .param("r", day.key().restaurantId()).param("ids", ids)
                .query((rs, n) -> new Current(rs.getString("id"), rs.getString("status"), rs.getLong("version")))
                .list().stream()
                .collect(Collectors.toMap(Current::id, c -> c));
        for (String id : ids) {
            LoadedDay.LoadedBooking loaded = day.booking(id);
            Current now = current.get(loaded.id());
            if (now == null) {
                throw new CommitConflict("booking " + loaded.id() + " disappeared while the day was being solved");
            }
            if (now.version() != loaded.version()) {
                throw new CommitConflict("booking " + loaded.id() + " changed while the day was being solved ("
                        + loaded.status() + " version " + loaded.version() + ", now " + now.status() + " version "
                        + now.version() + ")");
            }
        }
    }

    /**
     * Refuses when a capacity hold of the day, or of another date during the day's bookings, was placed after the
     * snapshot: the plan was made without room for it. Holds that expired or were released meanwhile leave the plan
     * valid.
     */
    private void checkNoNewCapacityHolds(LoadedDay day) {
        List<DayInput.Booking> parties = day.input().bookings();
        String[] known = parties.stream().filter(DayInput.Booking::capacityHold)
                .map(hold -> hold.id().substring(LoadedDay.HOLD_PREFIX.length())).toArray(String[]::new);
        // The time the day's parties span: another date's hold outside it meets none of them.
        long buffer = 60L * day.input().turnoverBufferMinutes();
        Instant from = parties.stream().map(DayInput.Booking::start).min(Instant::compareTo).orElse(Instant.EPOCH);
        Instant to = parties.stream().map(b -> b.start().plusSeconds(60L * b.durationMinutes() + buffer))
                .max(Instant::compareTo).orElse(Instant.EPOCH);
        List<String> added = jdbc.sql("""
                        select id from table_hold
                        where restaurant_id = :r and table_id is null and expires_at > clock_timestamp()
                          and (service_date = :date or held && tstzrange(:from, :to, '[)'))
                          and not (id = any(:known))
                        order by id
                        """)
                .param("r", day.key().restaurantId()).param("date", day.key().date()).param("known", known)
                .param("from", DayLoader.utc(from)).param("to", DayLoader.utc(to))
                .query(String.class).list();
        if (!added.isEmpty()) {
            throw new CommitConflict("capacity hold(s) " + String.join(", ", added)
                    + " were placed while the day was being solved");
        }
    }

    /**
     * With pacing, refuses when a booking of the day was confirmed or seated after the snapshot (an online
     * confirmation, a walk-in) and starts in a pacing slot where the plan confirms bookings: the plan counted that
     * slot's guests without it, so together they may pass the limit. Confirmations in other slots leave the plan
     * valid: a solve only adds guests to a slot by confirming bookings that start in it.
     */
    private void checkPacingCounted(LoadedDay day, PlanChanges changes) {
        DayInput input = day.input();
        if (input.pacing() == null) {
            return;
        }
        Map<String, Instant> starts = input.bookings().stream()
                .collect(Collectors.toMap(DayInput.Booking::id, DayInput.Booking::start, (a, b) -> a));
        java.util.Set<Integer> slots = new TreeSet<>();
        for (PlanChanges.BookingChange change : changes.written()) {
            if (change.change() == SolveView.Change.NEW && starts.containsKey(change.bookingId())) {
                slots.add(SeatingPlanBuilder.pacingIndex(starts.get(change.bookingId()), input));
            }
        }
        if (slots.isEmpty()) {
            return;
        }
        String[] counted = day.bookings().values().stream().filter(b -> b.status() != BookingStatus.PENDING)
                .map(LoadedDay.LoadedBooking::id).toArray(String[]::new);
        record Late(String id, Instant start) {
        }
        List<String> late = jdbc.sql("""
                        select id, starts_at from booking
                        where restaurant_id = :r and service_date = :date and status in ('CONFIRMED', 'SEATED')
                          and not (id = any(:counted))
                        order by id
                        """)
                .param("r", day.key().restaurantId()).param("date", day.key().date()).param("counted", counted)
                .query((rs, n) -> new Late(rs.getString("id"),
                        rs.getObject("starts_at", java.time.OffsetDateTime.class).toInstant()))
                .list().stream()
                .filter(booking -> slots.contains(SeatingPlanBuilder.pacingIndex(booking.start(), input)))
                .map(Late::id).toList();
        if (!late.isEmpty()) {
            throw new CommitConflict("booking(s) " + String.join(", ", late) + " were confirmed or seated while the "
                    + "day was being solved, in a pacing slot where the plan confirms bookings");
        }
    }

    /** Refuses when an active hold or another booking's assignment appeared on a planned table (one query). */
    private void checkStillFree(String restaurantId, List<String> bookingIds, List<String> tableIds) {
        if (bookingIds.isEmpty()) {
            return;
        }
        List<String> taken = jdbc.sql("""
                        with planned as (
                            select x.booking_id, x.table_id,
                                   tstzrange(b.starts_at, b.starts_at
                                             + make_interval(mins => b.duration_minutes + r.turnover_buffer_minutes),
                                             '[)') as occupied
                            from unnest(cast(:bookings as text[]), cast(:tables as text[])) as x(booking_id, table_id)
                            join booking b on b.restaurant_id = :r and b.id = x.booking_id
                            join restaurant r on r.id = b.restaurant_id
                        )
                        select p.booking_id || ': hold ' || h.id || ' on ' || h.table_id
                        from table_hold h join planned p on h.table_id = p.table_id
                        where h.restaurant_id = :r and h.expires_at > clock_timestamp() and h.held && p.occupied
                        union all
                        select p.booking_id || ': booking ' || ta.booking_id || ' on ' || ta.table_id
                        from table_assignment ta join planned p on ta.table_id = p.table_id
                        where ta.restaurant_id = :r and ta.booking_id <> p.booking_id and ta.occupied && p.occupied
                        order by 1
                        limit 10
                        """)
                .param("r", restaurantId).param("bookings", bookingIds.toArray(String[]::new))
                .param("tables", tableIds.toArray(String[]::new))
                .query(String.class).list();
        if (!taken.isEmpty()) {
            throw new CommitConflict("tables the plan gives to bookings were taken meanwhile (" + String.join("; ", taken)
                    + ")");
        }
    }
}
