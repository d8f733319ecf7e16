package org.tablesolver.booking;

import java.time.Instant;
import java.time.LocalDate;
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
        problems.throwIfAny();

        String id = request.id() != null ? request.id() : UUID.randomUUID().toString();
        Instant startsAt = LocalTimes.toInstant(request.start(), plan.zoneId());
        if (bookings.insertIfAbsent(restaurantId, id, request, startsAt)) {
            return new Created(bookings.find(restaurantId, id).orElseThrow(), true);
        }
        Booking existing = bookings.find(restaurantId, id)
                .orElseThrow(() -> new IllegalStateException("booking " + id + " neither inserted nor found"));
        if (request.id() == null || !request.sameContentAs(existing)) {
            throw new ConflictException(Problems.path(pathPrefix, "id"), "Booking '" + id
                    + "' already exists with different content; use another id or repeat the original request.");
        }
        return new Created(existing, false);
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
    public Booking cancel(String restaurantId, String bookingId) {
        BookingStatus status = lock(restaurantId, bookingId);
        switch (status) {
            case CANCELLED -> {
            }
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
    public Booking seat(String restaurantId, String bookingId) {
        BookingStatus status = lock(restaurantId, bookingId);
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

    private BookingStatus lock(String restaurantId, String bookingId) {
        floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        return bookings.lockStatus(restaurantId, bookingId).orElseThrow(() -> unknownBooking(restaurantId, bookingId));
    }

    private static NotFoundException unknownBooking(String restaurantId, String bookingId) {
        return new NotFoundException("bookingId",
                "Booking '" + bookingId + "' does not exist at restaurant '" + restaurantId + "'.");
    }
}
