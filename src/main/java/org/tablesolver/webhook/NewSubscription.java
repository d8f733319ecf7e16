package org.tablesolver.webhook;

import java.util.List;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/webhooks}. */
@Schema(name = "NewWebhookSubscription")
record NewSubscription(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://pos.example/hooks") String url,
        @ArraySchema(schema = @Schema(allowableValues = {"*", "booking.created", "booking.confirmed", "booking.changed", "booking.cancelled", "booking.seated", "booking.completed", "booking.no_show", "hold.created", "hold.released", "solve.committed", "solve.failed", "availability.changed"}),
                arraySchema = @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                        description = "Event types, or \"*\" for all"))
        List<String> events,
        @Schema(nullable = true, description = "Restaurant ids; null or absent: every restaurant")
        List<String> restaurants) {
}
