package org.tablesolver.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.security.SecureRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tablesolver.database.Rows;
import org.tablesolver.floorplan.Ids;
import org.tablesolver.web.NotFoundException;
import org.tablesolver.web.Problems;

/** Webhook subscriptions and their deliveries (REST {@code /api/webhooks}). */
@Service
@EnableConfigurationProperties(WebhookProperties.class)
class WebhookService {

    private static final Logger log = LoggerFactory.getLogger(WebhookService.class);
    static final int MAX_RESTAURANTS = 1000;
    static final int MAX_EVENTS = 50;
    static final int PAGE = 50;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final String SUBSCRIPTION = """
            select id, url, events, restaurants, enabled, disabled_reason, created_at, updated_at
            from webhook_subscription
            """;
    private static final String DELIVERY = """
            select d.id, d.event_id, e.type, d.restaurant_id, d.status, d.attempts, d.last_status_code, d.last_error,
                   d.next_attempt_at, d.created_at, d.delivered_at, d.ordinal
            from webhook_delivery d join webhook_event e on e.id = d.event_id
            """;

    private final JdbcClient jdbc;
    private final WebhookProperties properties;

    WebhookService(JdbcClient jdbc, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @Transactional
    CreatedSubscription create(NewSubscription request) {
        Problems problems = new Problems();
        if (request == null) {
            problems.add("url", "is required").throwIfAny();
        }
        checkUrl(request.url(), problems);
        List<String> events = checkEvents(request.events(), problems);
        List<String> restaurants = checkRestaurants(request.restaurants(), problems);
        problems.throwIfAny();
        String id = "wh_" + HexFormat.of().formatHex(randomBytes(8));
        String secret = WebhookSigner.newSecret();
        Rows.exactlyOne(jdbc.sql("""
                        insert into webhook_subscription (id, url, events, restaurants, secret)
                        values (:id, :url, :events, :restaurants, :secret)
                        """)
                .param("id", id).param("url", request.url()).param("events", events.toArray(String[]::new))
                .param("restaurants", restaurants == null ? null : restaurants.toArray(String[]::new))
                .param("secret", secret)
                .update(), "insert webhook subscription");
        Subscription created = get(id);
        log.info("Webhook subscription {} created for {} ({})", id, created.url(), String.join(", ", events));
        return CreatedSubscription.of(created, secret);
    }

    @Transactional(readOnly = true)
    List<Subscription> list() {
        return jdbc.sql(SUBSCRIPTION + " order by created_at, id").query(WebhookService::subscription).list();
    }

    @Transactional(readOnly = true)
    Subscription get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    private Optional<Subscription> find(String id) {
        return jdbc.sql(SUBSCRIPTION + " where id = :id").param("id", id).query(WebhookService::subscription)
                .optional();
    }

    /** Deletes a subscription and its deliveries: nothing more is sent for it (an attempt under way ends). */
    @Transactional
    void delete(String id) {
        int rows = jdbc.sql("delete from webhook_subscription where id = :id").param("id", id).update();
        if (Rows.zeroOrOne(rows, "delete webhook subscription " + id) == 0) {
            throw notFound(id);
        }
        log.info("Webhook subscription {} deleted", id);
    }

    /**
     * A JSON merge patch of {@code enabled}, {@code events}, {@code restaurants} (null: every restaurant) and
     * {@code url}. Enabling clears the reason it was disabled; pending messages resume.
     */
    @Transactional
    Subscription patch(String id, JsonNode patch) {
        Subscription current = jdbc.sql(SUBSCRIPTION + " where id = :id for update").param("id", id)
                .query(WebhookService::subscription).optional().orElseThrow(() -> notFound(id));
        Problems problems = new Problems();
        if (patch == null || !patch.isObject()) {
            problems.add("", "must be a JSON object").throwIfAny();
        }
        String url = current.url();
        List<String> events = current.events();
        List<String> restaurants = current.restaurants();
        boolean enabled = current.enabled();
        String reason = current.disabledReason();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "url" -> {
                    if (problems.check(value.isTextual(), "url", "must be a string")) {
                        url = value.asText();
                        checkUrl(url, problems);
                    }
                }
                case "events" -> events = checkEvents(strings(value, "events", problems), problems);
                case "restaurants" -> restaurants = value.isNull() ? null
                        : checkRestaurants(strings(value, "restaurants", problems), problems);
                case "enabled" -> {
                    if (problems.check(value.isBoolean(), "enabled", "must be true or false")) {
                        if (value.asBoolean() && !enabled) {
                            reason = null;
                        } else if (!value.asBoolean() && enabled) {
                            reason = "disabled by a PATCH";
                        }
                        enabled = value.asBoolean();
                    }
                }
                default -> problems.add(field.getKey(), "is not a field of a subscription that can be changed "
                        + "(url, events, restaurants, enabled)");
            }
        }
        problems.throwIfAny();
        Rows.exactlyOne(jdbc.sql("""
                        update webhook_subscription
                        set url = :url, events = :events, restaurants = :restaurants, enabled = :enabled,
                            disabled_reason = :reason, updated_at = now()
                        where id = :id
                        """)
                .param("id", id).param("url", url).param("events", events.toArray(String[]::new))
                .param("restaurants", restaurants == null ? null : restaurants.toArray(String[]::new))
                .param("enabled", enabled).param("reason", reason)
                .update(), "update webhook subscription " + id);
        return get(id);
    }

    /** A page of a subscription's deliveries, newest first, after {@code cursor} (from the previous page). */
    @Transactional(readOnly = true)
    DeliveryPage deliveries(String subscriptionId, String cursor, Integer limit) {
        get(subscriptionId);
        Problems problems = new Problems();
        long before = Long.MAX_VALUE;
        if (cursor != null) {
            try {
                before = Long.parseLong(cursor);
                problems.check(before > 0, "cursor", "must be a nextCursor of this list");
            } catch (NumberFormatException e) {
                problems.add("cursor", "must be a nextCursor of this list");
            }
        }
        int size = limit == null ? PAGE : limit;
        problems.check(size >= 1 && size <= 500, "limit", "must be between 1 and 500");
        problems.throwIfAny();
        List<Row> rows = jdbc.sql(DELIVERY + """
                         where d.subscription_id = :s and d.ordinal < :before
                         order by d.ordinal desc
                         limit :limit
                        """)
                .param("s", subscriptionId).param("before", before).param("limit", size + 1)
                .query(WebhookService::row).list();
        boolean more = rows.size() > size;
        List<Row> page = more ? rows.subList(0, size) : rows;
        return new DeliveryPage(page.stream().map(Row::delivery).toList(),
                more ? Long.toString(page.get(page.size() - 1).ordinal()) : null);
    }

    /** Sends a delivery's message again, as a new delivery at the end of the queue. */
    @Transactional
    Delivery redeliver(String subscriptionId, String deliveryId) {
        get(subscriptionId);
        String id = "dlv_" + HexFormat.of().formatHex(randomBytes(16));
        int rows = jdbc.sql("""
                        insert into webhook_delivery (id, subscription_id, event_id, restaurant_id, ordinal,
                                                      next_attempt_at)
                        select :id, d.subscription_id, d.event_id, d.restaurant_id, nextval('webhook_ordinal_seq'),
                               clock_timestamp()
                        from webhook_delivery d
                        where d.subscription_id = :s and d.id = :d
                        """)
                .param("id", id).param("s", subscriptionId).param("d", deliveryId).update();
        if (Rows.zeroOrOne(rows, "redeliver " + deliveryId) == 0) {
            throw new NotFoundException("deliveryId", "Delivery '" + deliveryId + "' of subscription '"
                    + subscriptionId + "' does not exist.");
        }
        return jdbc.sql(DELIVERY + " where d.id = :id").param("id", id).query(WebhookService::row).single()
                .delivery();
    }

    private void checkUrl(String url, Problems problems) {
        Optional<String> malformed = Targets.malformed(url);
        if (malformed.isPresent()) {
            problems.add("url", malformed.get());
        } else if (!properties.allowPrivateTargets()) {
            Targets.forbidden(url).ifPresent(reason -> problems.add("url", reason));
        }
    }

    private static List<String> checkEvents(List<String> events, Problems problems) {
        if (!problems.check(events != null && !events.isEmpty() && events.size() <= MAX_EVENTS, "events",
                "must list 1 to " + MAX_EVENTS + " event types of " + EventTypes.NAMES + ", or \"*\"")) {
            return List.of();
        }
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String name = events.get(i);
            if (problems.check(name != null && EventTypes.isKnown(name), "events",
                    "events[" + i + "] '" + name + "' is not an event type; known: " + EventTypes.NAMES + ", or \"*\"")
                    && problems.check(!seen.contains(name), "events", "events[" + i + "] '" + name
                    + "' is given twice")) {
                seen.add(name);
            }
        }
        return seen;
    }

    private static List<String> checkRestaurants(List<String> restaurants, Problems problems) {
        if (restaurants == null) {
            return null;
        }
        if (!problems.check(!restaurants.isEmpty() && restaurants.size() <= MAX_RESTAURANTS, "restaurants",
                "must be null (every restaurant) or list 1 to " + MAX_RESTAURANTS + " restaurant ids")) {
            return null;
        }
        return Ids.checkRestaurants(restaurants, "restaurants", problems);
    }

    private static List<String> strings(JsonNode value, String field, Problems problems) {
        if (!problems.check(value.isArray(), field, "must be an array of strings")) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (JsonNode element : value) {
            if (!problems.check(element.isTextual(), field, "must be an array of strings")) {
                return List.of();
            }
            values.add(element.asText());
        }
        return values;
    }

    private static NotFoundException notFound(String id) {
        return new NotFoundException("webhookId", "Webhook subscription '" + id + "' does not exist.");
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Subscription subscription(ResultSet rs, int n) throws SQLException {
        java.sql.Array restaurants = rs.getArray("restaurants");
        return new Subscription(rs.getString("id"), rs.getString("url"),
                List.copyOf(Arrays.asList((String[]) rs.getArray("events").getArray())),
                restaurants == null ? null : List.copyOf(Arrays.asList((String[]) restaurants.getArray())),
                rs.getBoolean("enabled"), rs.getString("disabled_reason"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private record Row(Delivery delivery, long ordinal) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        String status = rs.getString("status");
        return new Row(new Delivery(rs.getString("id"), rs.getString("event_id"), rs.getString("type"),
                rs.getString("restaurant_id"), status, rs.getInt("attempts"),
                (Integer) rs.getObject("last_status_code"), rs.getString("last_error"),
                status.equals("PENDING") ? instant(rs, "next_attempt_at") : null, instant(rs, "created_at"),
                instant(rs, "delivered_at")), rs.getLong("ordinal"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
