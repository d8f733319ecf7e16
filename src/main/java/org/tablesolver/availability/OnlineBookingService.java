package org.tablesolver.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.booking.Booking;
import org.tablesolver.booking.BookingRepository;
import org.tablesolver.booking.BookingRequest;
import org.tablesolver.booking.BookingService;
import org.tablesolver.booking.BookingStatus;
import org.tablesolver.booking.LocalTimes;
import org.tablesolver.changes.ChangeCause;
import org.tablesolver.changes.ChangeFeed;
import org.tablesolver.database.Rows;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solve.DayKey;
import org.tablesolver.solve.DayLoader;
import org.tablesolver.solve.DayLock;
import org.tablesolver.solve.LoadedDay;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.web.ApiException;
import org.tablesolver.web.ConflictException;
import org.tablesolver.web.InvalidRequestException;
import org.tablesolver.web.NotFoundException;
import org.tablesolver.web.Problems;
import org.tablesolver.web.RequestValidator;

/**
 * Online booking: availability of a day's grid, instant confirmation of a new booking or a PENDING request,
 * and capacity holds. Every answer comes from {@link SlotJudge} on one snapshot of the day; availability from the
 * {@link AvailabilityView}, which keeps it for the current version of the stored state.
 * <p>
 * Writes (confirmations, holds) take the day's lock ({@link DayLock}, the one the solve commit takes) before
 * reading the day, so they see every committed confirmation, hold and solve, and a solve that ran meanwhile
 * sees them as changes at its commit. A write that still meets a concurrent change (a booking cancelled or
 * moved meanwhile, a table taken by a neighbouring day's booking) is rolled back whole and tried again on a
 * fresh snapshot: a refusal is only ever about committed data.
 */
@Service
@EnableConfigurationProperties(OnlineBookingProperties.class)
public class OnlineBookingService {

    private static final int ALTERNATIVES = 6;

    private final JdbcClient jdbc;
    private final FloorPlanService floorPlans;
    private final BookingService bookingService;
    private final BookingRepository bookings;
    private final DayLoader dayLoader;
    private final DayLock dayLock;
    private final RequestValidator validator;
    private final OnlineBookingProperties properties;
    private final TransactionTemplate write;
    private final AvailabilityView view;
    private final ChangeFeed changeFeed;

    OnlineBookingService(JdbcClient jdbc, FloorPlanService floorPlans, BookingService bookingService,
                         BookingRepository bookings, DayLoader dayLoader, DayLock dayLock, RequestValidator validator,
                         OnlineBookingProperties properties, PlatformTransactionManager transactions,
                         ChangeFeed changeFeed, AvailabilityView view) {
        this.changeFeed = changeFeed;
        this.jdbc = jdbc;
        this.floorPlans = floorPlans;
        this.bookingService = bookingService;
        this.bookings = bookings;
        this.dayLoader = dayLoader;
        this.dayLock = dayLock;
        this.validator = validator;
        this.properties = properties;
        this.write = new TransactionTemplate(transactions);
        this.view = view;
    }

    // ************************************************************************
    // Availability
    // ************************************************************************

    /**
     * The availability of every start of the grid: {@code from} to {@code to} when given, else the day's service
     * periods. 400 naming the parameter for bad input.
     */
    public Availability availability(String restaurantId, LocalDate date, Integer partySize, Integer durationMinutes,
                               String zone, LocalTime from, LocalTime to) {
        Problems problems = party(partySize, durationMinutes);
        problems.check((from == null) == (to == null), from == null ? "from" : "to",
                "from and to go together: give both or neither");
        if (from != null && (from.getSecond() != 0 || from.getNano() != 0)) {
            problems.add("from", "must be a whole minute");
        }
        if (to != null && (to.getSecond() != 0 || to.getNano() != 0)) {
            problems.add("to", "must be a whole minute");
        }
        if (from != null && to != null && to.isBefore(from) && !to.isBefore(LocalTimes.LATE_SERVICE_END)) {
            problems.add("from", "is after to (" + to + "), and to is not late service (before "
                    + LocalTimes.LATE_SERVICE_END + " the next morning)");
        }
        problems.throwIfAny();
        AvailabilityView.DayState state = view.state(new DayKey(restaurantId, date));
        FloorPlan plan = state.plan;
        if (zone != null && !plan.hasZone(zone)) {
            throw new InvalidRequestException("zone", "unknown zone '" + zone + "'");
        }
        int duration = duration(plan, partySize, durationMinutes, "durationMinutes");
        ServiceHours hours = new ServiceHours(plan, date);
        List<LocalDateTime> grid;
        if (from != null) {
            LocalDateTime first = date.atTime(from);
            LocalDateTime last = to.isBefore(from) ? date.plusDays(1).atTime(to) : date.atTime(to);
            grid = hours.grid(first, last);
        } else {
            grid = hours.periodGrid();
            if (grid.isEmpty() && !hours.restricted()) {
                throw new InvalidRequestException("from", "is required: the restaurant has no service periods "
                        + "to take the day's start times from");
            }
        }
        if (grid.size() > properties.maxSlots()) {
            throw new InvalidRequestException(from != null ? "to" : "from", "asks about " + grid.size()
                    + " start times; at most " + properties.maxSlots() + " per request (give a shorter from-to)");
        }
        AvailabilityView.Question question = new AvailabilityView.Question(partySize, duration, zone, from, to);
        return view.answer(state, question, grid).await(view.deadline());
    }

    /** The party's size and stay as availability questions take them: the problems found, to add to. */
    private static Problems party(Integer partySize, Integer durationMinutes) {
        Problems problems = new Problems();
        if (problems.check(partySize != null, "partySize", "is required")) {
            problems.check(partySize >= 1 && partySize <= 100, "partySize", "must be between 1 and 100");
        }
        if (durationMinutes != null) {
            problems.check(durationMinutes >= 15 && durationMinutes <= 720, "durationMinutes",
                    "must be between 15 and 720");
        }
        return problems;
    }

    /**
     * For every date from {@code from} to {@code to}: whether the party can start at some time of the day's service
     * periods (every slot from midnight until late service ends when the restaurant has none), from the same
     * answers as the day's availability. 400 naming the parameter for bad input.
     */
    public Calendar calendar(String restaurantId, Integer partySize, LocalDate from, LocalDate to,
                             Integer durationMinutes, String zone) {
        Problems problems = party(partySize, durationMinutes);
        problems.check(from != null, "from", "is required (a date, e.g. 2026-12-01)");
        if (problems.check(to != null, "to", "is required (a date, e.g. 2026-12-31)") && from != null) {
            if (problems.check(!to.isBefore(from), "to", "must not be before from (" + from + ")")) {
                problems.check(java.time.temporal.ChronoUnit.DAYS.between(from, to) < properties.maxCalendarDays(),
                        "to", "is more than " + properties.maxCalendarDays() + " dates after from (" + from
                                + "): ask for at most " + properties.maxCalendarDays() + " dates at once");
            }
        }
        problems.throwIfAny();
        FloorPlan plan = floorPlans.get(restaurantId);
        if (zone != null && !plan.hasZone(zone)) {
            throw new InvalidRequestException("zone", "unknown zone '" + zone + "'");
        }
        int duration = duration(plan, partySize, durationMinutes, "durationMinutes");
        AvailabilityView.Question question = new AvailabilityView.Question(partySize, duration, zone, null, null);
        long deadline = view.deadline();
        // Every date's computation is queued first, then awaited: they run while the others are loaded.
        List<LocalDate> dates = from.datesUntil(to.plusDays(1)).toList();
        List<Object> pending = new ArrayList<>(dates.size());
        AvailabilityView.Current current = view.current(restaurantId);
        for (LocalDate date : dates) {
            AvailabilityView.DayState state = view.state(new DayKey(restaurantId, date), current);
            ServiceHours hours = new ServiceHours(state.plan, date);
            List<LocalDateTime> grid = hours.restricted() ? hours.periodGrid() : hours.alternativeGrid();
            pending.add(grid.isEmpty() ? state : view.answer(state, question, grid));
        }
        List<Calendar.Day> days = new ArrayList<>(dates.size());
        for (int i = 0; i < dates.size(); i++) {
            if (pending.get(i) instanceof AvailabilityView.DayState closed) {
                days.add(new Calendar.Day(dates.get(i), false, null, null, null,
                        SlotJudge.Code.OUTSIDE_SERVICE_HOURS.name(), closed.asOf));
                continue;
            }
            Availability answer = ((AvailabilityView.Pending) pending.get(i)).await(deadline);
            days.add(calendarDay(answer));
        }
        return new Calendar(restaurantId, partySize, duration, zone, List.copyOf(days));
    }

    /** A day of the calendar from its availability: the first, last and number of available starts, or why none. */
    private static Calendar.Day calendarDay(Availability answer) {
        List<Availability.Slot> open = answer.slots().stream().filter(Availability.Slot::available).toList();
        if (!open.isEmpty()) {
            return new Calendar.Day(answer.date(), true, open.get(0).start(), open.get(open.size() - 1).start(),
                    open.size(), null, answer.asOf());
        }
        // The reason that tells a guest most: the party or zone cannot be seated at all; else no start is open; else
        // no start could be proven either way; else every table is taken; else the kitchen is at its pacing limit.
        List<String> order = List.of("NO_SEATING_FOR_PARTY_SIZE", "NO_SEATING_IN_ZONE", "NOT_PROVEN", "FULL",
                "PACING_LIMIT", "OUTSIDE_SERVICE_HOURS");
        String code = answer.slots().stream().map(Availability.Slot::code)
                .min(java.util.Comparator.comparingInt(order::indexOf)).orElse("OUTSIDE_SERVICE_HOURS");
        return new Calendar.Day(answer.date(), false, null, null, null, code, answer.asOf());
    }

    /** Forgets every kept availability answer (for benchmarks that measure the first answer after a change). */
    public void forgetCachedAvailability() {
        view.forget();
    }

    // ************************************************************************
    // Instant confirmation
    // ************************************************************************

    /**
     * Creates a booking and confirms it now, or refuses it with 409 (code, reason, alternatives) and writes
     * nothing. With {@code holdId} the capacity hold becomes the booking in the same transaction. With a client id
     * it is idempotent: the same id and content answer the stored booking (created = false).
     */
    public ConfirmedBooking createConfirmed(String restaurantId, BookingRequest request) {
        validator.validate(request, "");
        if (!request.confirmOrDefault()) {
            throw new InvalidRequestException("confirm", "must be true to confirm now (or leave it out for a PENDING "
                    + "request)");
        }
        DayKey key = new DayKey(restaurantId, request.date());
        return withRetries(() -> write.execute(status -> {
            SortedSet<LocalDate> locked = lockStay(key, request.start(), request.durationMinutes(),
                    request.partySize());
            changeFeed.declare(ChangeCause.CONFIRM);
            FloorPlan plan = floorPlans.lockForBookingWrite(restaurantId);
            BookingRequest complete = bookingService.checked(plan, request, "");
            requireLocked(locked, plan, key.date(), complete.start(), complete.durationMinutes());
            Optional<Booking> existing = bookingService.existing(restaurantId, complete, "");
            if (existing.isPresent()) {
                return new ConfirmedBooking(existing.get(), List.of(), false);
            }
            bookingService.checkDayNotFull(restaurantId, complete, "");
            CapacityHoldRow hold = complete.holdId() == null ? null : holdToTakeOver(plan, complete);
            LoadedDay day = dayLoader.readInTransaction(key, plan);
            SlotJudge judge = new SlotJudge(plan, day, properties.budget(),
                    hold == null ? null : LoadedDay.HOLD_PREFIX + hold.id());
            SlotJudge.Party party = new SlotJudge.Party(complete.partySize(), complete.durationMinutes(),
                    complete.requiredZone(), complete.preferredZone());
            SlotJudge.Answer answer = judge.judge(complete.start(), party, true);
            if (!answer.available()) {
                throw new Refused(() -> hold == null ? refusal(judge, answer, party)
                        : holdRefusal(judge, answer, party, hold));
            }
            String id = complete.id() != null ? complete.id() : UUID.randomUUID().toString();
            Instant startsAt = LocalTimes.toInstant(complete.start(), plan.zoneId());
            if (!bookings.insertIfAbsent(restaurantId, id, complete, startsAt, BookingStatus.CONFIRMED)) {
                // Created meanwhile by a PENDING create (which does not take the day's lock): answer as a repeat.
                return new ConfirmedBooking(bookingService.existing(restaurantId, complete, "").orElseThrow(),
                        List.of(), false);
            }
            List<ConfirmedBooking.Moved> moved = writeSeatings(day, answer, id);
            if (hold != null) {
                // told to webhook receivers as hold.released with cause BOOKED (V11)
                jdbc.sql("select set_config('tablesolver.hold_release', 'BOOKED', true)").query(String.class).single();
                Rows.exactlyOne(jdbc.sql("delete from table_hold where restaurant_id = :r and id = :id")
                        .param("r", restaurantId).param("id", hold.id()).update(), "take over hold " + hold.id());
            }
            return new ConfirmedBooking(bookings.find(restaurantId, id).orElseThrow(), moved, true);
        }));
    }

    /**
     * Confirms a PENDING booking now (200 with tables and moves) or refuses with 409 and leaves it PENDING. A
     * booking already CONFIRMED or SEATED is answered as it is; a CANCELLED one is a 409.
     */
    public ConfirmedBooking confirmExisting(String restaurantId, String bookingId) {
        return confirmExisting(restaurantId, bookingId, null);
    }

    /** {@link #confirmExisting(String, String)} of the version {@code expectedVersion} only (412 otherwise). */
    public ConfirmedBooking confirmExisting(String restaurantId, String bookingId, Long expectedVersion) {
        floorPlans.get(restaurantId);
        Booking before = bookings.find(restaurantId, bookingId).orElseThrow(() -> new NotFoundException("bookingId",
                "Booking '" + bookingId + "' does not exist at restaurant '" + restaurantId + "'."));
        DayKey key = new DayKey(restaurantId, before.date());
        return withRetries(() -> write.execute(status -> {
            SortedSet<LocalDate> locked = lockStay(key, before.start(), before.durationMinutes(), before.partySize());
            changeFeed.declare(ChangeCause.CONFIRM);
            FloorPlan plan = floorPlans.lockForBookingWrite(restaurantId);
            BookingStatus current = bookings.lock(restaurantId, bookingId, expectedVersion).orElseThrow().status();
            switch (current) {
                case CONFIRMED, SEATED -> {
                    return new ConfirmedBooking(bookings.find(restaurantId, bookingId).orElseThrow(), List.of(), false);
                }
                case CANCELLED, COMPLETED, NO_SHOW -> throw new ConflictException("status",
                        "Booking '" + bookingId + "' is " + current + "; create a new booking instead.");
                case PENDING -> {
                }
            }
            Booking booking = bookings.find(restaurantId, bookingId).orElseThrow();
            requireLocked(locked, plan, key.date(), booking.start(), booking.durationMinutes());
            LoadedDay day = dayLoader.readInTransaction(key, plan);
            SlotJudge judge = new SlotJudge(plan, day, properties.budget(), null);
            SlotJudge.Party party = new SlotJudge.Party(booking.partySize(), booking.durationMinutes(),
                    booking.requiredZone(), booking.preferredZone());
            SlotJudge.Answer answer = judge.judge(booking.start(), party, true);
            if (!answer.available()) {
                throw new Refused(() -> refusal(judge, answer, party));
            }
            bookings.changeStatus(restaurantId, bookingId, BookingStatus.PENDING, BookingStatus.CONFIRMED);
            List<ConfirmedBooking.Moved> moved = writeSeatings(day, answer, bookingId);
            return new ConfirmedBooking(bookings.find(restaurantId, bookingId).orElseThrow(), moved, true);
        }));
    }

    // ************************************************************************
    // Capacity holds
    // ************************************************************************

    /**
     * Admits a capacity hold inside the caller's transaction, which must hold the day's lock and the plan's
     * {@link FloorPlanService#lockForBookingWrite} lock (it passes the plan that gave it): 409 like a
     * refused confirmation when the slot is not available (made by {@link #withRetries}, which the caller runs in).
     * When the hold fits only after a reshuffle, the moves of confirmed bookings are written now (version + 1 each),
     * as for a confirmation: so every capacity hold always fits on tables that are free, and a solve that keeps
     * confirmed bookings where they are can still seat every hold.
     */
    public void admitCapacityHold(FloorPlan plan, LocalDate date, LocalDateTime start, int partySize,
                                  int durationMinutes, String zone) {
        String restaurantId = plan.id();
        changeFeed.declare(ChangeCause.CONFIRM);
        LoadedDay day = dayLoader.readInTransaction(new DayKey(restaurantId, date), plan);
        SlotJudge judge = new SlotJudge(plan, day, properties.budget(), null);
        SlotJudge.Party party = new SlotJudge.Party(partySize, durationMinutes, zone, null);
        SlotJudge.Answer answer = judge.judge(start, party, true);
        if (!answer.available()) {
            throw new Refused(() -> refusal(judge, answer, party));
        }
        writeSeatings(day, answer, null);
    }

    /**
     * Takes the locks of every service date a party of {@code key}'s date touches when it starts at {@code start}
     * ({@link DayLock#lockStay}), before any row lock: the floor plan is read without a lock for the length of the
     * stay (the given duration, else the turn time, else the longest stay allowed) and its turnover buffer.
     */
    public SortedSet<LocalDate> lockStay(DayKey key, LocalDateTime start, Integer durationMinutes, int partySize) {
        FloorPlan seen = floorPlans.get(key.restaurantId());
        int minutes = durationMinutes != null ? durationMinutes
                : seen.turnTime(partySize).orElse(DayLoader.LONGEST_STAY_MINUTES);
        return dayLock.lockStay(key.restaurantId(), key.date(), start,
                start.plusMinutes(minutes + seen.turnoverBufferMinutes()));
    }

    /**
     * A stay whose dates were not all locked (the floor plan's buffer or turn times changed between the unlocked
     * read and the lock): the write is tried again.
     */
    public static void requireLocked(SortedSet<LocalDate> locked, FloorPlan plan, LocalDate date, LocalDateTime start,
                                     int durationMinutes) {
        if (!locked.containsAll(DayLock.datesTouched(date, start,
                start.plusMinutes(durationMinutes + plan.turnoverBufferMinutes())))) {
            throw new Retries.ConcurrentChange("the floor plan changed the length of the stay while it was locked");
        }
    }

    /** The duration of a party: the one given, else the restaurant's turn time, else 400 naming {@code field}. */
    public static int duration(FloorPlan plan, int partySize, Integer given, String field) {
        if (given != null) {
            return given;
        }
        return plan.turnTime(partySize).orElseThrow(() -> new InvalidRequestException(field,
                "is required: the restaurant's turnTimes give no duration for a party of " + partySize));
    }

    /** The service date a start belongs to: the day before for starts before 06:00 (late service). */
    public static LocalDate serviceDateOf(LocalDateTime start) {
        return start.toLocalTime().isBefore(LocalTimes.LATE_SERVICE_END) ? start.toLocalDate().minusDays(1)
                : start.toLocalDate();
    }

    private record CapacityHoldRow(String id, LocalDate date, Instant start, int partySize, int durationMinutes,
                                   String zone, boolean active) {
    }

    /** The hold a booking takes over: 404 unknown, 409 HOLD_EXPIRED, 400 when the booking does not fit inside it. */
    private CapacityHoldRow holdToTakeOver(FloorPlan plan, BookingRequest request) {
        String restaurantId = plan.id();
        CapacityHoldRow hold = jdbc.sql("""
                        select id, service_date, lower(held) as held_from, party_size, duration_minutes, zone_id,
                               expires_at > clock_timestamp() as active
                        from table_hold
                        where restaurant_id = :r and id = :id and table_id is null
                        for update
                        """)
                .param("r", restaurantId).param("id", request.holdId())
                .query((rs, n) -> new CapacityHoldRow(rs.getString("id"), rs.getObject("service_date", LocalDate.class),
                        rs.getObject("held_from", OffsetDateTime.class).toInstant(), rs.getInt("party_size"),
                        rs.getInt("duration_minutes"), rs.getString("zone_id"), rs.getBoolean("active")))
                .optional()
                .orElseThrow(() -> new NotFoundException("holdId", "Capacity hold '" + request.holdId()
                        + "' does not exist at restaurant '" + restaurantId + "'."));
        if (!hold.active()) {
            throw (ApiException) new ConflictException("holdId", "Hold '" + hold.id() + "' has expired; ask for "
                    + "availability again.").withProperty("code", SlotJudge.Code.HOLD_EXPIRED.name())
                    .withProperty("alternatives", List.of());
        }
        Problems problems = new Problems();
        problems.check(request.date().equals(hold.date()), "date", "must be the hold's service date " + hold.date());
        Instant start = LocalTimes.toInstant(request.start(), plan.zoneId());
        problems.check(hold.start().equals(start), "start", "must be the hold's start");
        problems.check(request.partySize() <= hold.partySize(), "partySize",
                "must be at most the hold's party of " + hold.partySize());
        problems.check(request.durationMinutes() <= hold.durationMinutes(), "durationMinutes",
                "must be at most the hold's " + hold.durationMinutes() + " minutes");
        problems.check(hold.zone() == null || request.requiredZone() == null || hold.zone().equals(request.requiredZone()),
                "requiredZone", "must be the hold's zone '" + hold.zone() + "' (or none)");
        problems.throwIfAny();
        return hold;
    }

    /**
     * A booking that takes over a capacity hold is refused only when it asks for other than the hold kept room for:
     * fewer guests (a table that seats the hold's party may need more) or a zone the hold did not name. The 409
     * names that field and says the hold stays.
     */
    private static BookingRefusedException holdRefusal(SlotJudge judge, SlotJudge.Answer answer, SlotJudge.Party party,
                                                       CapacityHoldRow hold) {
        String field = party.partySize() != hold.partySize() ? "partySize"
                : hold.zone() == null && party.requiredZone() != null ? "requiredZone" : null;
        if (field == null) {
            return refusal(judge, answer, party);
        }
        String kept = "The hold '%s' keeps room for a party of %d in %s until it expires; this booking asks for a "
                .formatted(hold.id(), hold.partySize(), hold.zone() == null ? "any zone" : "zone '" + hold.zone() + "'")
                + (field.equals("partySize") ? "party of " + party.partySize()
                : "party in zone '" + party.requiredZone() + "'") + ", which is checked again: ";
        return new BookingRefusedException(field, answer.code(), kept + answer.reason(),
                alternatives(judge, answer, party));
    }

    static BookingRefusedException refusal(SlotJudge judge, SlotJudge.Answer answer, SlotJudge.Party party) {
        String field = switch (answer.code()) {
            case NO_SEATING_FOR_PARTY_SIZE -> "partySize";
            case NO_SEATING_IN_ZONE -> "requiredZone";
            default -> "start";
        };
        return new BookingRefusedException(field, answer.code(), answer.reason(), alternatives(judge, answer, party));
    }

    private static List<LocalDateTime> alternatives(SlotJudge judge, SlotJudge.Answer answer, SlotJudge.Party party) {
        return switch (answer.code()) {
            case NO_SEATING_FOR_PARTY_SIZE, NO_SEATING_IN_ZONE -> List.of();
            default -> judge.alternatives(answer.start(), party, ALTERNATIVES);
        };
    }

    /**
     * Writes the verdict: the new party's tables (unless {@code bookingId} is null: a capacity hold), and new
     * tables for every booking it moves (their old rows
     * deleted first, version + 1 while still at the version of the snapshot). Capacity holds name no table, so
     * their new seatings are not written.
     */
    private List<ConfirmedBooking.Moved> writeSeatings(LoadedDay day, SlotJudge.Answer answer, String bookingId) {
        SeatingCheck.Verdict verdict = answer.verdict();
        String restaurantId = day.key().restaurantId();
        Map<String, Seating> seatings = verdict.seatings();
        List<ConfirmedBooking.Moved> moved = new ArrayList<>();
        for (String movedId : verdict.moved()) {
            if (movedId.startsWith(LoadedDay.HOLD_PREFIX)) {
                continue;
            }
            LoadedDay.LoadedBooking loaded = day.booking(movedId);
            int deleted = jdbc.sql("delete from table_assignment where restaurant_id = :r and booking_id = :b")
                    .param("r", restaurantId).param("b", movedId).update();
            if (deleted != loaded.tableIds().size()) {
                throw new Retries.ConcurrentChange("booking " + movedId + " changed tables meanwhile");
            }
            int updated = jdbc.sql("""
                            update booking set version = version + 1, updated_at = now()
                            where restaurant_id = :r and id = :b and status = 'CONFIRMED' and not pinned
                              and version = :version
                            """)
                    .param("r", restaurantId).param("b", movedId).param("version", loaded.version()).update();
            if (updated != 1) {
                throw new Retries.ConcurrentChange("booking " + movedId + " changed meanwhile");
            }
        }
        // Inserts after all deletions, so parties that trade tables do not meet the exclusion constraint.
        for (String movedId : verdict.moved()) {
            if (!movedId.startsWith(LoadedDay.HOLD_PREFIX)) {
                Seating seating = seatings.get(movedId);
                insertAssignments(restaurantId, movedId, seating);
                moved.add(new ConfirmedBooking.Moved(movedId, ordered(day.floorPlan(), seating)));
            }
        }
        if (bookingId != null) {
            insertAssignments(restaurantId, bookingId, seatings.get(answer.candidateId()));
        }
        return List.copyOf(moved);
    }

    private void insertAssignments(String restaurantId, String bookingId, Seating seating) {
        for (String tableId : seating.getTableIds()) {
            bookings.insertAssignment(restaurantId, bookingId, tableId, seating.getId());
        }
    }

    private static List<String> ordered(FloorPlan plan, Seating seating) {
        return plan.tables().stream().map(FloorPlan.Table::id).filter(seating.getTableIds()::contains).toList();
    }

    /** A {@link Replanner} for the host's changes to a day loaded in the caller's transaction. */
    public Replanner replanner(FloorPlan plan, LoadedDay day) {
        return new Replanner(plan, day, properties);
    }

    /**
     * Runs a write of a day, again on a fresh snapshot when it met a concurrent change (then 409). A refusal's
     * alternatives are looked for after its transaction ended, on the snapshot it was refused on: no lock and no
     * connection is held meanwhile.
     */
    public <T> T withRetries(Supplier<T> attempt) {
        try {
            return Retries.retry(properties.maxAttempts(), attempt);
        } catch (Refused refused) {
            throw refused.problem.get();
        }
    }

    /** A refusal inside a write's transaction: it rolls the transaction back, and the 409 is made after it. */
    private static final class Refused extends RuntimeException {
        private final transient Supplier<BookingRefusedException> problem;

        Refused(Supplier<BookingRefusedException> problem) {
            super("refused", null, false, false);
            this.problem = problem;
        }
    }

}
