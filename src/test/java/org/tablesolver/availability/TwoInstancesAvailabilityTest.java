package org.tablesolver.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.tablesolver.testing.Fixtures.booking;
import static org.tablesolver.testing.Fixtures.plan;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.Instances;
import org.tablesolver.testing.SharedDatabase;

/**
 * Two instances of the service on one database: each keeps its own view of availability, and both answer the same
 * for the same version, whichever took the write. An instance that cannot answer in time says 503 over HTTP.
 */
@Tag("database")
@Tag("slow")
class TwoInstancesAvailabilityTest {

    static final String DAY = "/api/restaurants/r1/days/2026-12-04/availability?partySize=2&durationMinutes=90"
            + "&from=17:00&to=22:00";

    SharedDatabase database;
    final List<ConfigurableApplicationContext> instances = new ArrayList<>();

    @BeforeEach
    void start() {
        database = SharedDatabase.start();
    }

    @AfterEach
    void stop() {
        instances.forEach(ConfigurableApplicationContext::close);
        database.close();
    }

    Api instance(String... properties) {
        ConfigurableApplicationContext context = Instances.start(database, properties);
        instances.add(context);
        return Instances.api(context);
    }

    @Test
    void aWriteOnOneInstanceIsInTheNextAnswerOfTheOther() {
        Api a = instance();
        Api b = instance();
        assertThat(a.put("/api/restaurants/r1", plan()).status()).isEqualTo(201);
        Api.Response before = b.get(DAY);
        assertThat(before.status()).isEqualTo(200);
        assertThat(b.get(DAY).body()).as("kept: the same answer again").isEqualTo(before.body());
        for (int i = 0; i < 4; i++) {
            Api.Response confirmed = (i % 2 == 0 ? a : b).post("/api/restaurants/r1/bookings",
                    booking("w" + i, "19:00", 2).put("confirm", true));
            assertThat(confirmed.status()).as("%s", confirmed).isIn(201, 409);
            Api.Response onA = a.get(DAY);
            Api.Response onB = b.get(DAY);
            assertThat(onB.json().path("asOf").asLong()).as("no answer older than the last committed write")
                    .isEqualTo(onA.json().path("asOf").asLong());
            assertThat(onB.body()).isEqualTo(onA.body());
        }
        assertThat(b.get(DAY).json().path("asOf").asLong()).isGreaterThan(before.json().path("asOf").asLong());
        assertThat(b.get(DAY).body()).isNotEqualTo(before.body());
    }

    @Test
    void anAnswerThatCannotBeGivenInTimeIs503WithRetryAfter() {
        Api hurried = instance("--tablesolver.booking.max-wait=1ns");
        assertThat(hurried.put("/api/restaurants/r1", plan()).status()).isEqualTo(201);
        Api.Response busy = hurried.get(DAY);
        assertThat(busy.status()).as("%s", busy).isEqualTo(503);
        assertThat(busy.contentType()).startsWith("application/problem+json");
        assertThat(busy.headers().firstValue("Retry-After")).hasValue("1");
    }
}
