package org.tablesolver.testing;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A webhook receiver for tests: a real HTTP server on 127.0.0.1 that records every request it gets and answers
 * with the status its {@link #answer} gives (204 unless told otherwise). It checks each message as a receiver
 * following Standard Webhooks 1.0 would, with its own implementation of the spec (not the service's signer).
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received, and whether its signature held. */
    public record Received(String id, long timestamp, String signature, String contentType, String body,
                           JsonNode json, boolean signatureValid, Instant at, int answered) {

        public String type() {
            return json.path("type").asText();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new ArrayList<>();
    private final Map<String, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> overlaps = new ConcurrentLinkedQueue<>();
    private volatile String secret;
    private volatile java.util.function.ToIntFunction<String> answer = body -> 204;
    private volatile long delayMillis;

    private WebhookReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.start();
    }

    public static WebhookReceiver start() {
        return start(0);
    }

    /** A receiver on {@code port} (0: any free one). */
    public static WebhookReceiver start(int port) {
        try {
            return new WebhookReceiver(port);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a webhook receiver", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** The subscription's secret, to check signatures with. */
    public WebhookReceiver secret(String secret) {
        this.secret = secret;
        return this;
    }

    /** The status to answer each request with (called once per request). */
    public WebhookReceiver answer(IntSupplier answer) {
        this.answer = body -> answer.getAsInt();
        return this;
    }

    /** The status to answer each request with, by its body. */
    public WebhookReceiver answerBy(java.util.function.ToIntFunction<String> answer) {
        this.answer = answer;
        return this;
    }

    /** Waits this long before answering each request. */
    public WebhookReceiver delay(long millis) {
        this.delayMillis = millis;
        return this;
    }

    public synchronized List<Received> received() {
        return List.copyOf(received);
    }

    /** The requests answered 2xx, in arrival order. */
    public synchronized List<Received> accepted() {
        return received.stream().filter(r -> r.answered() >= 200 && r.answered() < 300).toList();
    }

    /** Message ids that were being received twice at the same moment (two attempts of one message at once). */
    public List<String> overlaps() {
        return List.copyOf(overlaps);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestHeaders().getFirst("webhook-id");
        AtomicInteger concurrent = inFlight.computeIfAbsent(String.valueOf(id), k -> new AtomicInteger());
        if (concurrent.incrementAndGet() > 1) {
            overlaps.add(id);
        }
        try (InputStream in = exchange.getRequestBody()) {
            String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String timestampHeader = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signature = exchange.getRequestHeaders().getFirst("webhook-signature");
            long timestamp = timestampHeader == null ? -1 : Long.parseLong(timestampHeader);
            JsonNode json;
            try {
                json = JSON.readTree(body);
            } catch (IOException e) {
                json = JSON.nullNode();
            }
            boolean valid = verify(id, timestamp, body, signature);
            if (delayMillis > 0) {
                Thread.sleep(delayMillis);
            }
            int status = answer.applyAsInt(body);
            synchronized (this) {
                received.add(new Received(id, timestamp, signature,
                        exchange.getRequestHeaders().getFirst("content-type"), body, json, valid, Instant.now(), status));
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
        } finally {
            concurrent.decrementAndGet();
            exchange.close();
        }
    }

    /**
     * Standard Webhooks 1.0, as a receiver checks it: the secret's base64 after "whsec_" is the key; the signed
     * content is "{id}.{timestamp}.{body}"; the header holds space-separated "v1,{base64 HMAC-SHA256}" entries,
     * one of which must match; the timestamp must be within 5 minutes of the receiver's clock.
     */
    private boolean verify(String id, long timestamp, String body, String header) {
        if (secret == null || id == null || header == null || timestamp < 0) {
            return false;
        }
        if (Math.abs(Instant.now().getEpochSecond() - timestamp) > 300) {
            return false;
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            for (String entry : header.split(" ")) {
                String[] parts = entry.split(",", 2);
                if (parts.length == 2 && parts[0].equals("v1")
                        && MessageDigest.isEqual(Base64.getDecoder().decode(parts[1]), expected)) {
                    return true;
                }
            }
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
