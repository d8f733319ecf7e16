package org.tablesolver.webhook;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The body of {@code POST /api/webhooks}. */
@Schema(name = "NewWebhookSubscription")
record NewSubscription(
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "https://pos.example/hooks") String url,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED,
                description = "Event types, or \"*\" for all") List<String> events,
        @Schema(nullable = true, description = "Restaurant ids; null or absent: every restaurant")
        List<String> restaurants) {
}
