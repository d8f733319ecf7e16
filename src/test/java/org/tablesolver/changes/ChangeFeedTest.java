package org.tablesolver.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/**
 * The change feed under load: 20 writers (create, change, confirm, cancel) and a solve commit concurrently while a
 * poller follows {@code after}; it must see every version of every booking once, in order, with no seq skipped,
 * and end on the stored versions.
 */
@DatabaseTest
class ChangeFeedTest extends SolvingTest {

    static final String R = "/api/restaurants/r1";

    @Test
    void aPollerFollowingAfterSeesEveryVersionOnceInCommitOrder() throws Exception {
        assertThat(api.put(R, plan()).status()).isEqualTo(201);
        for (int i = 0; i < 10; i++) {
            assertThat(api.post(R + "/bookings", booking("pre-" + i, (12 + i % 8) + ":00", 2)).status()).isEqualTo(201);
        }
        Map<String, List<Long>> seen = new LinkedHashMap<>();
        List<Long> seqs = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(22);
        Future<?> poller = pool.submit(() -> {
            long after = 0;
            boolean last = false;
            while (true) {
                Api.Response page = api.get(R + "/changes?after=" + after + "&limit=7");
                assertThat(page.status()).as("%s", page).isEqualTo(200);
                JsonNode changes = page.json().path("changes");
                for (JsonNode change : changes) {
                    seqs.add(change.path("seq").asLong());
                    seen.computeIfAbsent(change.path("bookingId").asText(), id -> new ArrayList<>())
                            .add(change.path("version").asLong());
                }
                after = page.json().path("next").asLong();
                if (changes.isEmpty()) {
                    if (last) {
                        return null;
                    }
                    last = !writing.get();
                }
            }
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 20; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                String id = "w-" + writer;
                String time = (12 + writer % 10) + ":" + (writer % 2 == 0 ? "00" : "30");
                assertThat(api.post(R + "/bookings", booking(id, time, 2)).status()).isEqualTo(201);
                assertThat(api.send("PATCH", R + "/bookings/" + id, "{\"notes\": \"first\"}",
                        "application/merge-patch+json").status()).isEqualTo(200);
                int confirmed = api.post(R + "/bookings/" + id + "/confirm", null).status();
                assertThat(confirmed).isIn(200, 409);
                api.send("PATCH", R + "/bookings/" + id, "{\"notes\": \"second\"}", "application/merge-patch+json");
                if (writer % 3 == 0) {
                    assertThat(api.delete(R + "/bookings/" + id).status()).isEqualTo(200);
                }
                api.post(R + "/bookings/pre-" + (writer % 10) + "/confirm", null);
                return null;
            }));
            if (w == 10) {
                writers.add(pool.submit(() -> {
                    Api.Response solve = api.post(R + "/days/2026-12-04/solve", parse("{\"mode\": \"REOPTIMIZE\", \"config\": \"default\"}"));
                    assertThat(solve.status()).as("%s", solve).isIn(200, 409);
                    return null;
                }));
            }
        }
        for (Future<?> writer : writers) {
            writer.get(2, TimeUnit.MINUTES);
        }
        writing.set(false);
        poller.get(2, TimeUnit.MINUTES);
        pool.shutdown();

        for (int i = 0; i < seqs.size(); i++) {
            assertThat(seqs.get(i)).as("the %d-th change seen", i).isEqualTo(i + 1L);
        }
        List<Map<String, Object>> stored = db.jdbc().sql("select id, version from booking where restaurant_id = 'r1'")
                .query().listOfRows();
        assertThat(seen).hasSize(stored.size());
        for (Map<String, Object> row : stored) {
            String id = (String) row.get("id");
            long version = ((Number) row.get("version")).longValue();
            List<Long> expected = new ArrayList<>();
            for (long v = 0; v <= version; v++) {
                expected.add(v);
            }
            assertThat(seen.get(id)).as("versions of %s seen in the feed", id).isEqualTo(expected);
        }
        assertThat(seen.values().stream().mapToInt(List::size).sum()).as("30 creations and 40 changes at least")
                .isGreaterThanOrEqualTo(70);
    }
}
