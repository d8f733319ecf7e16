package org.tablesolver.booking;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A stored booking as the API shows it; {@code start} is local time in the restaurant's zone.
 *
 * @param tables  physical table ids the booking occupies, in floor-plan order; empty unless CONFIRMED/SEATED
 * @param seating the table or combination id it is seated at; null when it has no table
 * @param version incremented by every committed change (any field, status or tables); also the answer's ETag
 */
public record Booking(
        String id,
        String restaurantId,
        @Schema(example = "2026-12-04") LocalDate date,
        @Schema(type = "string", example = "2026-12-04T19:30:00") LocalDateTime start,
        int durationMinutes,
        int partySize,
        @Schema(nullable = true) String preferredZone,
        @Schema(nullable = true) String requiredZone,
        int priority,
        @Schema(description = "No solve, confirmation or hold moves a pinned booking off its tables") boolean pinned,
        BookingStatus status,
        List<String> tables,
        @Schema(nullable = true) String seating,
        long version,
        @Schema(nullable = true, description = "The guest's name, for the host") String guestName,
        @Schema(nullable = true, description = "Notes for the host (up to 2,000 characters)") String notes,
        @Schema(nullable = true, description = "The booking system's own id of this booking") String externalRef,
        @Schema(description = "Short labels (up to 20), e.g. 'birthday', 'wheelchair'") List<String> tags) {
}
