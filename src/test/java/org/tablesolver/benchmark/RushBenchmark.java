package org.tablesolver.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.tablesolver.availability.ColdCheck;
import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.Instances;
import org.tablesolver.testing.SharedDatabase;

/**
 * A booking rush (benchmarks/README.md#booking-rush): the service in a process of its own on one PostgreSQL,
 * concurrent widget clients in this JVM, each running guest sessions against a random restaurant for a fixed time:
 * the evening's grid for a random party, then a hold and its confirmation, or a direct confirmation, of the offered
 * start nearest to the one wanted. Restaurants: small days (15 tables, 30 bookings solved beforehand) and, unless
 * left out, two large ones (120 tables, 400 bookings solved beforehand). Per run: requests per second, latency per
 * operation, errors, 503s, timeouts and the availability cells computed per committed write; after the rush, every
 * restaurant's grids are checked cold (a fresh load and a fresh exact check, in another instance) against the
 * answers the view gave.
 * <pre>
 * ./mvnw -B test -Dtest=RushBenchmark -Dgroups=benchmark -DexcludedTestGroups=experiment \
 *     [-Drush.clients=1,16,64] [-Drush.seconds=60] [-Drush.small=18] [-Drush.large=2] [-Drush.args="--a=b ..."]
 * </pre>
 */
@Tag("benchmark")
class RushBenchmark {

    static final LocalDate DATE = BenchmarkDatasets.DATE;
    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    record Site(String id, DayInput day, FloorPlan plan, boolean large) {
    }

    record Run(int clients, boolean large, double seconds, int requests, Map<String, List<Double>> latency,
               int errors, int busy, int timeouts, int writes, double cellsComputed, double cellsReused,
               int slotsChecked, List<String> mismatches, int notProvenLarge, List<Double> coldLarge,
               List<Double> warmLarge) {
    }

    @Test
    void rush() throws Exception {
        Path dir = Path.of(System.getProperty("benchmark.dir", "target/benchmark-rush"));
        Files.createDirectories(dir);
        int seconds = Integer.getInteger("rush.seconds", 60);
        int small = Integer.getInteger("rush.small", 18);
        int large = Integer.getInteger("rush.large", 2);
        List<Integer> clientCounts = Arrays.stream(System.getProperty("rush.clients", "1,16,64").split(","))
                .map(String::trim).map(Integer::valueOf).toList();
        List<Run> runs = new ArrayList<>();
        for (int clients : clientCounts) {
            runs.add(run(dir, clients, seconds, small, large));
        }
        int most = clientCounts.stream().max(Integer::compare).orElseThrow();
        if (large > 0 && small > 0) {
            runs.add(run(dir, most, seconds, small, 0));
        }
        String report = report(runs, seconds, small, large, most);
        Files.writeString(dir.resolve("rush.md"), report);
        System.out.println(report);
        for (Run run : runs) {
            assertThat(run.mismatches()).as("every answer equals a cold exact check").isEmpty();
        }
    }

    private Run run(Path dir, int clients, int seconds, int smallCount, int largeCount) throws Exception {
        try (SharedDatabase database = SharedDatabase.start()) {
            List<String> arguments = new ArrayList<>(List.of("--logging.level.root=WARN",
                    "--tablesolver.solve.default-config=default"));
            // more of the service's settings, for a probe: -Drush.args="--logging.level.org.tablesolver...=DEBUG"
            arguments.addAll(Arrays.stream(System.getProperty("rush.args", "").split(" "))
                    .filter(argument -> !argument.isBlank()).toList());
            Instances.Child server = Instances.spawnWithHeap(database,
                    dir.resolve("rush-" + clients + (largeCount > 0 ? "" : "-small") + ".log"), "-Xmx2g",
                    arguments.toArray(String[]::new));
            try {
                Api api = server.api();
                List<Site> sites = new ArrayList<>();
                for (int i = 0; i < smallCount; i++) {
                    sites.add(site(api, "small-" + i, DayGenerator.generate("small-" + i, DATE, BenchmarkDatasets.ZONE,
                            DayGenerator.Profile.RESTAURANT, 15, 30, 7000L + i), false));
                }
                for (int i = 0; i < largeCount; i++) {
                    sites.add(site(api, "large-" + i, DayGenerator.generate("large-" + i, DATE, BenchmarkDatasets.ZONE,
                            DayGenerator.Profile.RESTAURANT, 120, 400, 8000L + i), true));
                }
                // One client, nothing kept yet: the first grids of the large days (cold), then the same again (warm).
                List<Double> cold = new ArrayList<>();
                List<Double> warm = new ArrayList<>();
                for (Site site : sites) {
                    if (site.large()) {
                        for (int party : new int[] {2, 4, 6}) {
                            cold.add(timedGet(api, grid(site, party)));
                            warm.add(timedGet(api, grid(site, party)));
                        }
                    }
                }
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                rush(http, server.port(), sites, clients, 10, 1); // warm-up, not counted
                double computedBefore = cells(api, "computed");
                double reusedBefore = cells(api, "reused");
                Run counted = rush(http, server.port(), sites, clients, seconds, 2);
                double computed = cells(api, "computed") - computedBefore;
                double reused = cells(api, "reused") - reusedBefore;
                // After the rush: holds that were never taken over lapse, then every grid is checked cold.
                Thread.sleep(22_000);
                ConfigurableApplicationContext checker = Instances.start(database, "--logging.level.root=WARN",
                        "--tablesolver.solve.run-others=false");
                List<String> mismatches = new ArrayList<>();
                int checked = 0;
                int notProven = 0;
                try {
                    for (Site site : sites) {
                        for (int party : new int[] {2, 4}) {
                            timedGet(api, grid(site, party));
                            JsonNode answer = api.get(grid(site, party)).json();
                            checked += answer.path("slots").size();
                            for (JsonNode slot : answer.path("slots")) {
                                if (site.large() && "NOT_PROVEN".equals(slot.path("code").asText())) {
                                    notProven++;
                                }
                            }
                            ColdCheck.mismatches(checker, site.id(), DATE, answer)
                                    .forEach(m -> mismatches.add(site.id() + " party " + party + " " + m));
                            long asOf = answer.path("asOf").asLong();
                            assertThat(api.get(grid(site, party)).json().path("asOf").asLong())
                                    .as("nothing changed while it was checked").isEqualTo(asOf);
                        }
                    }
                } finally {
                    checker.close();
                }
                return new Run(clients, largeCount > 0, counted.seconds(), counted.requests(), counted.latency(),
                        counted.errors(), counted.busy(), counted.timeouts(), counted.writes(), computed, reused,
                        checked, mismatches, notProven, cold, warm);
            } finally {
                server.kill();
            }
        }
    }

    /** Creates the restaurant with its day's bookings as requests, and solves the day. */
    private Site site(Api api, String id, DayInput day, boolean large) throws Exception {
        ScaleOutBenchmark.upload(api, id, day);
        Api.Response solved = api.post("/api/restaurants/" + id + "/days/" + DATE + "/solve", null);
        assertThat(solved.status()).as("%s", solved).isEqualTo(200);
        return new Site(id, day, OnlineBookingBench.floorPlan(id, day), large);
    }

    private static String grid(Site site, int party) {
        return "/api/restaurants/" + site.id() + "/days/" + DATE + "/availability?partySize=" + party;
    }

    /** The time until the answer, asking again after each 503 (as a client told Retry-After would). */
    private static double timedGet(Api api, String path) {
        long began = System.nanoTime();
        Api.Response response = api.get(path);
        while (response.status() == 503 && System.nanoTime() - began < 300_000_000_000L) {
            response = api.get(path);
        }
        double millis = (System.nanoTime() - began) / 1e6;
        assertThat(response.status()).as("%s", response).isEqualTo(200);
        return millis;
    }

    private static double cells(Api api, String outcome) {
        JsonNode metric = api.get("/actuator/metrics/tablesolver.availability.cells?tag=outcome:" + outcome).json();
        return metric.path("measurements").get(0).path("value").asDouble();
    }

    /** Clients running guest sessions for {@code seconds}. */
    private Run rush(HttpClient http, int port, List<Site> sites, int clients, int seconds, long seed) throws Exception {
        Map<String, List<Double>> latency = new ConcurrentHashMap<>();
        AtomicInteger requests = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger busy = new AtomicInteger();
        AtomicInteger timeouts = new AtomicInteger();
        AtomicInteger writes = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger sessions = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    while (!stop.get()) {
                        int session = sessions.getAndIncrement();
                        Random random = new Random(seed * 1_000_003 + session);
                        Site site = sites.get(random.nextInt(sites.size()));
                        int party = 1 + Math.min(random.nextInt(6), random.nextInt(7));
                        FloorPlan.ServicePeriod period = site.plan().servicePeriods().get(0);
                        int span = (int) Duration.between(period.firstArrival(), period.lastArrival()).toMinutes() / 15;
                        LocalDateTime wanted = DATE.atTime(period.firstArrival()).plusMinutes(15L * random.nextInt(span + 1));
                        String base = "/api/restaurants/" + site.id();
                        Answer grid = send(http, port, "GET", grid(site, party), null);
                        record(latency, site.large() ? "grid (large)" : "grid (small)", grid, requests, errors, busy,
                                timeouts);
                        if (grid.status() != 200) {
                            continue;
                        }
                        LocalDateTime chosen = OnlineBookingBench.nearestAvailable(grid.json(), wanted);
                        if (chosen == null) {
                            continue;
                        }
                        ObjectNode booking = JSON.createObjectNode().put("date", DATE.toString())
                                .put("start", chosen + ":00").put("partySize", party).put("confirm", true);
                        if (random.nextBoolean()) {
                            ObjectNode hold = JSON.createObjectNode().put("partySize", party).put("start", chosen + ":00")
                                    .put("expiresInSeconds", 20);
                            Answer held = send(http, port, "POST", base + "/holds", hold);
                            record(latency, "hold", held, requests, errors, busy, timeouts);
                            if (held.status() != 201) {
                                continue;
                            }
                            writes.incrementAndGet();
                            booking.put("holdId", held.json().path("id").asText());
                        }
                        Answer confirmed = send(http, port, "POST", base + "/bookings", booking);
                        record(latency, "confirmation", confirmed, requests, errors, busy, timeouts);
                        if (confirmed.status() == 201) {
                            writes.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(seconds * 1000L);
            stop.set(true);
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double elapsed = (System.nanoTime() - began) / 1e9;
        return new Run(clients, true, elapsed, requests.get(), latency, errors.get(), busy.get(), timeouts.get(),
                writes.get(), 0, 0, 0, List.of(), 0, List.of(), List.of());
    }

    private record Answer(int status, JsonNode json, double millis) {
    }

    private static Answer send(HttpClient http, int port, String method, String path, Object body) {
        long began = System.nanoTime();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + Instances.ADMIN_KEY);
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            double millis = (System.nanoTime() - began) / 1e6;
            JsonNode json = response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, millis);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(-1, JSON.nullNode(), (System.nanoTime() - began) / 1e6);
        } catch (Exception e) {
            return new Answer(-2, JSON.nullNode(), (System.nanoTime() - began) / 1e6);
        }
    }

    private static void record(Map<String, List<Double>> latency, String operation, Answer answer,
                               AtomicInteger requests, AtomicInteger errors, AtomicInteger busy, AtomicInteger timeouts) {
        requests.incrementAndGet();
        latency.computeIfAbsent(operation, k -> new CopyOnWriteArrayList<>()).add(answer.millis());
        if (answer.status() == -1) {
            timeouts.incrementAndGet();
        } else if (answer.status() == 503) {
            busy.incrementAndGet();
        } else if (answer.status() < 0 || answer.status() >= 500) {
            errors.incrementAndGet();
        }
    }

    private static String report(List<Run> runs, int seconds, int small, int large, int most) {
        StringBuilder out = new StringBuilder("# Booking rush\n\n");
        out.append("Machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(System.getProperty("java.vm.name")).append(' ').append(System.getProperty("java.version"))
                .append("; the service in its own JVM (-Xmx2g) on embedded PostgreSQL 17, the clients in the test JVM. ")
                .append(small).append(" small restaurants (15 tables, 30 bookings solved beforehand) and ").append(large)
                .append(" large ones (120 tables, 400 bookings solved beforehand); ").append(seconds)
                .append(" s per run after a 10 s warm-up; milliseconds over HTTP.\n\n");
        out.append("| clients | large days | requests/s | grid small p50 / p95 / p99 | grid large p50 / p95 / p99 "
                + "| hold p95 | confirmation p95 | errors | 503 | timeouts | cells computed per write | cells kept |\n");
        out.append("| ---: | --- | ---: | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Run run : runs) {
            out.append("| ").append(run.clients()).append(" | ").append(run.large() ? "yes" : "no").append(" | ")
                    .append(f(run.requests() / run.seconds())).append(" | ")
                    .append(p(run.latency().get("grid (small)"))).append(" | ")
                    .append(p(run.latency().get("grid (large)"))).append(" | ")
                    .append(f(q(run.latency().get("hold"), 0.95))).append(" | ")
                    .append(f(q(run.latency().get("confirmation"), 0.95))).append(" | ")
                    .append(run.errors()).append(" | ").append(run.busy()).append(" | ").append(run.timeouts())
                    .append(" | ").append(f(run.writes() == 0 ? 0 : run.cellsComputed() / run.writes())).append(" | ")
                    .append(String.format(Locale.ROOT, "%.0f%%", 100 * run.cellsReused()
                            / Math.max(1, run.cellsReused() + run.cellsComputed()))).append(" |\n");
        }
        out.append("\nAfter each rush: ");
        for (Run run : runs) {
            out.append(run.clients()).append(run.large() ? "" : " (small only)").append(": ")
                    .append(run.slotsChecked() - run.mismatches().size()).append(" of ").append(run.slotsChecked())
                    .append(" slots equal to a cold exact check, ").append(run.notProvenLarge())
                    .append(" NOT_PROVEN on the large days; ");
        }
        out.append("\n\nOne client, the large days' first grids (cold) and the same again (warm), p50 / max: ");
        for (Run run : runs) {
            if (!run.coldLarge().isEmpty()) {
                out.append(run.clients()).append(" clients' server: cold ").append(f(q(run.coldLarge(), 0.5)))
                        .append(" / ").append(f(q(run.coldLarge(), 1.0))).append(", warm ")
                        .append(f(q(run.warmLarge(), 0.5))).append(" / ").append(f(q(run.warmLarge(), 1.0)))
                        .append("; ");
            }
        }
        Run withLarge = runs.stream().filter(r -> r.clients() == most && r.large()).findFirst().orElse(null);
        Run without = runs.stream().filter(r -> r.clients() == most && !r.large()).findFirst().orElse(null);
        out.append("\n\nTargets (").append(most).append(" clients): ");
        if (withLarge != null) {
            double rps = withLarge.requests() / withLarge.seconds();
            double grid = q(concat(withLarge.latency().get("grid (small)"), withLarge.latency().get("grid (large)")), 0.95);
            out.append(target("requests/s >= 300", rps >= 300, f(rps)))
                    .append(target("grid p95 <= 25 ms", grid <= 25, f(grid)))
                    .append(target("hold p95 <= 60 ms", q(withLarge.latency().get("hold"), 0.95) <= 60,
                            f(q(withLarge.latency().get("hold"), 0.95))))
                    .append(target("confirmation p95 <= 60 ms", q(withLarge.latency().get("confirmation"), 0.95) <= 60,
                            f(q(withLarge.latency().get("confirmation"), 0.95))))
                    .append(target("0 errors and timeouts", withLarge.errors() + withLarge.timeouts() == 0,
                            withLarge.errors() + " + " + withLarge.timeouts()));
            if (without != null) {
                double a = q(withLarge.latency().get("grid (small)"), 0.95);
                double b = q(without.latency().get("grid (small)"), 0.95);
                out.append(target("small grids' p95 within 20% with and without the large days",
                        Math.abs(a - b) <= 0.2 * Math.max(a, b), f(a) + " vs " + f(b)));
            }
        }
        return out.append('\n').toString();
    }

    private static String target(String what, boolean met, String value) {
        return what + ": " + (met ? "met" : "MISSED") + " (" + value + "); ";
    }

    private static List<Double> concat(List<Double> a, List<Double> b) {
        List<Double> all = new ArrayList<>(a == null ? List.of() : a);
        if (b != null) {
            all.addAll(b);
        }
        return all;
    }

    private static String p(List<Double> millis) {
        if (millis == null || millis.isEmpty()) {
            return "-";
        }
        return f(q(millis, 0.5)) + " / " + f(q(millis, 0.95)) + " / " + f(q(millis, 0.99));
    }

    private static double q(List<Double> millis, double quantile) {
        if (millis == null || millis.isEmpty()) {
            return 0;
        }
        List<Double> sorted = millis.stream().sorted().toList();
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)));
    }

    private static String f(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
