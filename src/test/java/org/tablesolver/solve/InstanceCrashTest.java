package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DayInvariants;
import org.tablesolver.testing.Instances;
import org.tablesolver.testing.SharedDatabase;
import org.tablesolver.testing.TestDatabase;

/**
 * Two instances in their own processes on one database, 200 solve jobs over 50 restaurant-days, and one instance
 * killed with SIGKILL in the middle: every job ends COMMITTED exactly once (the survivor takes over the dead
 * instance's jobs after the heartbeat timeout), and no invariant of the data is broken.
 */
@Tag("database")
@Tag("slow")
class InstanceCrashTest {

    static final int RESTAURANTS = 50;
    static final int SOLVES = 200;

    @TempDir
    Path logs;

    static String[] instanceProperties(String name) {
        return new String[] {"--db-scheduler.scheduler-name=" + name, "--db-scheduler.heartbeat-interval=2s",
                "--db-scheduler.missed-heartbeats-limit=4", "--db-scheduler.polling-interval=1s",
                "--tablesolver.solve.bound-max-variables=0", "--tablesolver.solve.max-queued-per-day=10",
                "--logging.level.root=WARN", "--logging.level.org.tablesolver.solve=INFO"};
    }

    @Test
    void everyJobCommitsExactlyOnceWhenAnInstanceIsKilledMidRun() throws Exception {
        try (SharedDatabase database = SharedDatabase.start()) {
            Instances.Child a = Instances.spawn(database, logs.resolve("a.log"), instanceProperties("instance-a"));
            Instances.Child b = Instances.spawn(database, logs.resolve("b.log"), instanceProperties("instance-b"));
            try {
                TestDatabase db = database.client();
                for (int r = 0; r < RESTAURANTS; r++) {
                    String path = "/api/restaurants/r" + r;
                    assertThat(a.api().put(path, org.tablesolver.testing.Fixtures.plan()).status()).isEqualTo(201);
                    for (int i = 0; i < 6; i++) {
                        a.api().post(path + "/bookings", org.tablesolver.testing.Fixtures.booking("b" + i,
                                (18 + i % 3) + ":" + (i % 2 == 0 ? "00" : "30"), 2 + (i * 7 + r) % 5));
                    }
                }
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < SOLVES; i++) {
                    Api via = i % 2 == 0 ? a.api() : b.api();
                    Api.Response accepted = via.post("/api/restaurants/r" + (i % RESTAURANTS)
                            + "/days/2026-12-04/solve?wait=false", org.tablesolver.testing.Fixtures.parse("""
                            {"mode": "REOPTIMIZE", "config": "test-slow-start"}
                            """));
                    assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
                    ids.add(accepted.json().path("solveId").asText());
                }
                await().atMost(Duration.ofSeconds(120)).until(() -> committed(db) >= 30);
                // Killed while it runs solves: a proven day's solve ends in milliseconds (the bound, then a polish
                // that ends by its counts), so the moment is waited for rather than assumed.
                List<String> inFlight = new ArrayList<>();
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> {
                    inFlight.clear();
                    inFlight.addAll(db.jdbc().sql("""
                            select task_instance from scheduled_tasks where picked and picked_by = 'instance-a'
                            """).query(String.class).list());
                    return !inFlight.isEmpty();
                });
                a.kill();
                assertThat(inFlight).as("instance A was running solves when it was killed").isNotEmpty();

                await().atMost(Duration.ofSeconds(240)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> db.queryInt("select count(*) from solve_run where status in ('QUEUED', 'SOLVING')")
                                == 0);
                assertThat(db.queryInt("select count(*) from solve_run")).isEqualTo(SOLVES);
                assertThat(committed(db)).as("every job COMMITTED").isEqualTo(SOLVES);
                assertThat(db.jdbc().sql("select id from solve_run where status = 'COMMITTED'").query(String.class)
                        .list()).containsExactlyInAnyOrderElementsOf(ids);
                for (String id : inFlight) {
                    assertThat(db.jdbc().sql("select status from solve_run where id = :id").param("id", id)
                            .query(String.class).single()).as("taken over from the killed instance: %s", id)
                            .isEqualTo("COMMITTED");
                }
                assertThat(db.queryInt("select count(*) from scheduled_tasks")).as("no job left").isZero();
                DayInvariants.assertConsistent(db);
            } finally {
                a.kill();
                b.kill();
            }
        }
    }

    static int committed(TestDatabase db) {
        return db.queryInt("select count(*) from solve_run where status = 'COMMITTED'");
    }
}
