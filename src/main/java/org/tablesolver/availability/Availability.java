package org.tablesolver.availability;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer of {@code GET .../days/{date}/availability}: one entry per start time of the grid.
 *
 * @param zone the zone the party requires, or null
 * @param asOf the version of the restaurant's stored state the answer is exact for: it grows with every committed
 *             write that can change an answer, and the same asOf always gives the same answer
 */
public record Availability(String restaurantId, @Schema(example = "2026-12-04") LocalDate date, int partySize,
                    int durationMinutes, @Schema(nullable = true) String zone, @Schema(example = "812") long asOf, List<Slot> slots) {

    /**
     * @param available true if and only if a plan exists that seats everyone who must stay seated and this party
     * @param code      for an unavailable slot: NO_SEATING_FOR_PARTY_SIZE, NO_SEATING_IN_ZONE,
     *                  OUTSIDE_SERVICE_HOURS, PACING_LIMIT, FULL or NOT_PROVEN
     * @param reason    for an unavailable slot, for a host to read
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Slot(@Schema(type = "string", example = "2026-12-04T19:30:00") LocalDateTime start, boolean available,
                @Schema(allowableValues = {"NO_SEATING_FOR_PARTY_SIZE", "NO_SEATING_IN_ZONE", "OUTSIDE_SERVICE_HOURS",
                        "PACING_LIMIT", "FULL", "NOT_PROVEN"}) String code,
                String reason) {
    }
}
