package org.tablesolver.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DescribedJson;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/**
 * The served OpenAPI description against reality: real requests to every operation, successes and errors,
 * each response validated against {@code /v3/api-docs} (status documented, content type, body schema with no
 * undeclared properties), and the requests of the successes validated too.
 */
@DatabaseTest
class OpenApiContractTest {

    private static final String DAY = "/api/restaurants/r1/days/2026-12-04";

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;

    private OpenApiInteractionValidator validator;
    private final List<String> problems = new ArrayList<>();
    private final Set<String> covered = new LinkedHashSet<>();
    private JsonNode docs;

    @BeforeEach
    void description() throws Exception {
        db.clean();
        Api.Response served = api.withoutKey().get("/v3/api-docs");
        assertThat(served.status()).isEqualTo(200);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/openapi.json"), served.body());
        docs = served.json();
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(served.body()).build();
    }

    /** Sends a request, validates the answer (and the request when it was meant to be valid), checks the status. */
    private Api.Response call(Api client, String method, String path, Object body, String contentType, int expected,
                              boolean validRequest) {
        Api.Response response = client.send(method, path, body,
                contentType != null ? contentType : body == null ? null : "application/json");
        assertThat(response.status()).as("%s %s: %s", method, path, response).isEqualTo(expected);
        String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report;
        if (validRequest) {
            SimpleRequest.Builder request = new SimpleRequest.Builder(method, pathOnly);
            if (path.contains("?")) {
                for (String pair : path.substring(path.indexOf('?') + 1).split("&")) {
                    String[] nameValue = pair.split("=", 2);
                    request.withQueryParam(nameValue[0], nameValue.length > 1 ? nameValue[1] : "");
                }
            }
            if (body != null) {
                request.withContentType("application/json")
                        .withBody(body instanceof String text ? text : body.toString());
            }
            if (client.key() != null) {
                request.withHeader("Authorization", "Bearer " + client.key());
            }
            report = validator.validate(request.build(), answer.build());
        } else {
            report = validator.validateResponse(pathOnly, Request.Method.valueOf(method), answer.build());
        }
        if (report.hasErrors()) {
            problems.add(method + " " + path + " -> " + response.status() + ": " + report.getMessages());
        }
        described(method, pathOnly, response, validRequest ? body : null);
        covered.add(method + " " + template(pathOnly) + " " + response.status());
        return response;
    }

    /**
     * The types, nulls, required fields and enums of the answer (and of a valid request's body) against the
     * description, checked by {@link DescribedJson}: the validator above does not see a 3.1 description's types.
     */
    private void described(String method, String path, Api.Response response, Object body) {
        JsonNode operation = docs.path("paths").path(template(path)).path(method.toLowerCase());
        DescribedJson checker = new DescribedJson(docs);
        if (body != null) {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            if (!schema.isMissingNode()) {
                JsonNode json = body instanceof JsonNode node ? node
                        : org.tablesolver.testing.Fixtures.parse(body.toString());
                checker.check(schema, json).forEach(problem -> problems.add(method + " " + path + " request: "
                        + problem));
            }
        }
        operation.path("responses").path(Integer.toString(response.status())).path("headers").fields()
                .forEachRemaining(header -> {
                    if (header.getValue().path("required").asBoolean()
                            && response.headers().firstValue(header.getKey()).isEmpty()) {
                        problems.add(method + " " + path + " -> " + response.status() + ": header "
                                + header.getKey() + " is missing");
                    }
                });
        if (response.body().isEmpty()) {
            return;
        }
        String type = response.contentType().split(";")[0].trim();
        JsonNode schema = operation.path("responses").path(Integer.toString(response.status())).path("content")
                .path(type).path("schema");
        if (schema.isMissingNode()) {
            problems.add(method + " " + path + " -> " + response.status() + ": no schema for " + type);
            return;
        }
        checker.check(schema, response.json()).forEach(problem -> problems.add(method + " " + path + " -> "
                + response.status() + ": " + problem));
    }

    /** Validates a response sent by hand against the description. */
    private void check(String method, String path, Api.Response response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.status());
        response.headers().map().forEach((name, values) -> answer.withHeader(name, values));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        ValidationReport report = validator.validateResponse(path, Request.Method.valueOf(method), answer.build());
        if (report.hasErrors()) {
            problems.add(method + " " + path + " -> " + response.status() + ": " + report.getMessages());
        }
    }

    private Api.Response ok(String method, String path, Object body, int expected) {
        return call(api, method, path, body, null, expected, true);
    }

    private Api.Response error(String method, String path, Object body, int expected) {
        return call(api, method, path, body, null, expected, false);
    }

    /** The documented path of a concrete one, for the coverage check. */
    private String template(String path) {
        var names = docs.path("paths").fieldNames();
        while (names.hasNext()) {
            String template = names.next();
            if (path.matches(template.replaceAll("\\{[^/]+}", "[^/]+"))) {
                return template;
            }
        }
        return path;
    }

    @Test
    void everyOperationAnswersAsDescribed() {
        // floor plans
        ok("PUT", "/api/restaurants/r1", plan(), 201);
        ok("PUT", "/api/restaurants/r1", plan(), 200);
        ok("PUT", "/api/restaurants/r2", plan(), 201);
        error("PUT", "/api/restaurants/r3", plan().put("turnoverBufferMinutes", -1), 400);
        error("PUT", "/api/restaurants/r3", plan().put("mdoe", 1), 400);
        call(api, "PUT", "/api/restaurants/r3", "name=x", "text/plain", 415, false);
        error("PUT", "/api/restaurants/r3", "{\"name\": \"" + "x".repeat(1024 * 1024) + "\"}", 413);
        call(api.withoutKey(), "PUT", "/api/restaurants/r3", plan(), null, 401, false);
        ok("GET", "/api/restaurants", null, 200);
        Api.Response read = ok("GET", "/api/restaurants/r1", null, 200);
        ok("PUT", "/api/restaurants/r1", read.json(), 200); // put back as it was read
        error("GET", "/api/restaurants/nowhere", null, 404);

        // bookings
        ok("POST", "/api/restaurants/r1/bookings", booking("b1", "19:00", 2), 201);
        ok("POST", "/api/restaurants/r1/bookings", booking("b1", "19:00", 2), 200);
        error("POST", "/api/restaurants/r1/bookings", booking("b1", "19:00", 3), 409);
        error("POST", "/api/restaurants/r1/bookings", booking("b2", "19:00", 2).put("partySize", "2"), 400);
        error("POST", "/api/restaurants/nowhere/bookings", booking("b2", "19:00", 2), 404);
        ok("POST", "/api/restaurants/r1/bookings", booking("c1", "19:00", 6).put("confirm", true), 201);
        ok("POST", "/api/restaurants/r1/bookings", booking("c2", "19:00", 4).put("confirm", true), 201);
        ok("POST", "/api/restaurants/r1/bookings", booking("c3", "19:00", 4).put("confirm", true), 201);
        Api.Response refused = error("POST", "/api/restaurants/r1/bookings",
                booking("c4", "19:00", 6).put("confirm", true), 409);
        assertThat(refused.json().path("code").asText()).isEqualTo("FULL");
        ok("GET", "/api/restaurants/r1/bookings/b1", null, 200);
        error("GET", "/api/restaurants/r1/bookings/nope", null, 404);
        ok("POST", "/api/restaurants/r1/bookings/b1/confirm", null, 200);
        ok("POST", "/api/restaurants/r1/bookings", booking("b3", "19:00", 6), 201);
        error("POST", "/api/restaurants/r1/bookings/b3/confirm", null, 409);
        ok("POST", "/api/restaurants/r1/bookings/c1/seat", null, 200);
        error("POST", "/api/restaurants/r1/bookings/b3/seat", null, 409);
        error("DELETE", "/api/restaurants/r1/bookings/c1", null, 409);
        ok("DELETE", "/api/restaurants/r1/bookings/b3", null, 200);
        ok("GET", DAY + "/plan", null, 200);
        ok("GET", DAY + "/plan?includeCancelled=true", null, 200);
        error("GET", "/api/restaurants/r1/days/2026-13-04/plan", null, 400);
        ok("GET", DAY + "/availability?partySize=2&durationMinutes=90&from=12:00&to=20:00", null, 200);
        error("GET", DAY + "/availability?partySize=0&durationMinutes=90", null, 400);
        ok("GET", "/api/restaurants/r1/availability/calendar?partySize=2&durationMinutes=90&from=2026-12-03&to=2026-12-05", null, 200);
        error("GET", "/api/restaurants/r1/availability/calendar?partySize=2&from=2026-12-05&to=2026-12-03", null, 400);

        // host operations
        ok("POST", "/api/restaurants/r1/bookings", booking("h1", "21:00", 2).put("guestName", "Ada"), 201);
        ok("PATCH", "/api/restaurants/r1/bookings/h1", parse("{\"notes\": \"window\", \"partySize\": 3}"), 200);
        ok("PATCH", "/api/restaurants/r1/bookings/h1", parse("{\"notes\": null, \"requiredZone\": null}"), 200);
        ok("POST", "/api/restaurants/r1/bookings", booking("h0", "21:00", 2).putNull("requiredZone")
                .putNull("preferredZone"), 201);
        error("PATCH", "/api/restaurants/r1/bookings/h1", parse("{\"partysize\": 3}"), 400);
        ok("PUT", "/api/restaurants/r1/bookings/h1/seating", parse("{\"seating\": \"T2\", \"pinned\": true}"), 200);
        ok("POST", "/api/restaurants/r1/bookings", booking("h2", "21:00", 2), 201);
        error("PUT", "/api/restaurants/r1/bookings/h2/seating", parse("{\"seating\": \"T2\"}"), 409);
        ok("POST", "/api/restaurants/r1/bookings/h1/seat", null, 200);
        ok("POST", "/api/restaurants/r1/bookings/h1/complete", null, 200);
        error("POST", "/api/restaurants/r1/bookings/h1/complete", null, 409);
        ok("PUT", "/api/restaurants/r1/bookings/h2/seating", parse("{\"seating\": \"T3\"}"), 200);
        ok("POST", "/api/restaurants/r1/bookings/h2/no-show", null, 200);
        Api.Response stale = api.send(java.net.http.HttpRequest.newBuilder(api.uri("/api/restaurants/r1/bookings/h2"))
                .header("Authorization", "Bearer " + api.key()).header("If-Match", "\"0\"")
                .DELETE().build());
        assertThat(stale.status()).isEqualTo(412);
        check("DELETE", "/api/restaurants/r1/bookings/h2", stale);
        ok("POST", "/api/restaurants/r1/walk-ins", parse("{\"partySize\": 2, \"durationMinutes\": 60}"), 201);
        error("POST", "/api/restaurants/r1/walk-ins", parse("{\"partySize\": 50, \"durationMinutes\": 60}"), 409);
        ok("GET", "/api/restaurants/r1/bookings?limit=2", null, 200);
        error("GET", "/api/restaurants/r1/bookings?cursor=x", null, 400);
        ok("GET", "/api/restaurants/r1/changes?after=0&limit=5", null, 200);
        error("GET", "/api/restaurants/r1/changes?limit=0", null, 400);

        // holds
        ObjectNode tableHold = parse("""
                {"tableId": "T1", "start": "2026-12-04T12:00:00", "durationMinutes": 60, "expiresInSeconds": 60}
                """);
        Api.Response hold = ok("POST", "/api/restaurants/r1/holds", tableHold, 201);
        error("POST", "/api/restaurants/r1/holds", tableHold, 409);
        ok("POST", "/api/restaurants/r1/holds", parse("""
                {"partySize": 2, "start": "2026-12-04T13:00:00", "durationMinutes": 60, "expiresInSeconds": 60}
                """), 201);
        ok("GET", "/api/restaurants/r1/holds", null, 200);
        ok("DELETE", "/api/restaurants/r1/holds/" + hold.json().path("id").asText(), null, 204);
        error("DELETE", "/api/restaurants/r1/holds/00000000-0000-0000-0000-000000000000", null, 404);

        // import
        ObjectNode document = parse("{}");
        document.set("restaurant", plan().put("id", "r9"));
        document.putArray("bookings").add(booking("i1", "18:00", 2));
        ok("POST", "/api/import", document, 200);
        error("POST", "/api/import", parse("{\"restaurants\": [{\"restaurant\": {\"id\": \"r9\"}}]}"), 400);

        // solving
        ok("POST", "/api/restaurants/r1/bookings", booking("big", "20:00", 40), 201);
        Api.Response solved = ok("POST", DAY + "/solve", null, 200);
        String solvedId = solved.json().path("solveId").asText();
        ok("GET", "/api/solves/" + solvedId + "/unseated/big/blockers", null, 200);
        error("GET", "/api/solves/" + solvedId + "/unseated/big/blockers?cursor=x", null, 400);
        error("GET", "/api/solves/" + solvedId + "/unseated/nobody/blockers", null, 404);
        ok("POST", DAY + "/solve?wait=false", parse("{\"mode\": \"REOPTIMIZE\"}"), 202);
        error("POST", DAY + "/solve", parse("{\"mdoe\": \"REOPTIMIZE\"}"), 400);
        error("POST", "/api/restaurants/nowhere/days/2026-12-04/solve", null, 404);
        ok("GET", "/api/solves", null, 200);
        ok("GET", "/api/solves?restaurantId=r1&limit=5", null, 200);
        error("GET", "/api/solves?limit=0", null, 400);
        ok("GET", "/api/solves/" + solved.json().path("solveId").asText(), null, 200);
        ok("DELETE", "/api/solves/" + solved.json().path("solveId").asText(), null, 200);
        error("GET", "/api/solves/nope", null, 404);
        error("DELETE", "/api/solves/nope", null, 404);
        Api.Response batch = ok("POST", "/api/batches", parse("{\"date\": \"2026-12-04\", \"restaurants\": [\"r1\"], "
                + "\"config\": \"test-fast\"}"), 202);
        error("POST", "/api/batches", parse("{\"date\": \"2026-12-04\", \"restaurants\": [\"nowhere\"]}"), 404);
        error("POST", "/api/batches", parse("{\"restaurants\": [\"r1\"]}"), 400);
        ok("GET", "/api/batches/" + batch.json().path("batchId").asText(), null, 200);
        error("GET", "/api/batches/nope", null, 404);

        // keys
        Api.Response key = ok("POST", "/api/keys", parse("{\"name\": \"widget\", \"scopes\": [\"book\"], "
                + "\"restaurants\": [\"r1\"]}"), 201);
        error("POST", "/api/keys", parse("{\"name\": \"widget\", \"scopes\": [\"write\"]}"), 400);
        ok("GET", "/api/keys", null, 200);
        Api widget = api.as(key.json().path("secret").asText());
        call(widget, "GET", "/api/restaurants/r1", null, null, 403, false);
        call(widget, "POST", "/api/restaurants/r2/bookings", booking("w1", "12:00", 2), null, 403, false);
        ok("DELETE", "/api/keys/" + key.json().path("id").asText(), null, 204);
        error("DELETE", "/api/keys/" + key.json().path("id").asText(), null, 404);
        call(widget, "GET", "/api/restaurants/r1", null, null, 401, false);

        // webhooks
        Api.Response hook = ok("POST", "/api/webhooks", parse("{\"url\": \"https://pos.example/hooks\", "
                + "\"events\": [\"booking.created\"], \"restaurants\": [\"r1\"]}"), 201);
        String hookId = hook.json().path("id").asText();
        error("POST", "/api/webhooks", parse("{\"url\": \"https://pos.example/hooks\", \"events\": [\"nope\"]}"), 400);
        ok("GET", "/api/webhooks", null, 200);
        ok("GET", "/api/webhooks/" + hookId, null, 200);
        error("GET", "/api/webhooks/wh_nope", null, 404);
        ok("PATCH", "/api/webhooks/" + hookId, parse("{\"events\": [\"*\"], \"restaurants\": null}"), 200);
        error("PATCH", "/api/webhooks/" + hookId, parse("{\"enabled\": \"no\"}"), 400);
        ok("POST", "/api/restaurants/r1/bookings", booking("wh1", "12:00", 2), 201);
        Api.Response deliveries = ok("GET", "/api/webhooks/" + hookId + "/deliveries?limit=1", null, 200);
        error("GET", "/api/webhooks/" + hookId + "/deliveries?cursor=x", null, 400);
        String deliveryId = deliveries.json().path("deliveries").get(0).path("id").asText();
        ok("POST", "/api/webhooks/" + hookId + "/deliveries/" + deliveryId + "/redeliver", null, 202);
        error("POST", "/api/webhooks/" + hookId + "/deliveries/dlv_nope/redeliver", null, 404);
        ok("DELETE", "/api/webhooks/" + hookId, null, 204);
        error("DELETE", "/api/webhooks/" + hookId, null, 404);

        assertThat(problems).as("responses that the OpenAPI description does not describe").isEmpty();
        List<String> operations = new ArrayList<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> operations.add(method.toUpperCase() + " " + path.getKey())));
        for (String operation : operations) {
            assertThat(covered).as("a success of %s was checked", operation)
                    .anyMatch(c -> c.startsWith(operation + " 2"));
        }
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    @Test
    void noTwoBodyTypesShareASchemaName() {
        Map<String, Class<?>> byName = new TreeMap<>();
        List<String> clashes = new ArrayList<>();
        ArrayDeque<Type> pending = new ArrayDeque<>();
        handlerMapping.getHandlerMethods().values().forEach(method -> {
            pending.add(method.getMethod().getGenericReturnType());
            for (MethodParameter parameter : method.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    pending.add(parameter.getGenericParameterType());
                }
            }
            Statuses statuses = method.getMethodAnnotation(Statuses.class);
            if (statuses != null) {
                pending.add(statuses.body());
            }
        });
        Set<Type> seen = new LinkedHashSet<>();
        while (!pending.isEmpty()) {
            Type type = pending.poll();
            if (!seen.add(type)) {
                continue;
            }
            if (type instanceof ParameterizedType parameterized) {
                pending.addAll(List.of(parameterized.getActualTypeArguments()));
                continue;
            }
            if (!(type instanceof Class<?> model) || !model.getName().startsWith("org.tablesolver.")) {
                continue;
            }
            Schema annotation = model.getAnnotation(Schema.class);
            String name = annotation != null && !annotation.name().isEmpty() ? annotation.name() : model.getSimpleName();
            Class<?> other = byName.putIfAbsent(name, model);
            if (other != null && other != model) {
                clashes.add(name + ": " + other.getName() + " and " + model.getName());
            }
            if (model.isRecord()) {
                for (RecordComponent component : model.getRecordComponents()) {
                    pending.add(component.getGenericType());
                }
            }
        }
        assertThat(byName).as("the walk found the API's models").containsKeys("Booking", "FloorPlan", "SolveView");
        assertThat(clashes).as("schemas that would share a name in /v3/api-docs").isEmpty();
    }

    @Test
    void malformedRequestsTheServiceRefusesBreakTheDescriptionToo() {
        ok("PUT", "/api/restaurants/r1", plan(), 201);
        record Malformed(String method, String path, String body) {
        }
        List<Malformed> malformed = List.of(
                new Malformed("POST", "/api/restaurants/r1/bookings", booking("m1", "19:00", 2).put("colour", "red").toString()),
                new Malformed("POST", "/api/restaurants/r1/bookings", booking("m2", "19:00", 2).put("start", "2026-12-04T19:00:00Z").toString()),
                new Malformed("POST", "/api/restaurants/r1/bookings", booking("m3", "19:00", 2).put("partySize", "2").toString()),
                new Malformed("POST", "/api/restaurants/r1/bookings", "{\"date\": \"2026-12-04\", \"start\": \"2026-12-04T19:00:00\", \"durationMinutes\": 90}"),
                new Malformed("PUT", "/api/restaurants/r2", plan().without("name").toString()),
                new Malformed("PUT", "/api/restaurants/r2", plan().put("turnoverBufferMinutes", (String) null).toString()),
                new Malformed("POST", "/api/keys", "{\"scopes\": [\"book\"]}"),
                new Malformed("POST", "/api/keys", "{\"name\": \"widget\"}"),
                new Malformed("POST", "/api/keys", "{\"name\": \"widget\", \"scopes\": [\"write\"]}"),
                new Malformed("POST", "/api/webhooks", "{\"url\": \"https://pos.example/h\", \"events\": [\"booking.teleported\"]}"),
                new Malformed("POST", "/api/webhooks", "{\"events\": [\"*\"]}"),
                new Malformed("POST", "/api/restaurants/r1/holds", "{\"tableId\": \"T1\", \"start\": \"2026-12-04T12:00:00\", "
                        + "\"durationMinutes\": 60, \"expiresInSeconds\": 60, \"extra\": true}"));
        DescribedJson checker = new DescribedJson(docs);
        List<String> unflagged = new ArrayList<>();
        for (Malformed request : malformed) {
            Api.Response refused = api.send(request.method(), request.path(), request.body(), "application/json");
            assertThat(refused.status()).as("%s %s %s", request.method(), request.path(), request.body()).isEqualTo(400);
            JsonNode schema = docs.path("paths").path(template(request.path())).path(request.method().toLowerCase())
                    .path("requestBody").path("content").path("application/json").path("schema");
            if (checker.check(schema, org.tablesolver.testing.Fixtures.parse(request.body())).isEmpty()) {
                unflagged.add(request.method() + " " + request.path() + " " + request.body());
            }
        }
        assertThat(unflagged).as("requests the service refuses that the description allows").isEmpty();
    }

    @Test
    void everyOperationHasItsOwnMeaningfulIdAndTheServerIsTheServiceItself() {
        Set<String> ids = new LinkedHashSet<>();
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            String id = operation.getValue().path("operationId").asText();
            assertThat(id).as("%s %s", operation.getKey(), path.getKey()).matches("[a-z][A-Za-z]+");
            assertThat(ids.add(id)).as("%s is used once", id).isTrue();
        }));
        assertThat(ids).contains("listBookings", "getSolve", "getAvailability", "createBooking");
        assertThat(docs.path("servers")).hasSize(1);
        assertThat(docs.path("servers").get(0).path("url").asText()).isEqualTo("/");
        assertThat(docs.path("components").path("schemas").path("Problem").path("properties").path("instance")
                .path("format").asText()).isEqualTo("uri-reference");
    }

    @Test
    void everySchemaHasItsOwnNameAndEveryErrorIsAProblem() {
        JsonNode schemas = docs.path("components").path("schemas");
        assertThat(schemas.path("ImportResult").path("properties").path("restaurants").path("items")
                .path("$ref").asText()).isEqualTo("#/components/schemas/ImportedRestaurant");
        assertThat(schemas.path("ImportRestaurant").path("properties").has("restaurant")).isTrue();
        assertThat(docs.path("components").path("securitySchemes").path("bearer").path("type").asText())
                .isEqualTo("http");
        docs.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(operation -> {
            JsonNode responses = operation.getValue().path("responses");
            assertThat(responses.has("401")).as("%s %s documents 401", operation.getKey(), path.getKey()).isTrue();
            responses.fields().forEachRemaining(response -> {
                if (response.getKey().compareTo("400") >= 0) {
                    assertThat(response.getValue().path("content").path("application/problem+json").path("schema")
                            .path("$ref").asText()).isEqualTo("#/components/schemas/Problem");
                }
            });
        }));
    }
}
