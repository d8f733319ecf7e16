package org.tablesolver.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.parse;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.HeldTransaction;
import org.tablesolver.testing.TestDatabase;

/**
 * Writes of a day that meet a concurrent writer: a transaction of the test's own on its own connection holds the
 * locks or commits the change in between (as another instance would), never a mock.
 */
@DatabaseTest
class ConcurrentWritesTest {

    static final String R = "/api/restaurants/r1";

    @Autowired
    Api api;
    @Autowired
    TestDatabase db;
    @Autowired
    DataSource dataSource;

    final ExecutorService client = Executors.newSingleThreadExecutor();

    @BeforeEach
    void restaurant() {
        db.clean();
        assertThat(api.put(R, plan()).status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        client.shutdownNow();
    }

    @Test
    void aCapacityHoldThatMeetsAConcurrentCancellationIsPlacedOnAFreshSnapshot() throws Exception {
        // b (4) sits on T4, the garden's only table for five: a hold for five in the garden needs b moved to T2 or
        // T3. b is cancelled by another writer after the hold read the day and before it moved b.
        assertThat(api.post(R + "/bookings", booking("b", "19:00", 4)).status()).isEqualTo(201);
        db.confirm("r1", "b", "T4", "T4");
        try (HeldTransaction cancel = new HeldTransaction(dataSource)) {
            cancel.run("update booking set status = 'CANCELLED', version = version + 1 where restaurant_id = 'r1' "
                    + "and id = 'b'");
            cancel.run("delete from table_assignment where restaurant_id = 'r1' and booking_id = 'b'");
            Future<Api.Response> hold = client.submit(() -> api.post(R + "/holds", parse("""
                    {"partySize": 5, "zone": "garden", "start": "2026-12-04T19:00:00", "durationMinutes": 90,
                     "expiresInSeconds": 300}""")));
            cancel.awaitWaiter("table_assignment", Duration.ofSeconds(20));
            cancel.commit();
            Api.Response placed = hold.get(30, TimeUnit.SECONDS);
            assertThat(placed.status()).as("tried again on a fresh snapshot, not a 500: %s", placed).isEqualTo(201);
        }
        assertThat(db.count("table_assignment")).as("b was cancelled, nothing moved").isZero();
        assertThat(db.queryInt("select version from booking where id = 'b'")).isEqualTo(2);
    }

    @Test
    void aHoldThatExpiresWhileItsBookingWaitsForTheDayIsExpired() throws Exception {
        Api.Response placed = api.post(R + "/holds", parse("""
                {"partySize": 2, "start": "2026-12-04T19:00:00", "durationMinutes": 90, "expiresInSeconds": 1}"""));
        assertThat(placed.status()).as("%s", placed).isEqualTo(201);
        Instant expiresAt = Instant.parse(placed.json().path("expiresAt").asText());
        ObjectNode checkout = booking("late", "19:00", 2).put("confirm", true)
                .put("holdId", placed.json().path("id").asText());
        try (HeldTransaction solveCommit = new HeldTransaction(dataSource)) {
            solveCommit.lockDay("r1", "2026-12-04");
            Future<Api.Response> booked = client.submit(() -> api.post(R + "/bookings", checkout));
            solveCommit.awaitWaiter("pg_advisory_xact_lock", Duration.ofSeconds(20));
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), expiresAt).toMillis()) + 300);
            solveCommit.commit();
            Api.Response answer = booked.get(30, TimeUnit.SECONDS);
            assertThat(answer.status()).as("the hold expired before the booking got the day: %s", answer)
                    .isEqualTo(409);
            assertThat(answer.json().path("code").asText()).isEqualTo("HOLD_EXPIRED");
        }
        assertThat(db.count("booking")).isZero();
    }

    @Test
    void aStayLocksEveryServiceDateItTouches() throws Exception {
        // A booking of the 5th at 05:00 and a capacity hold for the 4th's late service at 05:00 on the 5th compete
        // for the same tables: both writes must take the 4th's lock, whatever date they are filed under.
        try (HeldTransaction fourth = new HeldTransaction(dataSource)) {
            fourth.lockDay("r1", "2026-12-04");
            Future<Api.Response> early = client.submit(() -> api.post(R + "/bookings", parse("""
                    {"id": "early", "date": "2026-12-05", "start": "2026-12-05T05:00:00", "durationMinutes": 90,
                     "partySize": 2, "confirm": true}""")));
            fourth.awaitWaiter("pg_advisory_xact_lock", Duration.ofSeconds(20));
            assertThat(early.isDone()).as("the 5th's early booking waits for the 4th").isFalse();
            fourth.commit();
            assertThat(early.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
        }
        // An evening booking touches only its own date: it does not wait for the day before.
        try (HeldTransaction third = new HeldTransaction(dataSource)) {
            third.lockDay("r1", "2026-12-03");
            Api.Response evening = client.submit(() -> api.post(R + "/bookings",
                    booking("evening", "19:00", 2).put("confirm", true))).get(30, TimeUnit.SECONDS);
            assertThat(evening.status()).isEqualTo(201);
        }
    }
}
