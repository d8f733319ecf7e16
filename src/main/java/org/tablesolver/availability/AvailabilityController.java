package org.tablesolver.availability;

import java.time.LocalDate;
import java.time.LocalTime;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.ResponseEntity;
import org.tablesolver.web.ETags;
import org.tablesolver.web.InYears;
import org.tablesolver.web.Statuses;

@RestController
@RequestMapping("/api/restaurants/{restaurantId}")
@Tag(name = "Online booking", description = "Exact availability, instant confirmation, capacity holds")
class AvailabilityController {

    private final OnlineBookingService service;

    AvailabilityController(OnlineBookingService service) {
        this.service = service;
    }

    @GetMapping("/days/{date}/availability")
    @Operation(operationId = "getAvailability", summary = "Which start times can take a party",
            description = "A slot is available if and only if a plan exists that seats every CONFIRMED and SEATED "
                    + "booking, every active capacity hold and this party (pinned and seated bookings keep their "
                    + "tables, the others may move) within pacing. Slots: every bookingSlotMinutes from 'from' to "
                    + "'to', else the day's service periods. asOf names the version of the stored state the answer is "
                    + "exact for; 503 with Retry-After when the service cannot answer in time.")
    @Statuses(errors = 503)
    Availability availability(@PathVariable String restaurantId,
                              @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @InYears LocalDate date,
                              @RequestParam(required = false) Integer partySize,
                              @RequestParam(required = false) Integer durationMinutes,
                              @RequestParam(required = false) String zone,
                              @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime from,
                              @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime to) {
        return service.availability(restaurantId, date, partySize, durationMinutes, zone, from, to);
    }

    @GetMapping("/availability/calendar")
    @Operation(operationId = "getAvailabilityCalendar", summary = "Which dates can take a party",
            description = "For every date from 'from' to 'to' (at most 62): available when some start of the day's "
                    + "service periods is available, with the first and last such start and how many there are; "
                    + "else the code why not (OUTSIDE_SERVICE_HOURS on a day without service). Each day says the "
                    + "version of the state it is exact for (asOf), as the day's availability does.")
    @Statuses(errors = 503)
    Calendar calendar(@PathVariable String restaurantId,
                      @RequestParam(required = false) Integer partySize,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @InYears LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @InYears LocalDate to,
                      @RequestParam(required = false) Integer durationMinutes,
                      @RequestParam(required = false) String zone) {
        return service.calendar(restaurantId, partySize, from, to, durationMinutes, zone);
    }

    @PostMapping("/bookings/{bookingId}/confirm")
    @Operation(operationId = "confirmBooking", summary = "Confirm a PENDING booking now",
            description = "200 CONFIRMED with its tables and the bookings moved to make room; 409 with code and "
                    + "alternatives when it cannot be seated (it stays PENDING). Already CONFIRMED or SEATED: 200 as is.")
    @Statuses(body = ConfirmedBooking.class, errors = {409, 412})
    ResponseEntity<ConfirmedBooking> confirm(@PathVariable String restaurantId, @PathVariable String bookingId,
                                             @RequestHeader(name = "If-Match", required = false) String ifMatch) {
        ConfirmedBooking confirmed = service.confirmExisting(restaurantId, bookingId, ETags.ifMatch(ifMatch));
        return ResponseEntity.ok().eTag(ETags.of(confirmed.booking().version())).body(confirmed);
    }
}
