package org.tablesolver.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tablesolver.booking.Booking;
import org.tablesolver.booking.BookingRepository;

/**
 * The body of a message: {@code {"type", "timestamp", "data": {...}}}. It is made once, at the first attempt of
 * any subscription, and stored with the event, so every attempt and every subscription sends the same bytes.
 */
@Component
class Messages {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    Messages(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The event's body, made now if no attempt made it before. */
    String body(String eventId) {
        Event event = jdbc.sql("""
                        select id, type, restaurant_id, service_date, data, body, created_at, not_before
                        from webhook_event where id = :id
                        """)
                .param("id", eventId).query(Messages::event).single();
        if (event.body() != null) {
            return event.body();
        }
        String made = make(event);
        jdbc.sql("update webhook_event set body = :body where id = :id and body is null")
                .param("body", made).param("id", eventId).update();
        return jdbc.sql("select body from webhook_event where id = :id").param("id", eventId).query(String.class)
                .single();
    }

    private String make(Event event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("restaurantId", event.restaurantId());
        data.put("date", event.date());
        JsonNode stored = read(event.data());
        Instant timestamp = event.createdAt();
        if (event.type().startsWith("booking.")) {
            data.put("seq", stored.path("seq").asLong());
            data.put("booking", booking(event.id()));
            data.put("cause", stored.path("cause").asText());
        } else if (event.type().startsWith("hold.")) {
            data.put("hold", hold(stored.path("hold")));
            data.put("cause", stored.path("cause").asText());
        } else if (event.type().startsWith("solve.")) {
            data.put("solveId", stored.path("solveId").asText());
            data.put("status", stored.path("status").asText());
            data.put("seated", stored.path("seated"));
            data.put("unseated", stored.path("unseated"));
            data.put("proven", stored.path("proven"));
            data.put("error", stored.path("error"));
        } else if (event.type().equals(EventTypes.AVAILABILITY_CHANGED)) {
            // the version as it is when the message is made: at least the one of the change that caused it
            data.put("asOf", jdbc.sql("select coalesce((select state_version from change_counter "
                            + "where restaurant_id = :r), 0)")
                    .param("r", event.restaurantId()).query(Long.class).single());
            timestamp = event.notBefore();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", event.type());
        body.put("timestamp", timestamp);
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the message of event " + event.id(), e);
        }
    }

    /** The hold as the API shows it (its instant written as the API writes instants). */
    private Map<String, Object> hold(JsonNode stored) {
        Map<String, Object> hold = new LinkedHashMap<>();
        stored.fields().forEachRemaining(field -> hold.put(field.getKey(), field.getValue()));
        hold.put("expiresAt", Instant.parse(stored.path("expiresAt").asText()));
        return hold;
    }

    /** The booking as it was committed by the change (as {@code GET} showed it then). */
    private Booking booking(String eventId) {
        return jdbc.sql("""
                        select b.*, e.data ->> 'time_zone' as time_zone,
                               array(select jsonb_array_elements_text(e.data -> 'tables')) as tables,
                               e.data ->> 'seating' as seating
                        from webhook_event e
                        cross join lateral jsonb_populate_record(null::booking, e.data -> 'booking_row') b
                        where e.id = :id
                        """)
                .param("id", eventId).query((rs, n) -> BookingRepository.fromRow(rs)).single();
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event's stored data is not JSON", e);
        }
    }

    private record Event(String id, String type, String restaurantId, LocalDate date, String data, String body,
                         Instant createdAt, Instant notBefore) {
    }

    private static Event event(ResultSet rs, int n) throws SQLException {
        return new Event(rs.getString("id"), rs.getString("type"), rs.getString("restaurant_id"),
                rs.getObject("service_date", LocalDate.class), rs.getString("data"), rs.getString("body"),
                WebhookService.instant(rs, "created_at"), WebhookService.instant(rs, "not_before"));
    }
}
