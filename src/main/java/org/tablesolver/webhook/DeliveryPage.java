package org.tablesolver.webhook;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** A page of deliveries, newest first; {@code nextCursor} null on the last page. */
@Schema(name = "WebhookDeliveryPage")
record DeliveryPage(List<Delivery> deliveries, @Schema(nullable = true) String nextCursor) {
}
