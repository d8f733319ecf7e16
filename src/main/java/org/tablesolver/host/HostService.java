package org.tablesolver.host;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.availability.ConfirmedBooking;
import org.tablesolver.availability.OnlineBookingService;
import org.tablesolver.availability.Replanner;
import org.tablesolver.booking.Booking;
import org.tablesolver.booking.BookingRepository;
import org.tablesolver.booking.BookingRequest;
import org.tablesolver.booking.BookingService;
import org.tablesolver.booking.BookingStatus;
import org.tablesolver.booking.LocalTimes;
import org.tablesolver.changes.ChangeCause;
import org.tablesolver.changes.ChangeFeed;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.floorplan.PlanReseater;
import org.tablesolver.solve.DayKey;
import org.tablesolver.solve.DayLoader;
import org.tablesolver.solve.DayLock;
import org.tablesolver.solve.LoadedDay;
import org.tablesolver.solver.model.BookingState;
import org.tablesolver.web.ApiException;
import org.tablesolver.web.ConflictException;
import org.tablesolver.web.InvalidRequestException;
import org.tablesolver.web.JsonProblems;
import org.tablesolver.web.NotFoundException;
import org.tablesolver.web.Problems;
import org.tablesolver.web.RequestValidator;

/**
 * A host's actions on a service night: change a booking, seat a party by hand (and pin it), seat a walk-in or
 * quote the wait, finish a stay, mark a no-show. Every action that needs room runs the exact confirmation check
 * ({@link Replanner}) on the day's committed state under the day's lock, may move confirmed parties that are not
 * pinned (listed in {@code moved}), and writes all or nothing; a refusal names what is in the way.
 */
@Service
public class HostService implements PlanReseater {

    /** How far ahead a walk-in's waiting time is looked for. */
    static final int WAIT_HORIZON_MINUTES = 180;
    private static final Set<String> SEATED_FIELDS = Set.of("durationMinutes", "partySize", "guestName", "notes",
            "externalRef", "tags");

    private final JdbcClient jdbc;
    private final FloorPlanService floorPlans;
    private final BookingRepository bookings;
    private final BookingService bookingService;
    private final DayLoader dayLoader;
    private final DayLock dayLock;
    private final OnlineBookingService online;
    private final ChangeFeed changeFeed;
    private final ObjectMapper objectMapper;
    private final RequestValidator validator;
    private final TransactionTemplate write;
    private final Clock clock;

    HostService(JdbcClient jdbc, FloorPlanService floorPlans, BookingRepository bookings, BookingService bookingService,
                DayLoader dayLoader, DayLock dayLock, OnlineBookingService online, ChangeFeed changeFeed,
                ObjectMapper objectMapper, RequestValidator validator, PlatformTransactionManager transactions,
                ObjectProvider<Clock> clock) {
        this.validator = validator;
        this.jdbc = jdbc;
        this.floorPlans = floorPlans;
        this.bookings = bookings;
        this.bookingService = bookingService;
        this.dayLoader = dayLoader;
        this.dayLock = dayLock;
        this.online = online;
        this.changeFeed = changeFeed;
        this.objectMapper = objectMapper;
        this.write = new TransactionTemplate(transactions);
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    // ************************************************************************
    // The end of a stay
    // ************************************************************************

    /** SEATED → COMPLETED: its tables are free from this minute (their stored occupancy ends now). */
    public Booking complete(String restaurantId, String bookingId, Long expectedVersion) {
        return write.execute(status -> {
            floorPlans.lockForBookingWrite(restaurantId);
            Booking booking = locked(restaurantId, bookingId, expectedVersion);
            if (booking.status() != BookingStatus.SEATED) {
                throw new ConflictException("status", "Only a SEATED booking can be completed; booking '" + bookingId
                        + "' is " + booking.status() + ".");
            }
            jdbc.sql("""
                            update table_assignment
                            set occupied = tstzrange(lower(occupied),
                                                     least(upper(occupied), greatest(lower(occupied) + interval '1 minute',
                                                                                     date_trunc('minute', :now))), '[)')
                            where restaurant_id = :r and booking_id = :b
                            """)
                    .param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .param("r", restaurantId).param("b", bookingId).update();
            bookings.changeStatus(restaurantId, bookingId, BookingStatus.SEATED, BookingStatus.COMPLETED);
            return bookings.find(restaurantId, bookingId).orElseThrow();
        });
    }

    /** CONFIRMED → NO_SHOW: the guests never came; its tables are released. */
    public Booking noShow(String restaurantId, String bookingId, Long expectedVersion) {
        return write.execute(status -> {
            floorPlans.lockForBookingWrite(restaurantId);
            Booking booking = locked(restaurantId, bookingId, expectedVersion);
            if (booking.status() != BookingStatus.CONFIRMED) {
                throw new ConflictException("status", "Only a CONFIRMED booking can be a no-show; booking '"
                        + bookingId + "' is " + booking.status() + ".");
            }
            bookings.deleteAssignments(restaurantId, bookingId);
            bookings.changeStatus(restaurantId, bookingId, BookingStatus.CONFIRMED, BookingStatus.NO_SHOW);
            return bookings.find(restaurantId, bookingId).orElseThrow();
        });
    }

    // ************************************************************************
    // Change a booking
    // ************************************************************************

    /**
     * Applies a JSON merge patch. PENDING: updated. CONFIRMED: keeps its tables when they still fit and are free,
     * otherwise it is re-seated exactly (others may move) or 409 and nothing changes. SEATED: only the stay's
     * length, the party size and guest fields; a longer stay moves the next party on its table if it can.
     */
    public ConfirmedBooking change(String restaurantId, String bookingId, JsonNode body, Long expectedVersion) {
        if (body == null || !body.isObject()) {
            throw new InvalidRequestException("", "The body must be a JSON object: the fields to change (RFC 7396).");
        }
        BookingPatch patch;
        try {
            patch = objectMapper.treeToValue(body, BookingPatch.class);
        } catch (JsonProcessingException e) {
            throw JsonProblems.toInvalidRequest(e);
        }
        Set<String> present = new LinkedHashSet<>();
        body.fieldNames().forEachRemaining(present::add);
        return writeDay(restaurantId, bookingId, ChangeCause.CHANGE, (plan, key) -> {
            Booking before = locked(restaurantId, bookingId, expectedVersion);
            if (!before.status().active()) {
                throw new ConflictException("status", "Booking '" + bookingId + "' is " + before.status()
                        + ": it can no longer change.");
            }
            if (before.status() == BookingStatus.SEATED) {
                for (String field : present) {
                    if (!SEATED_FIELDS.contains(field)) {
                        throw new ConflictException(field, "Booking '" + bookingId + "' is SEATED: only "
                                + "durationMinutes, partySize and the guest fields can change.");
                    }
                }
            }
            Booking after = applied(plan, before, patch, present);
            if (after.equals(before)) {
                return new ConfirmedBooking(before, List.of(), false);
            }
            return switch (before.status()) {
                case PENDING -> {
                    bookings.update(after, plan.zoneId());
                    yield new ConfirmedBooking(bookings.find(restaurantId, bookingId).orElseThrow(), List.of(), true);
                }
                case CONFIRMED -> changeConfirmed(plan, key, before, after);
                case SEATED -> changeSeated(plan, key, before, after);
                default -> throw new IllegalStateException(before.status().name());
            };
        });
    }

    /**
     * Runs a host's write on a booking's day: under the day's lock, with the cause of its changes declared and the
     * floor plan locked for booking writes; again on a fresh snapshot when it met a concurrent change.
     */
    private <T> T writeDay(String restaurantId, String bookingId, ChangeCause cause,
                           java.util.function.BiFunction<FloorPlan, DayKey, T> work) {
        DayKey key = new DayKey(restaurantId, existing(restaurantId, bookingId).date());
        return online.withRetries(() -> write.execute(status -> {
            dayLock.lock(key);
            changeFeed.declare(cause);
            return work.apply(floorPlans.lockForBookingWrite(restaurantId), key);
        }));
    }

    private ConfirmedBooking changeConfirmed(FloorPlan plan, DayKey key, Booking before, Booking after) {
        String restaurantId = plan.id();
        boolean needsRoom = !after.start().equals(before.start()) || after.durationMinutes() != before.durationMinutes()
                || after.partySize() != before.partySize()
                || !Objects.equals(after.requiredZone(), before.requiredZone());
        if (!needsRoom) {
            bookings.update(after, plan.zoneId());
            return new ConfirmedBooking(bookings.find(restaurantId, before.id()).orElseThrow(), List.of(), true);
        }
        LoadedDay day = dayLoader.readInTransaction(key, plan);
        Replanner replanner = online.replanner(plan, day);
        Seat current = Seat.of(plan, before.seating());
        boolean keeps = current.fits(after.partySize(), after.requiredZone()) == null
                && blockers(restaurantId, before.id(), current.tables(), window(plan, after)).isEmpty();
        if (keeps) {
            ConflictException rules = replanner.rules(before.id(), after.start(), after.partySize(),
                    after.durationMinutes(), after.requiredZone());
            if (rules != null) {
                throw rules;
            }
            replanner.fix(before.id(), LocalTimes.toInstant(after.start(), plan.zoneId()), after.durationMinutes(),
                    after.partySize(), after.preferredZone(), after.requiredZone(), state(after.status()),
                    new Replanner.Placed(current.id(), current.tables()));
            refuseUnlessHoldsFit(replanner, plan, after, "start", "Booking '" + before.id() + "' changed on "
                    + current.id());
            bookings.deleteAssignments(restaurantId, before.id());
            bookings.update(after, plan.zoneId());
            List<ConfirmedBooking.Moved> moved = replanner.write(jdbc, bookings, List.of(before.id()));
            return new ConfirmedBooking(bookings.find(restaurantId, before.id()).orElseThrow(), moved, true);
        }
        if (before.pinned() && after.pinned()) {
            throw new ConflictException("pinned", "Booking '" + before.id() + "' is pinned to " + before.seating()
                    + ", which does not take the change; unpin it (\"pinned\": false) to let it move.");
        }
        ConflictException refusal = replanner.place(before.id(), after.start(), after.partySize(),
                after.durationMinutes(), after.requiredZone(), after.preferredZone(), true);
        if (refusal != null) {
            throw refusal;
        }
        bookings.deleteAssignments(restaurantId, before.id());
        bookings.update(after, plan.zoneId());
        List<ConfirmedBooking.Moved> moved = replanner.write(jdbc, bookings, List.of(before.id()));
        return new ConfirmedBooking(bookings.find(restaurantId, before.id()).orElseThrow(), moved, true);
    }

    private ConfirmedBooking changeSeated(FloorPlan plan, DayKey key, Booking before, Booking after) {
        String restaurantId = plan.id();
        Seat seat = Seat.of(plan, before.seating());
        String misfit = seat.fits(after.partySize(), null);
        if (misfit != null) {
            throw new ConflictException("partySize", misfit);
        }
        Blockers blockers = blockers(restaurantId, before.id(), seat.tables(), window(plan, after));
        if (!blockers.holds().isEmpty()) {
            throw blockers.conflict("durationMinutes", "The longer stay of booking '" + before.id() + "' on "
                    + seat.id() + " meets");
        }
        Replanner replanner = null;
        if (!blockers.bookings().isEmpty()) {
            replanner = reseatOthers(plan, key, before, after, seat, blockers, "durationMinutes",
                    "The longer stay of booking '" + before.id() + "' on " + seat.id() + " meets");
        }
        replanner = keepHoldsFitting(plan, key, before, after, seat, replanner, "durationMinutes",
                "The longer stay of booking '" + before.id() + "' on " + seat.id());
        bookings.deleteAssignments(restaurantId, before.id());
        bookings.update(after, plan.zoneId());
        List<ConfirmedBooking.Moved> moved = List.of();
        if (replanner != null) {
            moved = replanner.write(jdbc, bookings, List.of(before.id()));
        } else {
            insert(restaurantId, before.id(), seat);
        }
        return new ConfirmedBooking(bookings.find(restaurantId, before.id()).orElseThrow(), moved, true);
    }

    /** The booking with the patch applied and checked (400 naming the field); status and tables unchanged. */
    private Booking applied(FloorPlan plan, Booking before, BookingPatch patch, Set<String> present) {
        Problems problems = new Problems();
        problems.check(!present.contains("start") || patch.start() != null, "start", "cannot be removed");
        problems.check(!present.contains("durationMinutes") || patch.durationMinutes() != null, "durationMinutes",
                "cannot be removed");
        problems.check(!present.contains("partySize") || patch.partySize() != null, "partySize", "cannot be removed");
        problems.throwIfAny();
        BookingRequest request = new BookingRequest(before.id(), before.date(),
                present.contains("start") ? patch.start() : before.start(),
                present.contains("durationMinutes") ? patch.durationMinutes() : before.durationMinutes(),
                present.contains("partySize") ? patch.partySize() : before.partySize(),
                present.contains("preferredZone") ? patch.preferredZone() : before.preferredZone(),
                present.contains("requiredZone") ? patch.requiredZone() : before.requiredZone(),
                present.contains("priority") ? (patch.priority() == null ? 0 : patch.priority()) : before.priority(),
                present.contains("pinned") ? patch.pinned() != null && patch.pinned() : before.pinned(), null, null,
                present.contains("guestName") ? patch.guestName() : before.guestName(),
                present.contains("notes") ? patch.notes() : before.notes(),
                present.contains("externalRef") ? patch.externalRef() : before.externalRef(),
                present.contains("tags") ? (patch.tags() == null ? List.of() : patch.tags()) : before.tags());
        // the rules of a new booking: Bean Validation, then those that need the floor plan (start, zones)
        validator.validate(request, "");
        bookingService.checked(plan, request, "");
        return new Booking(before.id(), before.restaurantId(), before.date(), request.start(),
                request.durationMinutes(), request.partySize(), request.preferredZone(), request.requiredZone(),
                request.priorityOrDefault(), request.pinnedOrDefault(), before.status(), before.tables(),
                before.seating(), before.version(), request.guestName(), request.notes(), request.externalRef(),
                List.copyOf(request.tagsOrDefault()));
    }

    // ************************************************************************
    // Seat by hand
    // ************************************************************************

    /**
     * Puts a PENDING or CONFIRMED booking (or a SEATED party that changes table) on a seating: 200 CONFIRMED (or
     * still SEATED). A seating that is taken is a 409 naming the bookings and holds in the way; with
     * {@code moveOthers} the bookings are re-seated elsewhere when the exact check finds a way.
     */
    public ConfirmedBooking seat(String restaurantId, String bookingId, SeatingRequest request, Long expectedVersion) {
        if (request == null || request.seating() == null || request.seating().isBlank()) {
            throw new InvalidRequestException("seating", "is required: a table or combination id");
        }
        return writeDay(restaurantId, bookingId, ChangeCause.HOST, (plan, key) -> {
            Seat seat = Seat.of(plan, request.seating());
            if (seat == null) {
                throw new InvalidRequestException("seating", "unknown table or combination '" + request.seating() + "'");
            }
            Booking before = locked(restaurantId, bookingId, expectedVersion);
            if (!before.status().active()) {
                throw new ConflictException("status", "Booking '" + bookingId + "' is " + before.status()
                        + ": it cannot be seated.");
            }
            String misfit = seat.fits(before.partySize(), before.requiredZone());
            if (misfit != null) {
                throw new ConflictException("seating", misfit);
            }
            boolean pinned = request.pinned() != null ? request.pinned() : before.pinned();
            BookingStatus statusAfter = before.status() == BookingStatus.PENDING ? BookingStatus.CONFIRMED
                    : before.status();
            if (seat.id().equals(before.seating()) && pinned == before.pinned()) {
                return new ConfirmedBooking(before, List.of(), false);
            }
            Booking after = new Booking(before.id(), before.restaurantId(), before.date(), before.start(),
                    before.durationMinutes(), before.partySize(), before.preferredZone(), before.requiredZone(),
                    before.priority(), pinned, statusAfter, before.tables(), before.seating(), before.version(),
                    before.guestName(), before.notes(), before.externalRef(), before.tags());
            Replanner replanner = null;
            if (!seat.id().equals(before.seating())) {
                Blockers blockers = blockers(restaurantId, bookingId, seat.tables(), window(plan, before));
                if (!blockers.holds().isEmpty() || (!blockers.bookings().isEmpty() && !request.moveOthersOrDefault())) {
                    throw blockers.conflict("seating", seat.id() + " is taken at "
                            + before.start().toLocalTime() + "-" + before.start().plusMinutes(before.durationMinutes()
                            + plan.turnoverBufferMinutes()).toLocalTime() + " by");
                }
                if (!blockers.bookings().isEmpty()) {
                    replanner = reseatOthers(plan, key, before, after, seat, blockers, "seating",
                            "Seating booking '" + bookingId + "' on " + seat.id() + " meets");
                }
                replanner = keepHoldsFitting(plan, key, before, after, seat, replanner, "seating",
                        "Seating booking '" + bookingId + "' on " + seat.id());
            }
            bookings.deleteAssignments(restaurantId, bookingId);
            bookings.update(after, plan.zoneId());
            List<ConfirmedBooking.Moved> moved = List.of();
            if (replanner != null) {
                moved = replanner.write(jdbc, bookings, List.of(bookingId));
            } else {
                insert(restaurantId, bookingId, seat);
            }
            return new ConfirmedBooking(bookings.find(restaurantId, bookingId).orElseThrow(), moved, true);
        });
    }

    /**
     * Fixes {@code after} on {@code seat} and re-seats the bookings in the way, one after the other, each exactly
     * (others may move); a 409 naming the first that cannot be re-seated, or one that is SEATED or pinned.
     */
    private Replanner reseatOthers(FloorPlan plan, DayKey key, Booking before, Booking after, Seat seat,
                                   Blockers blockers, String field, String what) {
        for (Booking other : blockers.bookings()) {
            if (other.status() == BookingStatus.SEATED || other.pinned()) {
                throw new Blockers(List.of(other), List.of()).conflict(field, what + " a booking that cannot move ("
                        + (other.pinned() ? "pinned" : "SEATED") + "):");
            }
        }
        Replanner replanner = fixedOn(plan, key, before, after, seat);
        for (Booking other : blockers.bookings()) {
            ConflictException refusal = replanner.place(other.id(), other.start(), other.partySize(),
                    other.durationMinutes(), other.requiredZone(), other.preferredZone(), false);
            if (refusal != null) {
                throw new Blockers(List.of(other), List.of()).conflict(field, what + " a booking that no other "
                        + "seating takes (" + refusal.getMessage() + "):");
            }
        }
        return replanner;
    }

    /** The day, loaded in this transaction, with {@code after} fixed on {@code seat} (the host's decision). */
    private Replanner fixedOn(FloorPlan plan, DayKey key, Booking before, Booking after, Seat seat) {
        LoadedDay day = dayLoader.readInTransaction(key, plan);
        Replanner replanner = online.replanner(plan, day);
        replanner.fix(before.id(), LocalTimes.toInstant(after.start(), plan.zoneId()), after.durationMinutes(),
                after.partySize(), after.preferredZone(), after.requiredZone(), state(after.status()),
                new Replanner.Placed(seat.id(), seat.tables()));
        return replanner;
    }

    /**
     * A capacity hold names no table, so a party the host puts on a free table may take the room a hold counted on:
     * when an active capacity hold meets the party's stay, every such hold is placed again exactly (confirmed
     * parties in the way may move, as when it was admitted). Returns the replanner that holds the decisions (the
     * one given, or a new one with {@code after} fixed on {@code seat}; null when no hold meets the stay and none
     * was given); a 409 naming the first hold that no longer fits.
     */
    private Replanner keepHoldsFitting(FloorPlan plan, DayKey key, Booking before, Booking after, Seat seat,
                                       Replanner replanner, String field, String what) {
        Instant[] window = window(plan, after);
        boolean anyMeets = !jdbc.sql("""
                        select id from table_hold
                        where restaurant_id = :r and table_id is null and expires_at > clock_timestamp()
                          and held && tstzrange(:from, :to, '[)')
                        limit 1
                        """)
                .param("r", plan.id()).param("from", window[0].atOffset(ZoneOffset.UTC))
                .param("to", window[1].atOffset(ZoneOffset.UTC)).query(String.class).list().isEmpty();
        if (!anyMeets) {
            return replanner;
        }
        Replanner decided = replanner != null ? replanner : fixedOn(plan, key, before, after, seat);
        refuseUnlessHoldsFit(decided, plan, after, field, what);
        return decided;
    }

    /** A 409 naming the first active capacity hold that meets {@code after}'s stay and no longer fits. */
    private static void refuseUnlessHoldsFit(Replanner replanner, FloorPlan plan, Booking after, String field,
                                             String what) {
        Instant[] window = window(plan, after);
        String hold = replanner.holdThatNoLongerFits(window[0], window[1]);
        if (hold != null) {
            throw (ApiException) new ConflictException(field, what + " leaves no room for capacity hold '" + hold
                    + "': no seating is left for its party, even if the confirmed parties that may move are moved.")
                    .withProperty("bookings", List.of()).withProperty("holds", List.of(hold));
        }
    }

    // ************************************************************************
    // Walk-ins
    // ************************************************************************

    /**
     * Seats a party now (restaurant-local now, to the minute) on a seating free for its stay, moving confirmed
     * parties that are not pinned if that makes room: 201 SEATED. Otherwise 409 with {@code waitMinutes}, the
     * earliest start within three hours at which it can be seated (null if none).
     */
    public ConfirmedBooking walkIn(String restaurantId, WalkInRequest request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("partySize", "is required").throwIfAny();
        }
        if (problems.check(request.partySize() != null, "partySize", "is required")) {
            problems.check(request.partySize() >= 1 && request.partySize() <= 100, "partySize",
                    "must be between 1 and 100");
        }
        if (request.durationMinutes() != null) {
            problems.check(request.durationMinutes() >= 15 && request.durationMinutes() <= 720, "durationMinutes",
                    "must be between 15 and 720");
        }
        if (request.guestName() != null) {
            problems.check(!request.guestName().isEmpty() && request.guestName().length() <= 200, "guestName",
                    "must be 1 to 200 characters");
        }
        problems.throwIfAny();
        FloorPlan known = floorPlans.get(restaurantId);
        if (request.zone() != null && !known.hasZone(request.zone())) {
            throw new InvalidRequestException("zone", "unknown zone '" + request.zone() + "'");
        }
        int duration = OnlineBookingService.duration(known, request.partySize(), request.durationMinutes(),
                "durationMinutes");
        LocalDateTime now = LocalDateTime.now(clock.withZone(known.zoneId())).truncatedTo(ChronoUnit.MINUTES);
        DayKey key = new DayKey(restaurantId, OnlineBookingService.serviceDateOf(now));
        String id = UUID.randomUUID().toString();
        return online.withRetries(() -> write.execute(status -> {
            SortedSet<LocalDate> locked = online.lockStay(key, now, duration + 1, request.partySize());
            changeFeed.declare(ChangeCause.HOST);
            FloorPlan plan = floorPlans.lockForBookingWrite(restaurantId);
            OnlineBookingService.requireLocked(locked, plan, key.date(), now, duration + 1);
            bookingService.checkDayNotFull(restaurantId, new BookingRequest(id, key.date(), now, duration,
                    request.partySize(), null, request.zone(), 0, false, null, null, null, null, null, null), "");
            LoadedDay day = dayLoader.readInTransaction(key, plan);
            Replanner replanner = online.replanner(plan, day);
            LocalDateTime start = now;
            ConflictException refusal = replanner.place(id, now, request.partySize(), duration, request.zone(), null,
                    false);
            if (refusal != null && OnlineBookingService.serviceDateOf(now.plusMinutes(1)).equals(key.date())
                    && replanner.place(id, now.plusMinutes(1), request.partySize(), duration,
                    request.zone(), null, false) == null) {
                // A table that frees within this minute (its party completed a moment ago, in the minute it sat
                // down): the party sits down now, its stay counted from the next minute.
                start = now.plusMinutes(1);
                refusal = null;
            }
            if (refusal != null) {
                Integer wait = replanner.waitMinutes(now, WAIT_HORIZON_MINUTES, request.partySize(), duration,
                        request.zone());
                throw (ApiException) new ConflictException("partySize", "No seating is free now for a party of "
                        + request.partySize() + (request.zone() == null ? "" : " in zone '" + request.zone() + "'")
                        + " (" + refusal.getMessage() + "). " + (wait == null
                        ? "None frees up within " + WAIT_HORIZON_MINUTES / 60 + " hours."
                        : "The earliest start is in " + wait + " minutes, at " + now.plusMinutes(wait).toLocalTime()
                        + "."))
                        .withProperty("code", refusal.properties().get("code"))
                        .withProperty("waitMinutes", wait);
            }
            BookingRequest booking = new BookingRequest(id, key.date(), start, duration, request.partySize(), null,
                    request.zone(), 0, false, null, null, request.guestName(), null, null, null);
            Instant startsAt = LocalTimes.toInstant(start, plan.zoneId());
            if (!bookings.insertIfAbsent(restaurantId, id, booking, startsAt, BookingStatus.SEATED)) {
                throw new IllegalStateException("walk-in id " + id + " exists");
            }
            List<ConfirmedBooking.Moved> moved = replanner.write(jdbc, bookings, List.of(id));
            return new ConfirmedBooking(bookings.find(restaurantId, id).orElseThrow(), moved, true);
        }));
    }

    // ************************************************************************
    // Floor-plan changes that re-seat
    // ************************************************************************

    /**
     * Replaces the floor plan and re-seats the future CONFIRMED bookings it would strand, each exactly on the new
     * plan (others may move), all in one transaction; 409 naming the bookings that cannot move (SEATED, pinned,
     * already started) or cannot be re-seated, and nothing changes.
     */
    @Override
    public FloorPlanService.Replaced replaceReseating(String restaurantId, FloorPlan plan) {
        floorPlans.validate(plan, "");
        return online.withRetries(() -> write.execute(status -> {
            if (floorPlans.find(restaurantId).isEmpty()) {
                return floorPlans.replace(restaurantId, plan);
            }
            List<FloorPlanService.Stranded> seen = floorPlans.strandedBy(restaurantId, plan);
            if (seen.isEmpty()) {
                return floorPlans.replace(restaurantId, plan);
            }
            java.util.TreeSet<java.time.LocalDate> dates = new java.util.TreeSet<>();
            for (FloorPlanService.Stranded stranded : seen) {
                dates.add(bookings.find(restaurantId, stranded.bookingId()).orElseThrow().date());
            }
            for (java.time.LocalDate date : dates) {
                dayLock.lock(new DayKey(restaurantId, date));
            }
            changeFeed.declare(ChangeCause.HOST);
            FloorPlan current = floorPlans.lockForBookingWrite(restaurantId);
            LocalDateTime now = LocalDateTime.now(clock.withZone(current.zoneId()));
            List<Booking> moving = new ArrayList<>();
            List<org.tablesolver.web.FieldProblem> stuck = new ArrayList<>();
            for (FloorPlanService.Stranded stranded : floorPlans.strandedBy(restaurantId, plan)) {
                Booking booking = bookings.find(restaurantId, stranded.bookingId()).orElseThrow();
                if (!dates.contains(booking.date())) {
                    throw new org.tablesolver.availability.Retries.ConcurrentChange("more bookings stranded meanwhile");
                }
                if (booking.status() != BookingStatus.CONFIRMED || booking.pinned() || booking.start().isBefore(now)) {
                    stuck.add(new org.tablesolver.web.FieldProblem(stranded.problem().field(), stranded.problem().message()
                            + " It cannot move (" + (booking.status() != BookingStatus.CONFIRMED ? booking.status()
                            : booking.pinned() ? "pinned" : "already started") + ")."));
                } else {
                    moving.add(booking);
                }
            }
            if (!stuck.isEmpty()) {
                throw new ConflictException("The new floor plan would strand " + stuck.size() + " booking(s) that "
                        + "cannot be re-seated; nothing was changed. " + stuck.get(0).message(), stuck);
            }
            for (Booking booking : moving) {
                bookings.deleteAssignments(restaurantId, booking.id());
                // PENDING for the moment (no version change, so no change of its own in the feed)
                org.tablesolver.database.Rows.exactlyOne(jdbc.sql("""
                                update booking set status = 'PENDING'
                                where restaurant_id = :r and id = :b and status = 'CONFIRMED'
                                """).param("r", restaurantId).param("b", booking.id()).update(),
                        "release " + booking.id());
            }
            FloorPlanService.Replaced replaced = floorPlans.replace(restaurantId, plan);
            FloorPlan next = floorPlans.lockForBookingWrite(restaurantId);
            for (java.time.LocalDate date : dates) {
                List<Booking> ofDay = moving.stream().filter(b -> b.date().equals(date)).toList();
                Replanner replanner = online.replanner(next, dayLoader.readInTransaction(new DayKey(restaurantId, date),
                        next));
                for (Booking booking : ofDay) {
                    ConflictException refusal = replanner.place(booking.id(), booking.start(), booking.partySize(),
                            booking.durationMinutes(), booking.requiredZone(), booking.preferredZone(), false);
                    if (refusal != null) {
                        throw (ApiException) new ConflictException("bookings", "Booking '" + booking.id()
                                + "' cannot be re-seated on the new floor plan (" + refusal.getMessage()
                                + "); nothing was changed.").withProperty("bookings", List.of(booking.id()));
                    }
                }
                for (Booking booking : ofDay) {
                    org.tablesolver.database.Rows.exactlyOne(jdbc.sql("""
                                    update booking set status = 'CONFIRMED', version = version + 1, updated_at = now()
                                    where restaurant_id = :r and id = :b and status = 'PENDING'
                                    """).param("r", restaurantId).param("b", booking.id()).update(),
                            "re-seat " + booking.id());
                }
                replanner.write(jdbc, bookings, ofDay.stream().map(Booking::id).toList());
            }
            return replaced;
        }));
    }

    // ************************************************************************
    // Helpers
    // ************************************************************************

    private Booking existing(String restaurantId, String bookingId) {
        floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        return bookings.find(restaurantId, bookingId).orElseThrow(() -> unknown(restaurantId, bookingId));
    }

    private Booking locked(String restaurantId, String bookingId, Long expectedVersion) {
        return bookings.lock(restaurantId, bookingId, expectedVersion)
                .orElseThrow(() -> unknown(restaurantId, bookingId));
    }

    private static NotFoundException unknown(String restaurantId, String bookingId) {
        return new NotFoundException("bookingId",
                "Booking '" + bookingId + "' does not exist at restaurant '" + restaurantId + "'.");
    }

    private void insert(String restaurantId, String bookingId, Seat seat) {
        for (String tableId : seat.tables()) {
            bookings.insertAssignment(restaurantId, bookingId, tableId, seat.id());
        }
    }

    /** [start, start + duration + buffer) of a booking, as stored instants. */
    private static Instant[] window(FloorPlan plan, Booking booking) {
        Instant start = LocalTimes.toInstant(booking.start(), plan.zoneId());
        return new Instant[] {start,
                start.plusSeconds(60L * (booking.durationMinutes() + plan.turnoverBufferMinutes()))};
    }

    /** What occupies any of {@code tables} during {@code window}, other than the booking itself. */
    private Blockers blockers(String restaurantId, String bookingId, List<String> tables, Instant[] window) {
        List<String> ids = jdbc.sql("""
                        select distinct ta.booking_id from table_assignment ta
                        where ta.restaurant_id = :r and ta.booking_id <> :b and ta.table_id = any(:tables)
                          and ta.occupied && tstzrange(:from, :to, '[)')
                        order by ta.booking_id
                        """)
                .param("r", restaurantId).param("b", bookingId).param("tables", tables.toArray(String[]::new))
                .param("from", window[0].atOffset(ZoneOffset.UTC)).param("to", window[1].atOffset(ZoneOffset.UTC))
                .query(String.class).list();
        List<Booking> found = new ArrayList<>();
        for (String id : ids) {
            found.add(bookings.find(restaurantId, id).orElseThrow());
        }
        List<String> holds = jdbc.sql("""
                        select id from table_hold
                        where restaurant_id = :r and table_id = any(:tables) and expires_at > clock_timestamp()
                          and held && tstzrange(:from, :to, '[)')
                        order by id
                        """)
                .param("r", restaurantId).param("tables", tables.toArray(String[]::new))
                .param("from", window[0].atOffset(ZoneOffset.UTC)).param("to", window[1].atOffset(ZoneOffset.UTC))
                .query(String.class).list();
        return new Blockers(found, holds);
    }

    private static BookingState state(BookingStatus status) {
        return status == BookingStatus.SEATED ? BookingState.SEATED : BookingState.CONFIRMED;
    }

    /** The bookings and table holds in the way of a seating. */
    record Blockers(List<Booking> bookings, List<String> holds) {

        boolean isEmpty() {
            return bookings.isEmpty() && holds.isEmpty();
        }

        /** A 409 naming them: {@code what} + " booking a, b; hold h", with {@code bookings} and {@code holds}. */
        ConflictException conflict(String field, String what) {
            List<String> parts = new ArrayList<>();
            List<String> ids = bookings.stream().map(Booking::id).toList();
            if (!ids.isEmpty()) {
                parts.add((ids.size() == 1 ? "booking " : "bookings ") + String.join(", ", ids));
            }
            if (!holds.isEmpty()) {
                parts.add((holds.size() == 1 ? "hold " : "holds ") + String.join(", ", holds));
            }
            return (ConflictException) new ConflictException(field, what + " " + String.join("; ", parts) + ".")
                    .withProperty("bookings", ids).withProperty("holds", holds);
        }
    }

    /** A table or combination of the floor plan. */
    record Seat(String id, List<String> tables, int minCapacity, int maxCapacity, List<String> zones,
                List<String> outOfService) {

        static Seat of(FloorPlan plan, String id) {
            if (id == null) {
                return null;
            }
            var table = plan.table(id);
            if (table.isPresent()) {
                return new Seat(id, List.of(id), table.get().minCapacity(), table.get().maxCapacity(),
                        List.of(table.get().zone()), table.get().inServiceOrDefault() ? List.of() : List.of(id));
            }
            var combination = plan.combination(id);
            if (combination.isEmpty()) {
                return null;
            }
            List<String> members = plan.tables().stream().map(FloorPlan.Table::id)
                    .filter(combination.get().tables()::contains).toList();
            List<String> zones = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (String member : members) {
                FloorPlan.Table t = plan.table(member).orElseThrow();
                zones.add(t.zone());
                if (!t.inServiceOrDefault()) {
                    out.add(member);
                }
            }
            return new Seat(id, members, combination.get().minCapacity(), combination.get().maxCapacity(),
                    List.copyOf(zones), List.copyOf(out));
        }

        /** Why a party cannot sit here (capacity, required zone, out of service), or null when it can. */
        String fits(int partySize, String requiredZone) {
            if (partySize < minCapacity || partySize > maxCapacity) {
                return id + " seats " + minCapacity + "-" + maxCapacity + "; the party is " + partySize + ".";
            }
            if (requiredZone != null) {
                for (Iterator<String> it = zones.iterator(); it.hasNext(); ) {
                    if (!it.next().equals(requiredZone)) {
                        return id + " is not in the required zone '" + requiredZone + "'.";
                    }
                }
            }
            if (!outOfService.isEmpty()) {
                return id + " is out of service (" + String.join(", ", outOfService) + ").";
            }
            return null;
        }
    }
}
