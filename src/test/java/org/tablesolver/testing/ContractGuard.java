package org.tablesolver.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Every answer an API test gets, and every request body the service accepted, checked against the OpenAPI
 * description the service serves (its status documented, its headers, its body's types, nulls, required fields
 * and enums: {@link DescribedJson}). A drift between the code and the description fails the test that met it.
 * {@code -Dcontract.guard=report} writes the drifts to {@code target/contract-drift.txt} instead; {@code off}
 * turns the guard off.
 */
final class ContractGuard {

    private static final String MODE = System.getProperty("contract.guard", "fail");
    private static final Map<Integer, JsonNode> DESCRIPTIONS = new ConcurrentHashMap<>();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private ContractGuard() {
    }

    static void check(int port, String method, String path, String requestBody, Api.Response response) {
        if (MODE.equals("off") || !path.startsWith("/api/")) {
            return;
        }
        JsonNode docs = DESCRIPTIONS.computeIfAbsent(port, ContractGuard::description);
        List<String> problems = problems(docs, method, path, requestBody, response);
        if (problems.isEmpty()) {
            return;
        }
        String report = method + " " + path + " -> " + response.status() + ": " + String.join("; ", problems);
        if (MODE.equals("report")) {
            try {
                Files.createDirectories(Path.of("target"));
                Files.writeString(Path.of("target/contract-drift.txt"), report + System.lineSeparator(),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        throw new AssertionError("The answer differs from the OpenAPI description: " + report);
    }

    static List<String> problems(JsonNode docs, String method, String rawPath, String requestBody,
                                 Api.Response response) {
        String path = rawPath.contains("?") ? rawPath.substring(0, rawPath.indexOf('?')) : rawPath;
        JsonNode operation = operation(docs, method.toLowerCase(), path);
        List<String> problems = new ArrayList<>();
        if (operation == null) {
            return response.status() == 404 || response.status() == 405 || response.status() == 401
                    || response.status() == 403 ? problems : List.of("no such operation is described");
        }
        JsonNode described = operation.path("responses").path(Integer.toString(response.status()));
        if (described.isMissingNode()) {
            problems.add("status " + response.status() + " is not described");
            return problems;
        }
        described.path("headers").fields().forEachRemaining(header -> {
            if (header.getValue().path("required").asBoolean()
                    && response.headers().firstValue(header.getKey()).isEmpty()) {
                problems.add("header " + header.getKey() + " is missing");
            }
        });
        DescribedJson checker = new DescribedJson(docs);
        if (requestBody != null && response.status() / 100 == 2) {
            JsonNode schema = operation.path("requestBody").path("content").path("application/json").path("schema");
            JsonNode body = parse(requestBody);
            if (!schema.isMissingNode() && body != null) {
                checker.check(schema, body).forEach(p -> problems.add("request " + p));
            }
        }
        if (!response.body().isEmpty() && !response.json().isMissingNode()) {
            String type = response.contentType().split(";")[0].trim();
            JsonNode schema = described.path("content").path(type).path("schema");
            if (schema.isMissingNode()) {
                problems.add("no body of type " + type + " is described");
            } else {
                problems.addAll(checker.check(schema, response.json()));
            }
        }
        return problems;
    }

    /** The described operation of a concrete path: the template that matches with the fewest variables. */
    private static JsonNode operation(JsonNode docs, String method, String path) {
        JsonNode best = null;
        int fewest = Integer.MAX_VALUE;
        for (Iterator<Map.Entry<String, JsonNode>> paths = docs.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = paths.next();
            String template = entry.getKey();
            if (!path.matches(template.replaceAll("\\{[^/]+}", "[^/]+")) || !entry.getValue().has(method)) {
                continue;
            }
            int variables = template.split("\\{", -1).length - 1;
            if (variables < fewest) {
                fewest = variables;
                best = entry.getValue().path(method);
            }
        }
        return best;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode description(int port) {
        try {
            HttpResponse<String> served = CLIENT.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/v3/api-docs")).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(served.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
