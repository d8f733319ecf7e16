package org.tablesolver.booking;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.tablesolver.web.InYears;
import org.tablesolver.availability.ConfirmedBooking;
import org.tablesolver.availability.OnlineBookingService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.web.ETags;
import org.tablesolver.web.Statuses;

@RestController
@RequestMapping("/api/restaurants/{restaurantId}")
@Tag(name = "Bookings")
class BookingController {

    private final BookingService service;
    private final OnlineBookingService online;

    BookingController(BookingService service, OnlineBookingService online) {
        this.service = service;
        this.online = online;
    }

    @PostMapping("/bookings")
    @Operation(operationId = "createBooking", summary = "Create a booking: a PENDING request, or confirmed now with \"confirm\": true",
            description = "201 with the booking; with a client id the call is idempotent: the same id and content "
                    + "answers 200 with the stored booking, the same id with other content 409. With confirm: 201 "
                    + "CONFIRMED with its tables and \"moved\" (other bookings given other tables to make room), or "
                    + "409 with code and alternatives, nothing written. With holdId (and confirm) the capacity hold "
                    + "becomes the booking. Without a client id, an Idempotency-Key header makes a retry safe: the "
                    + "same key answers the booking it created.")
    @Statuses(success = {200, 201}, body = ConfirmedBooking.class, errors = 409)
    ResponseEntity<?> create(@PathVariable String restaurantId, @RequestBody BookingRequest body,
                             @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        BookingRequest request = body.id() == null && idempotencyKey != null
                ? body.withId(IdempotencyKeys.bookingId(idempotencyKey)) : body;
        if (request.confirmOrDefault() || request.holdId() != null) {
            ConfirmedBooking result = online.createConfirmed(restaurantId, request);
            if (!result.created()) {
                return ResponseEntity.ok().eTag(ETags.of(result.booking().version())).body(result);
            }
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/restaurants/" + restaurantId + "/bookings/" + result.booking().id()))
                    .eTag(ETags.of(result.booking().version()))
                    .body(result);
        }
        BookingService.Created result = service.create(restaurantId, request);
        if (!result.created()) {
            return tagged(result.booking());
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/restaurants/" + restaurantId + "/bookings/" + result.booking().id()))
                .eTag(ETags.of(result.booking().version()))
                .body(result.booking());
    }

    @GetMapping("/bookings/{bookingId}")
    @Operation(operationId = "getBooking", summary = "Get a booking", description = "ETag: its version.")
    ResponseEntity<Booking> get(@PathVariable String restaurantId, @PathVariable String bookingId) {
        return tagged(service.get(restaurantId, bookingId));
    }

    @GetMapping("/bookings")
    @Operation(operationId = "listBookings", summary = "List bookings, a page at a time",
            description = "Ordered by service date, start and id; filters optional (status may repeat). Ask again "
                    + "with cursor=nextCursor for the next page; nextCursor is null on the last one.")
    BookingService.Page list(@PathVariable String restaurantId,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @InYears
                             LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @InYears
                             LocalDate to,
                             @RequestParam(required = false) List<String> status,
                             @RequestParam(required = false) String externalRef,
                             @RequestParam(required = false) Integer limit,
                             @RequestParam(required = false) String cursor) {
        return service.list(restaurantId, from, to, status, externalRef, limit, cursor);
    }

    private static ResponseEntity<Booking> tagged(Booking booking) {
        return ResponseEntity.ok().eTag(ETags.of(booking.version())).body(booking);
    }

    @DeleteMapping("/bookings/{bookingId}")
    @Operation(operationId = "cancelBooking", summary = "Cancel a booking",
            description = "200 with the CANCELLED booking, its tables released; cancelling again is a no-op 200. "
                    + "A SEATED booking cannot be cancelled: 409.")
    @Statuses(errors = {409, 412})
    ResponseEntity<Booking> cancel(@PathVariable String restaurantId, @PathVariable String bookingId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return tagged(service.cancel(restaurantId, bookingId, ETags.ifMatch(ifMatch)));
    }

    @PostMapping("/bookings/{bookingId}/seat")
    @Operation(operationId = "seatBooking", summary = "Seat a CONFIRMED booking (the guests arrived)", description = "Any other status: 409.")
    @Statuses(errors = {409, 412})
    ResponseEntity<Booking> seat(@PathVariable String restaurantId, @PathVariable String bookingId,
                                 @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        return tagged(service.seat(restaurantId, bookingId, ETags.ifMatch(ifMatch)));
    }

    @GetMapping("/days/{date}/plan")
    @Operation(operationId = "getDayPlan", summary = "The bookings of a service date with their tables, ordered by start then id")
    DayPlan plan(@PathVariable String restaurantId, @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @InYears LocalDate date,
                 @RequestParam(defaultValue = "false") boolean includeCancelled) {
        return service.dayPlan(restaurantId, date, includeCancelled);
    }
}
