package org.tablesolver.hold;

import java.time.LocalDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/restaurants/{id}/holds}: with {@code tableId} a table hold (for hosts); without it
 * a capacity hold for {@code partySize} guests, admitted only when that slot is available.
 */
record HoldRequest(
        @Schema(description = "A table hold's table; leave out for a capacity hold", example = "T4")
        @Size(min = 1, max = 64) String tableId,
        @Schema(description = "A capacity hold's party size", example = "4") @Min(1) @Max(100) Integer partySize,
        @Schema(type = "string", description = "Local date-time in the restaurant's zone",
                example = "2026-12-04T19:30:00") @NotNull LocalDateTime start,
        @Schema(description = "Required for a table hold; for a capacity hold optional where turnTimes give one",
                example = "90") @Min(15) @Max(720) Integer durationMinutes,
        @Schema(description = "A capacity hold's required zone, or null", example = "garden") String zone,
        @Schema(description = "How long the hold lasts, 1 to 3600 seconds", example = "300")
        @NotNull @Min(1) @Max(3600) Integer expiresInSeconds,
        @Schema(description = "Optional free text, e.g. the booking flow's session", example = "checkout-8f2c")
        @Size(max = 200) String reference) {
}
