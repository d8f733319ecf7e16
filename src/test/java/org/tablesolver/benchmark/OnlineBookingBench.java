package org.tablesolver.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.tablesolver.availability.OnlineBookingService;
import org.tablesolver.booking.BookingRequest;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.TestDatabase;
import org.tablesolver.web.ApiException;

/**
 * The online booking benchmark (benchmarks/README.md):
 * <ul>
 * <li><b>latency</b>: per restaurant-day, its bookings confirmed on the spot in arrival order, each call timed
 * in the server process (service call, database included, no HTTP); then the availability of the whole day's
 * grid for parties of 2, 4 and 6, timed the same way, repeatedly;</li>
 * <li><b>widget load</b>: concurrent HTTP clients against one restaurant running the booking widget's flow
 * (availability, capacity hold, confirmation; some abandon their hold), with throughput, latency, refusals,
 * the oversell count (from the stored plan) and the covers seated against the offline optimum for the same
 * requests (CP-SAT with hindsight).</li>
 * </ul>
 */
final class OnlineBookingBench {

    static final LocalDate DATE = BenchmarkDatasets.DATE;

    record Percentiles(int count, double p50, double p95, double p99) {
        static Percentiles of(List<Double> millis) {
            List<Double> sorted = millis.stream().sorted().toList();
            if (sorted.isEmpty()) {
                return new Percentiles(0, 0, 0, 0);
            }
            return new Percentiles(sorted.size(), at(sorted, 0.50), at(sorted, 0.95), at(sorted, 0.99));
        }

        private static double at(List<Double> sorted, double q) {
            return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
        }

        String cells() {
            return "%.1f | %.1f | %.1f".formatted(p50, p95, p99);
        }
    }

    record LatencyRow(String dataset, int bookings, int tables, int accepted, int refused, Percentiles confirm,
                      Percentiles grid, Percentiles gridRepeated, int slotsPerGrid) {
    }

    record LoadResult(int clients, int flows, double seconds, int requests, Map<String, Percentiles> latency,
                      int booked, int refusedAvailability, int refusedHold, int refusedConfirm, int abandoned,
                      int oversold, long coversBooked, long coversOffline) {
    }

    private final OnlineBookingService online;
    private final FloorPlanService floorPlans;
    private final TestDatabase db;
    private final Api api;
    private final ObjectMapper json = new ObjectMapper();

    OnlineBookingBench(OnlineBookingService online, FloorPlanService floorPlans, TestDatabase db, Api api) {
        this.online = online;
        this.floorPlans = floorPlans;
        this.db = db;
        this.api = api;
    }

    /** The floor plan of a generated or seed day, with a service period spanning its bookings' starts. */
    static FloorPlan floorPlan(String id, DayInput day) {
        LocalDateTime first = day.bookings().stream().map(b -> LocalDateTime.ofInstant(b.start(), day.timeZone()))
                .min(Comparator.naturalOrder()).orElseThrow();
        LocalDateTime last = day.bookings().stream().map(b -> LocalDateTime.ofInstant(b.start(), day.timeZone()))
                .max(Comparator.naturalOrder()).orElseThrow();
        LocalTime from = first.toLocalTime().withMinute(first.getMinute() / 15 * 15);
        LocalTime to = last.toLocalDate().isAfter(DATE) ? LocalTime.of(23, 45) : last.toLocalTime();
        List<FloorPlan.Zone> zones = day.tables().stream().map(DayInput.Table::zoneId).distinct()
                .map(z -> new FloorPlan.Zone(z, z)).toList();
        return new FloorPlan(id, id, day.timeZone().getId(), day.turnoverBufferMinutes(), zones,
                day.tables().stream().map(t -> new FloorPlan.Table(t.id(), t.zoneId(), t.minCapacity(),
                        t.maxCapacity(), t.inService())).toList(),
                day.combinations().stream().map(c -> new FloorPlan.Combination(c.id(), c.tableIds(), c.minCapacity(),
                        c.maxCapacity())).toList(),
                List.of(new FloorPlan.ServicePeriod("service", List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"),
                        from, to)),
                List.of(new FloorPlan.TurnTime(2, 75), new FloorPlan.TurnTime(4, 90), new FloorPlan.TurnTime(100, 120)),
                15, null);
    }

    LatencyRow latency(String name, DayInput day, int gridRepeats) {
        String id = restaurantId(name);
        floorPlans.replace(id, floorPlan(id, day));
        List<Double> confirm = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        List<DayInput.Booking> arrivals = day.bookings().stream().sorted(Comparator.comparing(DayInput.Booking::id))
                .toList();
        for (DayInput.Booking booking : arrivals) {
            BookingRequest request = new BookingRequest(booking.id(), DATE,
                    LocalDateTime.ofInstant(booking.start(), day.timeZone()), booking.durationMinutes(),
                    booking.partySize(), booking.preferredZone(), booking.requiredZone(), booking.priority(), null, true,
                    null);
            long began = System.nanoTime();
            try {
                online.createConfirmed(id, request);
                accepted++;
            } catch (ApiException refusal) {
                refused++;
            }
            confirm.add((System.nanoTime() - began) / 1e6);
        }
        List<Double> grid = new ArrayList<>();
        List<Double> cached = new ArrayList<>();
        int slots = 0;
        for (int i = 0; i < gridRepeats; i++) {
            for (int party : new int[] {2, 4, 6}) {
                // Cold: the first answer after a change (nothing cached). Then the same question again.
                online.forgetCachedAvailability();
                long began = System.nanoTime();
                slots = online.availability(id, DATE, party, null, null, null, null).slots().size();
                grid.add((System.nanoTime() - began) / 1e6);
                began = System.nanoTime();
                online.availability(id, DATE, party, null, null, null, null);
                cached.add((System.nanoTime() - began) / 1e6);
            }
        }
        return new LatencyRow(name, day.bookings().size(), day.tables().size(), accepted, refused,
                Percentiles.of(confirm), Percentiles.of(grid), Percentiles.of(cached), slots);
    }

    /** One widget flow's outcome, for the offline comparison: the party and the start it asked for. */
    private record Request(int partySize, LocalDateTime start, int durationMinutes) {
    }

    LoadResult widgetLoad(String name, DayInput day, int clients, int flows, long seed) throws Exception {
        String id = restaurantId(name);
        FloorPlan plan = floorPlan(id, day);
        floorPlans.replace(id, plan);
        String base = "/api/restaurants/" + id;
        FloorPlan.ServicePeriod period = plan.servicePeriods().get(0);
        int span = (int) Duration.between(period.firstArrival(), period.lastArrival()).toMinutes() / 15;
        Map<String, List<Double>> latency = new ConcurrentHashMap<>();
        List<Request> requests = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        AtomicInteger booked = new AtomicInteger();
        AtomicInteger refusedAvailability = new AtomicInteger();
        AtomicInteger refusedHold = new AtomicInteger();
        AtomicInteger refusedConfirm = new AtomicInteger();
        AtomicInteger abandoned = new AtomicInteger();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long began = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(pool.submit(() -> {
                    for (int flow = next.getAndIncrement(); flow < flows; flow = next.getAndIncrement()) {
                        Random random = new Random(seed * 100_003 + flow);
                        int party = 1 + Math.min(random.nextInt(6), random.nextInt(7));
                        LocalDateTime wanted = DATE.atTime(period.firstArrival()).plusMinutes(15L * random.nextInt(span + 1));
                        Api.Response grid = timed(latency, "availability", sent,
                                () -> api.get(base + "/days/" + DATE + "/availability?partySize=" + party));
                        LocalDateTime chosen = nearestAvailable(grid.json(), wanted);
                        int duration = plan.turnTime(party).orElseThrow();
                        requests.add(new Request(party, chosen == null ? wanted : chosen, duration));
                        if (chosen == null) {
                            refusedAvailability.incrementAndGet();
                            continue;
                        }
                        ObjectNode hold = json.createObjectNode().put("partySize", party).put("start", chosen + ":00")
                                .put("expiresInSeconds", 20).put("reference", "widget-" + flow);
                        Api.Response held = timed(latency, "hold", sent, () -> api.post(base + "/holds", hold));
                        if (held.status() != 201) {
                            refusedHold.incrementAndGet();
                            continue;
                        }
                        int fate = random.nextInt(10);
                        if (fate == 0) {
                            abandoned.incrementAndGet();
                            continue; // walks away: the hold expires
                        }
                        if (fate == 1) {
                            abandoned.incrementAndGet();
                            timed(latency, "release", sent,
                                    () -> api.delete(base + "/holds/" + held.json().path("id").asText()));
                            continue;
                        }
                        ObjectNode booking = json.createObjectNode().put("id", "w-" + flow).put("date", DATE.toString())
                                .put("start", chosen + ":00").put("partySize", party).put("confirm", true)
                                .put("holdId", held.json().path("id").asText());
                        Api.Response confirmed = timed(latency, "confirm", sent, () -> api.post(base + "/bookings", booking));
                        if (confirmed.status() == 201) {
                            booked.incrementAndGet();
                        } else {
                            refusedConfirm.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        Map<String, Percentiles> percentiles = new LinkedHashMap<>();
        for (String kind : List.of("availability", "hold", "confirm", "release")) {
            percentiles.put(kind, Percentiles.of(latency.getOrDefault(kind, List.of())));
        }
        long coversBooked = db.jdbc().sql("""
                        select coalesce(sum(party_size), 0) from booking where restaurant_id = :r and status = 'CONFIRMED'
                        """).param("r", id).query(Long.class).single();
        return new LoadResult(clients, flows, seconds, sent.get(), percentiles, booked.get(),
                refusedAvailability.get(), refusedHold.get(), refusedConfirm.get(), abandoned.get(), oversold(id),
                coversBooked, offlineCovers(day, plan, requests));
    }

    /**
     * Stored bookings that break a rule: pairs of confirmed bookings on one table at overlapping times, and
     * confirmed bookings whose tables do not fit the party or are missing.
     */
    int oversold(String restaurantId) {
        int overlapping = db.queryInt("""
                select count(*) from table_assignment a join table_assignment b
                  on a.restaurant_id = b.restaurant_id and a.table_id = b.table_id and a.booking_id < b.booking_id
                 and a.occupied && b.occupied
                where a.restaurant_id = ?
                """, restaurantId);
        int noTables = db.queryInt("""
                select count(*) from booking b where b.restaurant_id = ? and b.status = 'CONFIRMED'
                  and not exists (select 1 from table_assignment ta where ta.restaurant_id = b.restaurant_id
                                  and ta.booking_id = b.id)
                """, restaurantId);
        int unfit = db.queryInt("""
                select count(*) from (
                  select b.id from booking b
                  join table_assignment ta on ta.restaurant_id = b.restaurant_id and ta.booking_id = b.id
                  left join table_combination c on c.restaurant_id = ta.restaurant_id and c.id = ta.seating_id
                  left join dining_table t on t.restaurant_id = ta.restaurant_id and t.id = ta.seating_id
                  where b.restaurant_id = ? and b.status = 'CONFIRMED'
                    and b.party_size not between coalesce(c.min_capacity, t.min_capacity)
                                             and coalesce(c.max_capacity, t.max_capacity)
                  group by b.id) x
                """, restaurantId);
        return overlapping + noTables + unfit;
    }

    /** The most guests an offline optimiser seats from the same requests (CP-SAT, with hindsight). */
    private long offlineCovers(DayInput day, FloorPlan plan, List<Request> requests) {
        List<DayInput.Booking> bookings = new ArrayList<>();
        int i = 0;
        for (Request request : requests) {
            Instant start = request.start().atZone(day.timeZone()).toInstant();
            bookings.add(new DayInput.Booking("q" + i++, start, request.durationMinutes(), request.partySize(), null,
                    null, request.partySize() - 1, org.tablesolver.solver.model.BookingState.PENDING, null, List.of()));
        }
        // Weight 1 + priority = party size: the optimum maximises seated guests.
        CpSatReference.Result result = CpSatReference.solve(
                SeatingPlanBuilder.build(day.withBookings(bookings), SolveMode.PENDING_ONLY), 30);
        return result.seatedWeight();
    }

    static LocalDateTime nearestAvailable(JsonNode availability, LocalDateTime wanted) {
        LocalDateTime best = null;
        for (JsonNode slot : availability.path("slots")) {
            if (!slot.path("available").asBoolean()) {
                continue;
            }
            LocalDateTime start = LocalDateTime.parse(slot.path("start").asText());
            if (best == null || Math.abs(Duration.between(wanted, start).toMinutes())
                    < Math.abs(Duration.between(wanted, best).toMinutes())) {
                best = start;
            }
        }
        return best;
    }

    private static Api.Response timed(Map<String, List<Double>> latency, String kind, AtomicInteger sent,
                                      java.util.function.Supplier<Api.Response> call) {
        long began = System.nanoTime();
        Api.Response response = call.get();
        latency.computeIfAbsent(kind, k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add((System.nanoTime() - began) / 1e6);
        sent.incrementAndGet();
        return response;
    }

    static String restaurantId(String name) {
        return "online-" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
    }

    /** Writes the report; returns its path. */
    static Path write(Path dir, List<LatencyRow> rows, LoadResult load, String machine) {
        StringBuilder md = new StringBuilder("# Online booking benchmark\n\n").append(machine).append("\n\n");
        md.append("## Latency (server side, in process, database included)\n\n")
                .append("Each day's bookings confirmed on the spot in arrival order (`confirm`: accepted and refused "
                        + "alike, a refusal includes its alternatives), then the whole day's grid for parties of 2, 4 "
                        + "and 6 (`grid`: the first answer after a change, nothing cached; `again`: the same question "
                        + "again, answered from the cache while the stored state is unchanged). Milliseconds.\n\n")
                .append("| dataset | bookings | tables | accepted | refused | confirm p50 | p95 | p99 | slots per grid "
                        + "| grid p50 | p95 | p99 | again p95 | targets (grid p95 <= 50, confirm p95 <= 20) |\n")
                .append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n");
        for (LatencyRow row : rows) {
            boolean targeted = !row.dataset().startsWith("M");
            String met = !targeted ? "reported" : (row.grid().p95() <= 50 && row.confirm().p95() <= 20 ? "met" : "MISSED")
                    + " (grid %.1f, confirm %.1f)".formatted(row.grid().p95(), row.confirm().p95());
            md.append("| %s | %d | %d | %d | %d | %s | %d | %s | %.1f | %s |\n".formatted(row.dataset(), row.bookings(),
                    row.tables(), row.accepted(), row.refused(), row.confirm().cells(), row.slotsPerGrid(),
                    row.grid().cells(), row.gridRepeated().p95(), met));
        }
        md.append("\n## Booking widget load run\n\n");
        md.append(("%d concurrent HTTP clients, %d flows (availability, then a capacity hold of the nearest available "
                + "slot, then: 80%% confirm with the hold, 10%% release it, 10%% let it expire), %d requests in %.1f s: "
                + "%.1f requests/s.\n\n").formatted(load.clients(), load.flows(), load.requests(), load.seconds(),
                load.requests() / load.seconds()));
        md.append("| request | count | p50 ms | p95 ms | p99 ms |\n| --- | ---: | ---: | ---: | ---: |\n");
        load.latency().forEach((kind, p) -> md.append("| %s | %d | %s |\n".formatted(kind, p.count(), p.cells())));
        md.append("\n| outcome | count |\n| --- | ---: |\n")
                .append("| booked | %d |\n".formatted(load.booked()))
                .append("| no available slot | %d |\n".formatted(load.refusedAvailability()))
                .append("| hold refused (slot taken meanwhile) | %d |\n".formatted(load.refusedHold()))
                .append("| confirmation refused | %d |\n".formatted(load.refusedConfirm()))
                .append("| abandoned | %d |\n".formatted(load.abandoned()))
                .append("| **oversold** (must be 0) | **%d** |\n".formatted(load.oversold()));
        md.append(("\nCovers booked: %d; the offline optimum for the same requests (every party at the start it asked "
                + "for, seated with hindsight by CP-SAT): %d (%.1f%%).\n").formatted(load.coversBooked(),
                load.coversOffline(), load.coversOffline() == 0 ? 100.0 : 100.0 * load.coversBooked() / load.coversOffline()));
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve("online-booking.md");
            Files.writeString(file, md.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
