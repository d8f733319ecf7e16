package org.tablesolver.webhook;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A new subscription with its signing secret: shown this once. */
@Schema(name = "CreatedWebhookSubscription")
record CreatedSubscription(
        String id,
        String url,
        List<String> events,
        @Schema(nullable = true) List<String> restaurants,
        boolean enabled,
        Instant createdAt,
        @Schema(description = "The signing secret (Standard Webhooks): whsec_ and base64 of 32 random bytes",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw") String secret) {

    static CreatedSubscription of(Subscription s, String secret) {
        return new CreatedSubscription(s.id(), s.url(), s.events(), s.restaurants(), s.enabled(), s.createdAt(),
                secret);
    }
}
