package org.tablesolver.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A real HTTP client for the application under test (so filters, Tomcat, security and content types are
 * real). It sends {@code Authorization: Bearer <key>}: the tests' admin key ({@code application-test.properties})
 * unless {@link #as(String)} or {@link #withoutKey()} says otherwise.
 */
public class Api {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    private final IntSupplier port;
    private final ObjectMapper objectMapper;
    private final String key;

    public Api(IntSupplier port, ObjectMapper objectMapper, String key) {
        this.port = port;
        this.objectMapper = objectMapper;
        this.key = key;
    }

    /** The same client sending {@code key} instead. */
    public Api as(String key) {
        return new Api(port, objectMapper, key);
    }

    /** The same client sending no {@code Authorization} header. */
    public Api withoutKey() {
        return new Api(port, objectMapper, null);
    }

    /** The key this client sends, or null. */
    public String key() {
        return key;
    }

    /** A response: status, headers, body text and the body parsed as JSON (missing node if not JSON). */
    public record Response(int status, HttpHeaders headers, String body, JsonNode json) {

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        /** The problem body's {@code field}, or null. */
        public String field() {
            JsonNode field = json.path("field");
            return field.isTextual() ? field.asText() : null;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    public Response post(String path, Object json) {
        return send("POST", path, json, "application/json");
    }

    public Response put(String path, Object json) {
        return send("PUT", path, json, "application/json");
    }

    /** {@code body} is sent as is when it is a String, otherwise as JSON. */
    public Response send(String method, String path, Object body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port.getAsInt() + path))
                .timeout(Duration.ofSeconds(60));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        String text = body == null ? null : body instanceof String s ? s : write(body);
        request.method(method, text == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text));
        return send(request.build(), text);
    }

    public Response send(HttpRequest request) {
        return send(request, null);
    }

    /** Sends, and checks the answer (and an accepted request's body) against the description: {@link ContractGuard}. */
    private Response send(HttpRequest request, String body) {
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            Response answer = new Response(response.statusCode(), response.headers(), response.body(),
                    parse(response.body()));
            String path = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? ""
                    : "?" + request.uri().getRawQuery());
            ContractGuard.check(request.uri().getPort(), request.method(), path,
                    body != null && request.headers().firstValue("Content-Type").orElse("").contains("json") ? body
                            : null, answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port.getAsInt() + path);
    }

    private String write(Object body) {
        try {
            return objectMapper.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode parse(String body) {
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return objectMapper.readTree(body);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }
}
