package org.tablesolver.host;

import java.time.LocalDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PATCH .../bookings/{id}} (a JSON merge patch, RFC 7396): the fields to change; a field set
 * to null is removed (zones, guest fields), reset (priority 0, pinned false, tags empty) or refused (start,
 * durationMinutes, partySize). The date cannot change: a new day is a new booking.
 */
@Schema(name = "BookingPatch")
public record BookingPatch(
        @Schema(type = "string", example = "2026-12-04T20:00:00") LocalDateTime start,
        Integer durationMinutes,
        Integer partySize,
        String preferredZone,
        String requiredZone,
        Integer priority,
        Boolean pinned,
        String guestName,
        String notes,
        String externalRef,
        List<String> tags) {
}
