package org.tablesolver.hold;

import java.time.Instant;
import java.time.LocalDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An active hold until {@code expiresAt}, on {@code [start, end)} (local times; {@code end} includes the turnover
 * buffer, like a booking's occupancy). A table hold ({@code tableId} set) blocks that table. A capacity hold
 * ({@code tableId} null) keeps room for a party of {@code partySize} on whatever seating fits it.
 */
record Hold(
        String id,
        @Schema(nullable = true, description = "The held table; null for a capacity hold") String tableId,
        @Schema(nullable = true, description = "The party a capacity hold keeps room for; null for a table hold") Integer partySize,
        @Schema(nullable = true, description = "The zone a capacity hold's party requires, or null") String zone,
        @Schema(type = "string", example = "2026-12-04T19:30:00") LocalDateTime start,
        @Schema(type = "string", example = "2026-12-04T21:10:00") LocalDateTime end,
        Instant expiresAt,
        @Schema(nullable = true) String reference) {
}
