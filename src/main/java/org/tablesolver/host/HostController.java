package org.tablesolver.host;

import java.net.URI;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.availability.ConfirmedBooking;
import org.tablesolver.booking.Booking;
import org.tablesolver.web.ETags;
import org.tablesolver.web.Statuses;

@RestController
@RequestMapping("/api/restaurants/{restaurantId}")
@Tag(name = "Host", description = "Change, seat by hand and pin, walk-ins, finish, no-show")
class HostController {

    private final HostService service;

    HostController(HostService service) {
        this.service = service;
    }

    @PatchMapping(path = "/bookings/{bookingId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(operationId = "changeBooking", summary = "Change a booking (JSON merge patch)",
            description = "PENDING: updated. CONFIRMED: keeps its tables when they still fit and are free, else "
                    + "re-seated exactly (others may move: \"moved\") or 409 with code and alternatives, nothing "
                    + "changed. SEATED: durationMinutes, partySize and guest fields only; a longer stay moves the next "
                    + "party on its table if it can, else 409 naming it. If-Match: 412 when stale.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = BookingPatch.class)),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = BookingPatch.class))}))
    @Statuses(errors = {409, 412})
    ResponseEntity<ConfirmedBooking> change(@PathVariable String restaurantId, @PathVariable String bookingId,
                                            @RequestBody JsonNode patch,
                                            @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ConfirmedBooking changed = service.change(restaurantId, bookingId, patch, ETags.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(changed.booking().version())).body(changed);
    }

    @PutMapping("/bookings/{bookingId}/seating")
    @Operation(operationId = "setSeating", summary = "Seat a booking on a table or combination by hand (and pin it)",
            description = "PENDING or CONFIRMED → CONFIRMED there (a SEATED party changes table). A taken seating "
                    + "is a 409 naming the bookings and holds in the way; with moveOthers they are re-seated "
                    + "elsewhere when the exact check finds a way. Capacity, required zone and service are checked.")
    @Statuses(errors = {409, 412})
    ResponseEntity<ConfirmedBooking> seating(@PathVariable String restaurantId, @PathVariable String bookingId,
                                             @RequestBody SeatingRequest request,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ConfirmedBooking seated = service.seat(restaurantId, bookingId, request, ETags.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(seated.booking().version())).body(seated);
    }

    @PostMapping("/bookings/{bookingId}/complete")
    @Operation(operationId = "completeBooking", summary = "The party left: SEATED → COMPLETED, its tables free from this minute")
    @Statuses(errors = {409, 412})
    ResponseEntity<Booking> complete(@PathVariable String restaurantId, @PathVariable String bookingId,
                                     @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Booking booking = service.complete(restaurantId, bookingId, ETags.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(booking.version())).body(booking);
    }

    @PostMapping("/bookings/{bookingId}/no-show")
    @Operation(operationId = "markNoShow", summary = "The guests never came: CONFIRMED → NO_SHOW, its tables released")
    @Statuses(errors = {409, 412})
    ResponseEntity<Booking> noShow(@PathVariable String restaurantId, @PathVariable String bookingId,
                                   @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        Booking booking = service.noShow(restaurantId, bookingId, ETags.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(booking.version())).body(booking);
    }

    @PostMapping("/walk-ins")
    @Operation(operationId = "seatWalkIn", summary = "Seat a walk-in now, or quote the wait",
            description = "201 SEATED on a seating free from now (restaurant-local, to the minute) for the stay, "
                    + "moving confirmed parties that are not pinned if that makes room. Otherwise 409 with "
                    + "waitMinutes: the earliest start within 3 hours at which the party can be seated (null: none).")
    @Statuses(success = 201, errors = 409)
    ResponseEntity<ConfirmedBooking> walkIn(@PathVariable String restaurantId, @RequestBody WalkInRequest request) {
        ConfirmedBooking seated = service.walkIn(restaurantId, request);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/restaurants/" + restaurantId + "/bookings/" + seated.booking().id()))
                .eTag(ETags.of(seated.booking().version()))
                .body(seated);
    }
}
