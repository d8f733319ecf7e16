package org.tablesolver.solve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tablesolver.testing.Fixtures.parse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.tablesolver.cli.Cli;
import org.tablesolver.importing.ImportService;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/**
 * The demo day (seed-day: five restaurants, 105 pending bookings) solved end to end with the production
 * configuration, via REST and via {@code solve --all}: every restaurant's committed plan seats as much as
 * the optimum proven by CP-SAT on the same snapshot.
 */
@DatabaseTest
class SeedDayEndToEndTest extends SolvingTest {

    static final LocalDate DATE = LocalDate.of(2026, 12, 4);
    static final List<String> RESTAURANTS = List.of("cafe-3", "finedining-4", "finedining-5", "pub-1", "pub-2");
    /** Per restaurant, computed once: the imported day is the same for every test. */
    static Map<String, CpSatReference.Result> optimum;

    @Autowired
    ImportService imports;
    @Autowired
    DayLoader loader;
    @Autowired
    HikariDataSource dataSource;

    @BeforeEach
    void seedDay() throws IOException {
        try (InputStream json = new ClassPathResource("demo/seed-day.json").getInputStream()) {
            assertThat(imports.importJson(json).bookingsCreated()).isEqualTo(105);
        }
        if (optimum == null) {
            Map<String, CpSatReference.Result> proven = new LinkedHashMap<>();
            for (String restaurant : RESTAURANTS) {
                LoadedDay day = loader.load(new DayKey(restaurant, DATE));
                CpSatReference.Result result = CpSatReference.solve(
                        SeatingPlanBuilder.build(day.input(), SolveMode.PENDING_ONLY), 60);
                assertThat(result.optimal()).as("CP-SAT proves the optimum of %s", restaurant).isTrue();
                proven.put(restaurant, result);
            }
            optimum = proven;
        }
    }

    /** What the committed plan of a restaurant must seat: the proven optimum. */
    static int expectedWeight(String restaurant) {
        return (int) optimum.get(restaurant).seatedWeight();
    }

    /** Sum of 1 + priority over the CONFIRMED and SEATED bookings of a restaurant's day: what the solver maximizes. */
    int committedWeight(String restaurant) {
        return db.queryInt("""
                select coalesce(sum(1 + priority), 0)::int from booking
                where restaurant_id = ? and service_date = date '2026-12-04' and status in ('CONFIRMED', 'SEATED')
                """, restaurant);
    }

    @Test
    void allFiveRestaurantsSolvedInParallelOverRestReachTheProvenOptimum() {
        Map<String, String> solveIds = new LinkedHashMap<>();
        for (String restaurant : RESTAURANTS) {
            Api.Response accepted = api.post("/api/restaurants/" + restaurant + "/days/2026-12-04/solve?wait=false",
                    parse("{\"config\": \"default\"}"));
            assertThat(accepted.status()).as("%s", accepted).isEqualTo(202);
            solveIds.put(restaurant, accepted.json().path("solveId").asText());
        }
        for (Map.Entry<String, String> solve : solveIds.entrySet()) {
            String restaurant = solve.getKey();
            JsonNode result = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                    .until(() -> api.get("/api/solves/" + solve.getValue()).json(),
                            json -> !List.of("QUEUED", "SOLVING").contains(json.path("status").asText()));
            assertThat(result.path("status").asText()).as("%s", result).isEqualTo("COMMITTED");
            assertThat(committedWeight(restaurant)).as("%s: seated weight against CP-SAT's %s", restaurant,
                    optimum.get(restaurant).seatedWeight()).isEqualTo(expectedWeight(restaurant));
            assertThat(result.path("seated").asInt()).isEqualTo(
                    db.queryInt("select count(*) from booking where restaurant_id = ? and status = 'CONFIRMED'",
                            restaurant));
            assertThat(result.path("seated").asInt() + result.path("unseated").asInt())
                    .isEqualTo(db.queryInt("select count(*) from booking where restaurant_id = ?", restaurant));
        }
    }

    @Test
    void solveAllOnTheCommandLineReachesTheProvenOptimum() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(new String[] {"solve", "--all", "--date", "2026-12-04",
                "--spring.datasource.url=" + dataSource.getJdbcUrl(),
                "--spring.datasource.username=" + dataSource.getUsername(),
                "--spring.datasource.password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword())},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(printed + err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(printed).contains("5 of 5 restaurants committed");
        for (String restaurant : RESTAURANTS) {
            assertThat(printed).contains(restaurant + " on 2026-12-04: COMMITTED (PENDING_ONLY, config default)");
            assertThat(committedWeight(restaurant)).as("%s: seated weight against CP-SAT's %s", restaurant,
                    optimum.get(restaurant).seatedWeight()).isEqualTo(expectedWeight(restaurant));
        }
        String progress = err.toString(StandardCharsets.UTF_8);
        assertThat(progress).as("progress").contains("[cafe-3] COMMITTED after");
        // a progress line every second while a solve runs: proven solves of the demo day often end before one
        progress.lines().filter(line -> line.contains(" SOLVING ")).forEach(line -> assertThat(line)
                .matches("\\[[a-z0-9-]+\\] SOLVING [0-9.]+ s, attempt 1, best \\[0\\]hard/.*, seated \\d+ of \\d+"));
        assertThat(printed).contains("Proven optimal: no plan seats more");
    }

    @Test
    void reoptimizingASolvedDayKeepsEveryConfirmedBookingSeated() {
        for (String restaurant : RESTAURANTS) {
            String solve = "/api/restaurants/" + restaurant + "/days/2026-12-04/solve";
            Api.Response first = api.post(solve, parse("{\"config\": \"default\"}"));
            assertThat(first.status()).as("%s", first).isEqualTo(200);
            List<String> confirmed = db.jdbc().sql("""
                            select id from booking where restaurant_id = :r and status = 'CONFIRMED' order by id
                            """).param("r", restaurant).query(String.class).list();

            Api.Response reoptimized = api.post(solve, parse("{\"mode\": \"REOPTIMIZE\", \"config\": \"default\"}"));
            assertThat(reoptimized.status()).as("%s", reoptimized).isEqualTo(200);
            assertThat(reoptimized.json().path("seated").asInt()).as(restaurant)
                    .isGreaterThanOrEqualTo(first.json().path("seated").asInt());
            assertThat(db.jdbc().sql("""
                            select id from booking where restaurant_id = :r and status = 'CONFIRMED' order by id
                            """).param("r", restaurant).query(String.class).list())
                    .as("%s: nobody confirmed lost a seat", restaurant).containsAll(confirmed);
            assertThat(committedWeight(restaurant)).isGreaterThanOrEqualTo(expectedWeight(restaurant))
                    .isLessThanOrEqualTo((int) optimum.get(restaurant).seatedWeight());
        }
    }
}
