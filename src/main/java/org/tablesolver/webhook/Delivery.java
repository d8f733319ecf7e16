package org.tablesolver.webhook;

import java.time.Instant;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One message to one subscription, and how sending it went.
 *
 * @param eventId        the message's {@code webhook-id}
 * @param nextAttemptAt  when it is tried next; null once DELIVERED or FAILED
 */
@Schema(name = "WebhookDelivery")
record Delivery(
        String id,
        String eventId,
        String type,
        String restaurantId,
        @Schema(allowableValues = {"PENDING", "DELIVERED", "FAILED"}) String status,
        int attempts,
        @Schema(nullable = true) Integer lastStatusCode,
        @Schema(nullable = true) String lastError,
        @Schema(nullable = true) Instant nextAttemptAt,
        Instant createdAt,
        @Schema(nullable = true) Instant deliveredAt) {
}
