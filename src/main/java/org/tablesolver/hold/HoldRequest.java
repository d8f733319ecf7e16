package org.tablesolver.hold;

import java.time.LocalDateTime;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The body of {@code POST /api/restaurants/{id}/holds}. */
record HoldRequest(
        @Schema(example = "T4") @NotBlank String tableId,
        @Schema(type = "string", description = "Local date-time in the restaurant's zone",
                example = "2026-12-04T19:30:00") @NotNull LocalDateTime start,
        @Schema(example = "90") @NotNull @Min(15) @Max(720) Integer durationMinutes,
        @Schema(description = "How long the hold lasts, 1 to 3600 seconds", example = "300")
        @NotNull @Min(1) @Max(3600) Integer expiresInSeconds,
        @Schema(description = "Optional free text, e.g. the booking flow's session", example = "checkout-8f2c")
        @Size(max = 200) String reference) {
}
