package org.tablesolver.webhook;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The fields a PATCH of a subscription may carry (the OpenAPI description's; the service reads the JSON). */
@Schema(name = "WebhookSubscriptionPatch")
record SubscriptionPatch(
        String url,
        @ArraySchema(schema = @Schema(allowableValues = {"*", "booking.created", "booking.confirmed", "booking.changed", "booking.cancelled", "booking.seated", "booking.completed", "booking.no_show", "hold.created", "hold.released", "solve.committed", "solve.failed", "availability.changed"}))
        List<String> events,
        @Schema(nullable = true, description = "null: every restaurant") List<String> restaurants,
        Boolean enabled) {
}
