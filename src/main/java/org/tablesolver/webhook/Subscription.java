package org.tablesolver.webhook;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A webhook subscription as listed (never with its secret).
 *
 * @param restaurants     the restaurants it hears of; null: every restaurant
 * @param disabledReason  why it was disabled (by a PATCH, or because every message failed for 24 hours); null
 *                        while enabled
 */
@Schema(name = "WebhookSubscription")
record Subscription(
        @Schema(example = "wh_6f1c2d3e4a5b6c7d") String id,
        @Schema(example = "https://pos.example/hooks") String url,
        @Schema(example = "[\"booking.confirmed\", \"booking.cancelled\"]") List<String> events,
        @Schema(nullable = true) List<String> restaurants,
        boolean enabled,
        @Schema(nullable = true) String disabledReason,
        Instant createdAt,
        Instant updatedAt) {
}
