package org.tablesolver.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.SolvingTest;

/** The commands against a real database (the test context's), each in its own application as from a shell. */
@DatabaseTest
class CliCommandsTest extends SolvingTest {

    static final String DAY = """
            {"restaurant": {"id": "r1", "name": "Test Bistro", "timeZone": "Europe/London", "turnoverBufferMinutes": 10,
              "zones": [{"id": "bar", "name": "Bar"}, {"id": "garden", "name": "Garden"}],
              "tables": [{"id": "T1", "zone": "bar", "minCapacity": 1, "maxCapacity": 2},
                         {"id": "T2", "zone": "bar", "minCapacity": 2, "maxCapacity": 4},
                         {"id": "T3", "zone": "garden", "minCapacity": 2, "maxCapacity": 4},
                         {"id": "T4", "zone": "garden", "minCapacity": 4, "maxCapacity": 6}],
              "combinations": [{"id": "C1", "tables": ["T2", "T3"], "minCapacity": 5, "maxCapacity": 8}]},
             "bookings": [
              {"id": "b1", "date": "2026-12-04", "start": "2026-12-04T19:00:00", "durationMinutes": 90, "partySize": 2},
              {"id": "b2", "date": "2026-12-04", "start": "2026-12-04T19:00:00", "durationMinutes": 90, "partySize": 4},
              {"id": "b3", "date": "2026-12-04", "start": "2026-12-04T19:00:00", "durationMinutes": 90, "partySize": 4},
              {"id": "b4", "date": "2026-12-04", "start": "2026-12-04T19:00:00", "durationMinutes": 90, "partySize": 6},
              {"id": "b5", "date": "2026-12-04", "start": "2026-12-04T19:00:00", "durationMinutes": 90, "partySize": 8}]}
            """;

    @Autowired
    HikariDataSource dataSource;
    @TempDir
    Path temp;

    record Run(int status, String out, String err) {
    }

    /** Runs a command as {@code java -jar} would, against the test database. */
    Run cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--spring.datasource.url=" + dataSource.getJdbcUrl());
        all.add("--spring.datasource.username=" + dataSource.getUsername());
        all.add("--spring.datasource.password=" + (dataSource.getPassword() == null ? "" : dataSource.getPassword()));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    Path file(String name, String content) throws IOException {
        return Files.writeString(temp.resolve(name), content);
    }

    @Test
    void importPlanAndSolveADay() throws IOException {
        Run imported = cli("import", file("day.json", DAY).toString());
        assertThat(imported.status()).as("%s", imported).isZero();
        assertThat(imported.out()).contains("r1: created, 5 bookings created");

        Run plan = cli("plan", "--restaurant", "r1", "--date", "2026-12-04");
        assertThat(plan.status()).as("%s", plan).isZero();
        assertThat(plan.out()).contains("r1 on 2026-12-04 (Europe/London): 5 bookings, 0 CONFIRMED, 0 SEATED, 5 PENDING")
                .contains("No table yet (PENDING, 5)").contains("b5  19:00-20:30  party of 8");

        Run solved = cli("solve", "--restaurant", "r1", "--date", "2026-12-04", "--config", "test-fast");
        assertThat(solved.status()).as("%s", solved).isZero();
        assertThat(solved.out())
                .contains("r1 on 2026-12-04: COMMITTED (PENDING_ONLY, config test-fast), 1 attempt")
                .containsPattern("T1 +bar +1-2 +19:00-20:30 b1 \\(2\\)")
                .containsPattern("T4 +garden +4-6 +19:00-20:30 b4 \\(6\\)")
                .contains("Unseated (1), still PENDING:")
                .containsPattern("b5  19:00  party of 8  Every table or combination that seats a party of 8 is taken")
                .contains("Seated 4 of 5 bookings (4 newly confirmed, 0 moved), 1 unseated.");
        assertThat(solved.err()).as("progress").contains("[r1] COMMITTED after");
        assertThat(db.queryInt("select count(*) from booking where status = 'CONFIRMED'")).isEqualTo(4);

        Run after = cli("plan", "--restaurant", "r1", "--date", "2026-12-04");
        assertThat(after.out()).contains("5 bookings, 4 CONFIRMED, 0 SEATED, 1 PENDING");
    }

    @Test
    void aBatchWithWaitSolvesEveryRestaurantAndPrintsEachOutcome() throws IOException {
        assertThat(cli("import", file("day.json", DAY).toString()).status()).isZero();
        Map<String, List<String>> before = db.snapshot();
        Run unknown = cli("batch", "--date", "2026-12-04", "--restaurants", "r1,nope");
        assertThat(unknown.status()).as("%s", unknown.err()).isEqualTo(3);
        assertThat(unknown.err()).contains("nope");
        Run noDate = cli("batch", "--wait");
        assertThat(noDate.status()).isEqualTo(2);
        assertThat(db.snapshot()).isEqualTo(before);

        Run batch = cli("batch", "--date", "2026-12-04", "--config", "test-fast", "--wait");
        assertThat(batch.status()).as("%s", batch).isZero();
        assertThat(batch.out()).contains("1 solves accepted (PENDING_ONLY, config test-fast)")
                .containsPattern("r1 +COMMITTED +seated 4, unseated 1, newly confirmed 4")
                .contains("1 of 1 committed.");
        assertThat(db.queryInt("select count(*) from booking where status = 'CONFIRMED'")).isEqualTo(4);
        assertThat(db.queryInt("select count(*) from solve_batch where origin = 'CLI'")).isEqualTo(1);
    }

    @Test
    void refusalsExitNonZeroAndChangeNothing() throws IOException {
        assertThat(cli("import", file("day.json", DAY).toString()).status()).isZero();
        Map<String, List<String>> before = db.snapshot();

        Run unknown = cli("solve", "--restaurant", "nope", "--date", "2026-12-04");
        assertThat(unknown.status()).isEqualTo(3);
        assertThat(unknown.err()).contains("error: Restaurant 'nope' does not exist.");

        Run config = cli("solve", "--all", "--date", "2026-12-04", "--config", "no-such-config");
        assertThat(config.status()).isEqualTo(2);
        assertThat(config.err()).contains("error: config: Unknown solver configuration 'no-such-config'");

        Run invalid = cli("import", file("bad.json", DAY.replace("\"partySize\": 8", "\"partySize\": 0")).toString());
        assertThat(invalid.status()).isEqualTo(2);
        assertThat(invalid.err()).contains("bookings[4].partySize");

        Run plan = cli("plan", "--restaurant", "nope", "--date", "2026-12-04");
        assertThat(plan.status()).isEqualTo(3);
        assertThat(db.snapshot()).isEqualTo(before);

        Run nothing = cli("solve", "--all", "--date", "2027-01-01");
        assertThat(nothing.status()).isZero();
        assertThat(nothing.out()).contains("No restaurant has bookings on 2027-01-01");
    }

    @Test
    void createKeyPrintsASecretThatTheApiAccepts() throws IOException {
        assertThat(cli("import", file("day.json", DAY).toString()).status()).isZero();
        Run created = cli("create-key", "--name", "widget", "--scopes", "book,read", "--restaurants", "r1");
        assertThat(created.status()).as("%s", created).isZero();
        assertThat(created.out()).containsPattern("Created API key key_[0-9a-f]{16} \\(widget\\), scopes book,read, "
                + "restaurants r1\\.");
        String secret = created.out().lines().reduce((first, second) -> second).orElseThrow();
        assertThat(secret).startsWith("tsk_");
        assertThat(api.as(secret).get("/api/restaurants/r1/bookings/b1").status()).isEqualTo(200);
        assertThat(api.as(secret).get("/api/restaurants/r2").status()).isEqualTo(403);

        Map<String, List<String>> before = db.snapshot();
        Run badScope = cli("create-key", "--name", "x", "--scopes", "book,write");
        assertThat(badScope.status()).isEqualTo(2);
        assertThat(badScope.err()).contains("scopes[1]");
        Run missing = cli("create-key", "--name", "x");
        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("create-key needs --name N and --scopes");
        assertThat(db.snapshot()).isEqualTo(before);
    }

    @Test
    void benchmarkSolvesEveryDayWithEveryConfigurationAndWritesNothing() throws IOException {
        // two restaurants in one file, and r1's day again in a second file as another restaurant
        Path first = file("days.json", DAY);
        Path second = file("more.json", DAY.replace("\"id\": \"r1\"", "\"id\": \"r2\""));
        Path myConfig = Files.copy(Path.of("src/test/resources/solver-config/test-fast.xml"), temp.resolve("mine.xml"));
        Path out = temp.resolve("report");
        Map<String, List<String>> before = db.snapshot();
        Run run = cli("benchmark", "--days", first.toString(), second.toString(), "--configs",
                "quick," + myConfig, "--out", out.toString());
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(run.err()).contains("r1 2026-12-04 (5 bookings): greedy").contains("cp-sat");
        assertThat(db.snapshot()).as("a benchmark writes nothing").isEqualTo(before);

        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        assertThat(csv.get(0)).isEqualTo("restaurant,date,bookings,solver,seated,weight,bound,gap,proven,seconds,endedBy");
        List<String[]> rows = csv.subList(1, csv.size()).stream().map(line -> line.split(",", -1)).toList();
        assertThat(rows).hasSize(2 * 4); // two days x (greedy, quick, mine.xml, cp-sat)
        assertThat(rows).extracting(row -> row[3]).containsExactly("greedy", "quick", "mine.xml", "cp-sat",
                "greedy", "quick", "mine.xml", "cp-sat");
        for (int day = 0; day < 2; day++) {
            String[] exact = rows.get(day * 4 + 3);
            assertThat(exact[10]).isEqualTo("OPTIMAL");
            long optimum = Long.parseLong(exact[5]);
            for (int i = 0; i < 3; i++) {
                String[] row = rows.get(day * 4 + i);
                assertThat(Long.parseLong(row[5])).as("%s never beats the proven optimum", row[3])
                        .isLessThanOrEqualTo(optimum);
                if (row[8].equals("true")) {
                    assertThat(Long.parseLong(row[5])).as("%s says proven: it has the optimum", row[3])
                            .isEqualTo(optimum);
                }
            }
            assertThat(rows.get(day * 4 + 1)[8]).as("quick proves this small day").isEqualTo("true");
        }
        assertThat(Files.readString(out.resolve("summary.md"))).contains("| r2 | 2026-12-04 | 5 | quick |")
                .contains("Totals per solver");
        try (java.util.stream.Stream<Path> reports = Files.list(out.resolve("timefold"))) {
            Path report = reports.filter(folder -> Files.isRegularFile(folder.resolve("index.html"))).findFirst()
                    .orElseThrow();
            assertThat(Files.readString(report.resolve("problems.md"))).contains("| Problem_1 | r2 2026-12-04 | 5 |");
        }
        assertThat(run.out()).contains("Timefold's report: ");
    }

    @Test
    void benchmarkRefusesAnUnknownConfigurationBeforeSolving() throws IOException {
        Run run = cli("benchmark", "--days", file("days.json", DAY).toString(), "--configs", "default,nope",
                "--out", temp.resolve("report").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("nope");
        assertThat(Files.exists(temp.resolve("report"))).isFalse();
    }

    @Test
    void benchmarkReadsTheStoredDaysOfARestaurant() throws IOException {
        assertThat(cli("import", file("day.json", DAY).toString()).status()).isZero();
        Map<String, List<String>> before = db.snapshot();
        Path out = temp.resolve("stored");
        Run run = cli("benchmark", "--restaurant", "r1", "--from", "2026-12-03", "--to", "2026-12-05",
                "--configs", "quick", "--out", out.toString(), "--no-html");
        assertThat(run.status()).as("%s", run).isZero();
        assertThat(db.snapshot()).as("a benchmark writes nothing").isEqualTo(before);
        List<String> csv = Files.readAllLines(out.resolve("summary.csv"));
        // the one date with bookings: greedy, quick, cp-sat
        assertThat(csv.subList(1, csv.size())).extracting(line -> line.split(",")[0] + " " + line.split(",")[1] + " "
                + line.split(",")[3]).containsExactly("r1 2026-12-04 greedy", "r1 2026-12-04 quick",
                "r1 2026-12-04 cp-sat");
        assertThat(Files.exists(out.resolve("timefold"))).isFalse();
        assertThat(cli("benchmark", "--restaurant", "nowhere", "--from", "2026-12-04", "--to", "2026-12-04",
                "--configs", "quick", "--out", out.toString()).status()).isEqualTo(2);
    }
}
