package org.tablesolver.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.plan;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.Instances;
import org.tablesolver.testing.SharedDatabase;
import org.tablesolver.testing.TestDatabase;

/** The nightly batch runs once per cluster: two instances with the schedule, one run, one batch, its solves done. */
@Tag("database")
@Tag("slow")
class NightlyBatchTest {

    @Test
    void theNightlyScheduleRunsOncePerClusterNotOncePerInstance() {
        // Fires once, after both instances are up even on a slow machine (Spring's six-field cron, UTC); the
        // schedule is db-scheduler's, on the real clock, so the batch's date is the day after the firing's.
        java.time.LocalDateTime firing = java.time.LocalDateTime.now(ZoneOffset.UTC).plusSeconds(50);
        LocalDate tomorrow = firing.toLocalDate().plusDays(1);
        LocalTime at = firing.toLocalTime();
        String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * *";
        String[] schedule = {"--tablesolver.schedule.nightly.cron=" + cron, "--tablesolver.schedule.nightly.zone=UTC",
                "--tablesolver.schedule.nightly.days-ahead=1"};
        List<ConfigurableApplicationContext> instances = new ArrayList<>();
        try (SharedDatabase database = SharedDatabase.start()) {
            try {
                instances.add(Instances.start(database, schedule));
                instances.add(Instances.start(database, schedule));
                Api api = Instances.api(instances.get(0));
                TestDatabase db = database.client();
                for (String r : List.of("r1", "r2")) {
                    assertThat(api.put("/api/restaurants/" + r, plan()).status()).isEqualTo(201);
                    ObjectNode booking = org.tablesolver.testing.Fixtures.parse("{\"durationMinutes\": 90, "
                            + "\"partySize\": 2}");
                    booking.put("id", "b1").put("date", tomorrow.toString()).put("start", tomorrow + "T19:00:00");
                    assertThat(api.post("/api/restaurants/" + r + "/bookings", booking).status()).isEqualTo(201);
                }
                String id = "nightly-" + tomorrow;
                await().atMost(Duration.ofSeconds(120)).until(() -> api.get("/api/batches/" + id).status() == 200
                        && api.get("/api/batches/" + id).json().path("finished").asBoolean());
                assertThat(api.get("/api/batches/" + id).json().path("counts").path("COMMITTED").asInt()).isEqualTo(2);
                assertThat(api.get("/api/batches/" + id).json().path("origin").asText()).isEqualTo("NIGHTLY");
                int runs = instances.stream().mapToInt(c -> c.getBean(NightlyBatch.class).runs()).sum();
                assertThat(runs).as("runs of the schedule over both instances").isEqualTo(1);
                assertThat(db.queryInt("select count(*) from solve_batch")).isEqualTo(1);
                assertThat(db.queryInt("select count(*) from scheduled_tasks where task_name = 'nightly-batch'"))
                        .as("next night's run is scheduled, once").isEqualTo(1);
            } finally {
                instances.forEach(ConfigurableApplicationContext::close);
            }
        }
    }
}
