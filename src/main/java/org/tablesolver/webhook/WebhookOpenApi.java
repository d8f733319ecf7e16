package org.tablesolver.webhook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.DateSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The messages this service sends, in the description's {@code webhooks} (OpenAPI 3.1): one entry per event type,
 * each a POST of a {@code WebhookMessage} with the Standard Webhooks headers.
 */
@Configuration(proxyBeanMethods = false)
class WebhookOpenApi {

    static final String MESSAGE = "WebhookMessage";

    @Bean
    OpenApiCustomizer webhookMessages() {
        return openApi -> {
            openApi.getComponents().addSchemas(MESSAGE, message());
            for (String type : EventTypes.NAMES) {
                Operation post = new Operation()
                        .operationId("on" + camel(type))
                        .summary("The message " + type)
                        .description("Signed by Standard Webhooks 1.0: verify webhook-signature over "
                                + "\"{webhook-id}.{webhook-timestamp}.{body}\" with the subscription's secret "
                                + "(src/docs/webhooks.md). Answer 2xx within 10 s; anything else is retried.")
                        .addParametersItem(header("webhook-id", "The message id: the same on every attempt "
                                + "(de-duplicate by it)"))
                        .addParametersItem(header("webhook-timestamp", "Unix seconds of this attempt (refuse "
                                + "one more than 5 minutes from your clock)"))
                        .addParametersItem(header("webhook-signature", "v1,<base64 HMAC-SHA256>"))
                        .requestBody(new RequestBody().required(true).content(new Content().addMediaType(
                                "application/json", new MediaType().schema(ref(MESSAGE)))))
                        .responses(new ApiResponses().addApiResponse("2XX",
                                new ApiResponse().description("Received; any other answer is retried")));
                post.setSecurity(List.of());
                openApi.addWebhooks(type, new PathItem().post(post));
            }
        };
    }

    private static Schema<?> message() {
        Schema<?> type = new StringSchema().description("The event type");
        ((StringSchema) type).setEnum(new ArrayList<>(EventTypes.NAMES));
        ObjectSchema data = new ObjectSchema();
        data.description("The event: restaurantId and date always; the rest by type (booking.*: seq, booking, "
                + "cause; hold.*: hold, cause; solve.*: solveId, status, seated, unseated, proven, error; "
                + "availability.changed: asOf)");
        data.addProperty("restaurantId", new StringSchema());
        data.addProperty("date", new DateSchema().description("The service date the change is on"));
        data.addProperty("seq", new IntegerSchema().format("int64")
                .description("booking.*: the change feed's sequence number (GET .../changes): order and de-duplicate by it"));
        data.addProperty("booking", ref("Booking").description("booking.*: the booking as GET returned it at this change"));
        data.addProperty("cause", new StringSchema().description("booking.*: the change feed's cause (CREATE, "
                + "CONFIRM, SOLVE, HOST, CHANGE, CANCEL, SEAT, COMPLETE, NO_SHOW); hold.*: PLACED, RELEASED, "
                + "BOOKED (taken over by its booking) or EXPIRED"));
        data.addProperty("hold", ref("Hold").description("hold.*: the hold as placing it answered"));
        data.addProperty("solveId", new StringSchema().description("solve.*"));
        data.addProperty("status", new StringSchema().description("solve.*: COMMITTED, or FAILED or CONFLICT (nothing written)"));
        data.addProperty("seated", nullable(new IntegerSchema().description("solve.*: bookings seated")));
        data.addProperty("unseated", nullable(new IntegerSchema().description("solve.*: bookings left unseated")));
        data.addProperty("proven", nullable(new BooleanSchema().description("solve.*: the plan is proven optimal")));
        data.addProperty("error", nullable(new StringSchema().description("solve.failed: why")));
        data.addProperty("asOf", new IntegerSchema().format("int64")
                .description("availability.changed: the restaurant's state version; availability answers with at "
                        + "least this asOf include the change"));
        data.setRequired(List.of("restaurantId", "date"));
        return new ObjectSchema()
                .description("A webhook message (the body of every POST to a subscription's URL)")
                .addProperty("type", type)
                .addProperty("timestamp", new DateTimeSchema().description("When the change was committed (UTC)"))
                .addProperty("data", data)
                .required(List.of("type", "timestamp", "data"));
    }

    private static Schema<?> nullable(Schema<?> schema) {
        String type = schema.getType();
        schema.setTypes(new LinkedHashSet<>(List.of(type, "null")));
        schema.setType(null);
        return schema;
    }

    private static Schema<?> ref(String name) {
        return new Schema<>().$ref("#/components/schemas/" + name);
    }

    private static HeaderParameter header(String name, String description) {
        HeaderParameter header = new HeaderParameter();
        header.name(name).required(true).description(description).schema(new StringSchema());
        return header;
    }

    private static String camel(String type) {
        StringBuilder name = new StringBuilder();
        for (String part : type.split("[._]")) {
            name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return name.toString();
    }
}
