package org.tablesolver.hold;

import java.time.Instant;
import java.time.LocalDateTime;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An active hold: the table is blocked on {@code [start, end)} (local times; {@code end} includes the
 * turnover buffer, like a booking's occupancy) until {@code expiresAt}.
 */
record Hold(
        String id,
        String tableId,
        @Schema(type = "string", example = "2026-12-04T19:30:00") LocalDateTime start,
        @Schema(type = "string", example = "2026-12-04T21:10:00") LocalDateTime end,
        Instant expiresAt,
        String reference) {
}
