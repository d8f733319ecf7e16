package org.tablesolver.booking;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.web.ConflictException;
import org.tablesolver.web.NotFoundException;
import org.tablesolver.web.Problems;
import org.tablesolver.web.RequestValidator;

/** Creating, reading, cancelling and seating bookings. */
@Service
public class BookingService {

    private final BookingRepository bookings;
    private final FloorPlanService floorPlans;
    private final RequestValidator validator;

    BookingService(BookingRepository bookings, FloorPlanService floorPlans, RequestValidator validator) {
        this.bookings = bookings;
        this.floorPlans = floorPlans;
        this.validator = validator;
    }

    /** @param created false when an idempotent repeat answered the stored booking */
    public record Created(Booking booking, boolean created) {
    }

    @Transactional
    public Created create(String restaurantId, BookingRequest request) {
        return create(restaurantId, request, "");
    }

    /**
     * Creates a PENDING booking. With a client id the call is idempotent: an existing booking with the
     * same id and content is returned (created = false), other content is a 409. Field paths of
     * refusals start with {@code pathPrefix} (e.g. {@code bookings[3]} in an import).
     */
    @Transactional
    public Created create(String restaurantId, BookingRequest request, String pathPrefix) {
        validator.validate(request, pathPrefix);
        FloorPlan plan = floorPlans.lockForBookingWrite(restaurantId);
        Problems problems = new Problems();
        problems.check(!request.confirmOrDefault(), Problems.path(pathPrefix, "confirm"), pathPrefix.isEmpty()
                ? "internal: confirmations go through online booking" : "cannot be used in an import");
        problems.check(request.holdId() == null, Problems.path(pathPrefix, "holdId"),
                "a hold becomes a booking only with \"confirm\": true");
        problems.throwIfAny();
        BookingRequest complete = checked(plan, request, pathPrefix);

        String id = complete.id() != null ? complete.id() : UUID.randomUUID().toString();
        Instant startsAt = LocalTimes.toInstant(complete.start(), plan.zoneId());
        checkDayNotFull(restaurantId, complete, pathPrefix);
        if (bookings.insertIfAbsent(restaurantId, id, complete, startsAt)) {
            return new Created(bookings.find(restaurantId, id).orElseThrow(), true);
        }
        return new Created(existing(restaurantId, complete, pathPrefix).orElseThrow(), false);
    }

    /** 400 naming {@code date} when the restaurant-day already holds the most bookings the limits allow. */
    public void checkDayNotFull(String restaurantId, BookingRequest request, String pathPrefix) {
        int max = floorPlans.limits().maxBookingsPerDay();
        if (bookings.countDay(restaurantId, request.date()) >= max
                && (request.id() == null || bookings.find(restaurantId, request.id()).isEmpty())) {
            throw new org.tablesolver.web.InvalidRequestException(Problems.path(pathPrefix, "date"),
                    "the restaurant-day already has " + max + " bookings, the most allowed "
                            + "(tablesolver.limits.max-bookings-per-day)");
        }
    }

    /**
     * Checks a request against the floor plan (start, zones) and gives it the duration of the restaurant's turn
     * times when it has none: 400 naming the field otherwise. Bean Validation must have run.
     */
    public BookingRequest checked(FloorPlan plan, BookingRequest request, String pathPrefix) {
        Problems problems = new Problems();
        LocalTimes.checkStart(request.date(), request.start(), plan.zoneId(), Problems.path(pathPrefix, "start"),
                problems);
        if (request.preferredZone() != null) {
            problems.check(plan.hasZone(request.preferredZone()), Problems.path(pathPrefix, "preferredZone"),
                    "unknown zone '" + request.preferredZone() + "'");
        }
        if (request.requiredZone() != null) {
            problems.check(plan.hasZone(request.requiredZone()), Problems.path(pathPrefix, "requiredZone"),
                    "unknown zone '" + request.requiredZone() + "'");
        }
        Integer duration = request.durationMinutes() != null ? request.durationMinutes()
                : plan.turnTime(request.partySize()).orElse(null);
        problems.check(duration != null, Problems.path(pathPrefix, "durationMinutes"),
                "is required: the restaurant's turnTimes give no duration for a party of " + request.partySize());
        problems.throwIfAny();
        return request.durationMinutes() != null ? request : request.withDuration(duration);
    }

    /**
     * The stored booking a request with a client id repeats: empty when there is none; a 409 naming {@code id}
     * when it exists with other content.
     */
    public java.util.Optional<Booking> existing(String restaurantId, BookingRequest request, String pathPrefix) {
        if (request.id() == null) {
            return java.util.Optional.empty();
        }
        java.util.Optional<Booking> existing = bookings.find(restaurantId, request.id());
        if (existing.isPresent() && !request.sameContentAs(existing.get())) {
            throw new ConflictException(Problems.path(pathPrefix, "id"), "Booking '" + request.id()
                    + "' already exists with different content; use another id or repeat the original request.");
        }
        return existing;
    }

    @Transactional(readOnly = true)
    public Booking get(String restaurantId, String bookingId) {
        floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        return bookings.find(restaurantId, bookingId).orElseThrow(() -> unknownBooking(restaurantId, bookingId));
    }

    /**
     * Cancels: status CANCELLED, tables released, version + 1. Cancelling a CANCELLED booking changes
     * nothing and answers it as it is; a SEATED booking cannot be cancelled (409).
     */
    @Transactional
    public Booking cancel(String restaurantId, String bookingId, Long expectedVersion) {
        BookingStatus status = lock(restaurantId, bookingId, expectedVersion);
        switch (status) {
            case CANCELLED -> {
            }
            case COMPLETED, NO_SHOW -> throw new ConflictException("status",
                    "Booking '" + bookingId + "' is " + status + ": it is over and cannot be cancelled.");
            case SEATED -> throw new ConflictException("status",
                    "Booking '" + bookingId + "' is SEATED: the guests are at the table and it cannot be cancelled.");
            case PENDING, CONFIRMED -> {
                bookings.deleteAssignments(restaurantId, bookingId);
                bookings.changeStatus(restaurantId, bookingId, status, BookingStatus.CANCELLED);
            }
        }
        return bookings.find(restaurantId, bookingId).orElseThrow();
    }

    /** CONFIRMED → SEATED (the guests arrived); any other status is a 409. */
    @Transactional
    public Booking seat(String restaurantId, String bookingId, Long expectedVersion) {
        BookingStatus status = lock(restaurantId, bookingId, expectedVersion);
        if (status != BookingStatus.CONFIRMED) {
            throw new ConflictException("status", "Only a CONFIRMED booking can be seated; booking '" + bookingId
                    + "' is " + status + ".");
        }
        if (bookings.countAssignments(restaurantId, bookingId) == 0) {
            throw new IllegalStateException("CONFIRMED booking " + bookingId + " has no table assignment");
        }
        bookings.changeStatus(restaurantId, bookingId, BookingStatus.CONFIRMED, BookingStatus.SEATED);
        return bookings.find(restaurantId, bookingId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public DayPlan dayPlan(String restaurantId, LocalDate date, boolean includeCancelled) {
        floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        return new DayPlan(restaurantId, date, bookings.findDay(restaurantId, date, includeCancelled));
    }

    private BookingStatus lock(String restaurantId, String bookingId, Long expectedVersion) {
        floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        return bookings.lock(restaurantId, bookingId, expectedVersion)
                .orElseThrow(() -> unknownBooking(restaurantId, bookingId)).status();
    }

    /** A page of {@link #list}: the bookings and the cursor of the next page (null on the last). */
    public record Page(List<Booking> bookings, @Schema(nullable = true) String nextCursor) {
    }

    /**
     * A restaurant's bookings ordered by service date, start and id, filtered (all optional), a page at a time:
     * {@code cursor} is the {@code nextCursor} of the page before. 400 naming the parameter for bad input.
     */
    @Transactional(readOnly = true)
    public Page list(String restaurantId, LocalDate from, LocalDate to, List<String> statuses, String externalRef,
                     Integer limit, String cursor) {
        floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        Problems problems = new Problems();
        int size = limit == null ? 100 : limit;
        problems.check(size >= 1 && size <= 1000, "limit", "must be between 1 and 1000");
        if (from != null && to != null) {
            problems.check(!to.isBefore(from), "to", "must not be before from");
        }
        List<BookingStatus> wanted = null;
        if (statuses != null && !statuses.isEmpty()) {
            wanted = new java.util.ArrayList<>();
            for (String status : statuses) {
                try {
                    wanted.add(BookingStatus.valueOf(status));
                } catch (IllegalArgumentException e) {
                    problems.add("status", "'" + status + "' is not one of " + java.util.Arrays.toString(
                            BookingStatus.values()));
                }
            }
        }
        Cursor after = null;
        if (cursor != null) {
            after = Cursor.parse(cursor);
            problems.check(after != null, "cursor", "is not a cursor of this list (use nextCursor as given)");
        }
        problems.throwIfAny();
        List<Booking> page = bookings.list(restaurantId, from, to, wanted, externalRef,
                after == null ? null : after.date(), after == null ? null : after.start(),
                after == null ? null : after.id(), size + 1);
        String next = null;
        if (page.size() > size) {
            page = page.subList(0, size);
            Booking last = page.get(size - 1);
            next = new Cursor(last.date(), bookings.startsAt(restaurantId, last.id()), last.id()).encode();
        }
        return new Page(List.copyOf(page), next);
    }

    /** The keyset of a booking in the list's order, as an opaque URL-safe string. */
    record Cursor(LocalDate date, Instant start, String id) {

        String encode() {
            String raw = date + "|" + start + "|" + id;
            return java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        static Cursor parse(String text) {
            try {
                String raw = new String(java.util.Base64.getUrlDecoder().decode(text),
                        java.nio.charset.StandardCharsets.UTF_8);
                String[] parts = raw.split("\\|", 3);
                return new Cursor(LocalDate.parse(parts[0]), Instant.parse(parts[1]), parts[2]);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private static NotFoundException unknownBooking(String restaurantId, String bookingId) {
        return new NotFoundException("bookingId",
                "Booking '" + bookingId + "' does not exist at restaurant '" + restaurantId + "'.");
    }
}
