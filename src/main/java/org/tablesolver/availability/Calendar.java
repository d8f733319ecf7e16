package org.tablesolver.availability;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code GET .../availability/calendar}: for every date from {@code from} to {@code to}, whether a
 * party can start at some time of its service periods, exactly as the day's availability says.
 *
 * @param zone the zone the party requires, or null
 */
public record Calendar(String restaurantId, int partySize, int durationMinutes, @Schema(nullable = true) String zone,
                       List<Day> days) {

    /**
     * @param available      true if and only if some start of the day's grid is available
     * @param firstStart     the first available start (available days)
     * @param lastStart      the last available start (available days)
     * @param slotsAvailable how many starts of the grid are available (available days)
     * @param code           for a day without an available start: why (as for a slot; OUTSIDE_SERVICE_HOURS when the
     *                       restaurant takes no bookings that day)
     * @param asOf           the version of the stored state the day's answer is exact for
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Day(@Schema(example = "2026-12-04") LocalDate date, boolean available,
                      @Schema(type = "string", example = "2026-12-04T18:00:00") LocalDateTime firstStart,
                      @Schema(type = "string", example = "2026-12-04T21:30:00") LocalDateTime lastStart,
                      Integer slotsAvailable,
                      @Schema(allowableValues = {"NO_SEATING_FOR_PARTY_SIZE", "NO_SEATING_IN_ZONE",
                              "OUTSIDE_SERVICE_HOURS", "PACING_LIMIT", "FULL", "NOT_PROVEN"}) String code,
                      @Schema(example = "812") long asOf) {
    }
}
