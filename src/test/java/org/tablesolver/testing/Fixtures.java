package org.tablesolver.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Small JSON documents for tests, as mutable trees, and the assertions every refusal test makes. */
public final class Fixtures {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /**
     * Restaurant floor plan: zones bar and garden; T1 (bar, 1-2), T2 (bar, 2-4), T3 (garden, 2-4),
     * T4 (garden, 4-6); combination C1 = T2 + T3 (5-8); Europe/London, 10 minutes buffer.
     */
    public static ObjectNode plan() {
        return parse("""
                {"name": "Test Bistro", "timeZone": "Europe/London", "turnoverBufferMinutes": 10,
                 "zones": [{"id": "bar", "name": "Bar"}, {"id": "garden", "name": "Garden"}],
                 "tables": [{"id": "T1", "zone": "bar", "minCapacity": 1, "maxCapacity": 2},
                            {"id": "T2", "zone": "bar", "minCapacity": 2, "maxCapacity": 4},
                            {"id": "T3", "zone": "garden", "minCapacity": 2, "maxCapacity": 4},
                            {"id": "T4", "zone": "garden", "minCapacity": 4, "maxCapacity": 6}],
                 "combinations": [{"id": "C1", "tables": ["T2", "T3"], "minCapacity": 5, "maxCapacity": 8}]}
                """);
    }

    /** A booking on 2026-12-04 for {@code partySize} at {@code time} (HH:mm), 90 minutes. */
    public static ObjectNode booking(String id, String time, int partySize) {
        ObjectNode booking = parse("""
                {"date": "2026-12-04", "durationMinutes": 90}
                """);
        if (id != null) {
            booking.put("id", id);
        }
        booking.put("start", "2026-12-04T" + time + ":00");
        booking.put("partySize", partySize);
        return booking;
    }

    public static ObjectNode parse(String json) {
        try {
            return (ObjectNode) JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A refusal: the status, a problem+json body with the type/title/status/detail/errors, and the field. */
    public static void assertProblem(Api.Response response, int status, String field) {
        assertThat(response.status()).as("status of %s", response).isEqualTo(status);
        assertThat(response.contentType()).as("content type of %s", response).startsWith("application/problem+json");
        assertThat(response.json().path("status").asInt()).isEqualTo(status);
        assertThat(response.json().path("type").asText()).startsWith("urn:table-solver:problem:");
        assertThat(response.json().path("title").asText()).isNotBlank();
        assertThat(response.json().path("detail").asText()).isNotBlank();
        assertThat(response.json().path("errors").isArray()).isTrue();
        assertThat(response.field()).as("field of %s", response).isEqualTo(field);
        if (field != null) {
            assertThat(response.json().path("errors").get(0).path("field").asText()).isEqualTo(field);
        }
    }

    /** A refusal that changed nothing in the database. */
    public static void assertRefused(Api.Response response, int status, String field, TestDatabase db,
                                     Map<String, List<String>> before) {
        assertProblem(response, status, field);
        assertThat(db.snapshot()).as("database after %s", response).isEqualTo(before);
    }
}
