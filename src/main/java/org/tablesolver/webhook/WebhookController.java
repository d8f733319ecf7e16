package org.tablesolver.webhook;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.web.Statuses;

@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks", description = "Messages to booking systems and channels on every change (admin only); "
        + "see src/docs/webhooks.md for the message format and how to verify a signature")
class WebhookController {

    private final WebhookService service;

    WebhookController(WebhookService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(operationId = "createWebhook", summary = "Subscribe a URL to events",
            description = "201 with the signing `secret`: the only time it is shown. `restaurants` null or absent: "
                    + "every restaurant. A URL whose host resolves to an internal address is refused unless "
                    + "tablesolver.webhooks.allow-private-targets is set.")
    @Statuses(success = 201)
    ResponseEntity<CreatedSubscription> create(@RequestBody NewSubscription request) {
        CreatedSubscription created = service.create(request);
        return ResponseEntity.created(URI.create("/api/webhooks/" + created.id())).body(created);
    }

    @GetMapping
    @Operation(operationId = "listWebhooks", summary = "List subscriptions (never their secrets)")
    List<Subscription> list() {
        return service.list();
    }

    @GetMapping("/{webhookId}")
    @Operation(operationId = "getWebhook", summary = "A subscription (never its secret)")
    Subscription get(@PathVariable String webhookId) {
        return service.get(webhookId);
    }

    @PatchMapping(path = "/{webhookId}", consumes = {"application/merge-patch+json", "application/json"})
    @Operation(operationId = "changeWebhook", summary = "Change url, events, restaurants or enabled (JSON merge patch)",
            description = "Enabling a disabled subscription clears its disabledReason; its pending messages resume.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = {
                    @Content(mediaType = "application/merge-patch+json",
                            schema = @Schema(implementation = SubscriptionPatch.class)),
                    @Content(mediaType = "application/json", schema = @Schema(implementation = SubscriptionPatch.class))}))
    Subscription patch(@PathVariable String webhookId, @RequestBody JsonNode patch) {
        return service.patch(webhookId, patch);
    }

    @DeleteMapping("/{webhookId}")
    @Operation(operationId = "deleteWebhook", summary = "Delete a subscription: nothing is sent for it afterwards")
    @Statuses(success = 204)
    ResponseEntity<Void> delete(@PathVariable String webhookId) {
        service.delete(webhookId);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{webhookId}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "A subscription's deliveries, newest first",
            description = "Pass `nextCursor` as `cursor` for the next page; null on the last page.")
    DeliveryPage deliveries(@PathVariable String webhookId, @RequestParam(required = false) String cursor,
                            @RequestParam(required = false) Integer limit) {
        return service.deliveries(webhookId, cursor, limit);
    }

    @PostMapping("/{webhookId}/deliveries/{deliveryId}/redeliver")
    @Operation(operationId = "redeliverWebhook", summary = "Send a delivery's message again",
            description = "202 with the new delivery (same eventId, so the same webhook-id), queued after the "
                    + "subscription's pending messages for that restaurant.")
    @Statuses(success = 202)
    ResponseEntity<Delivery> redeliver(@PathVariable String webhookId, @PathVariable String deliveryId) {
        return ResponseEntity.accepted().body(service.redeliver(webhookId, deliveryId));
    }
}
