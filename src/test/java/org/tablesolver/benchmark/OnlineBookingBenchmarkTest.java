package org.tablesolver.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.availability.OnlineBookingService;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/**
 * The online booking benchmark ({@link OnlineBookingBench}). {@link #quick} runs in the normal build as a smoke
 * test (seed-day, a small load run; report in {@code target/online-booking-quick/}); {@link #full} runs with
 * {@code ./mvnw -Pbenchmark verify} (seed-day, S and M, a larger load run; report in {@code benchmarks/reports/}).
 * Both assert what must hold whatever the machine: nothing oversold, every booking accounted for.
 */
@DatabaseTest
class OnlineBookingBenchmarkTest {

    @Autowired
    OnlineBookingService online;
    @Autowired
    FloorPlanService floorPlans;
    @Autowired
    TestDatabase db;
    @Autowired
    Api api;

    @BeforeEach
    void clean() {
        db.clean();
    }

    @Test
    void quick() throws Exception {
        OnlineBookingBench.LoadResult load = run(Path.of("target", "online-booking-quick"), List.of(Tier.SEED_DAY), 3,
                4, 40);
        assertThat(load.oversold()).isZero();
    }

    @Test
    @Tag("benchmark")
    void full() throws Exception {
        Path dir = Path.of(System.getProperty("benchmark.dir", "benchmarks/reports/online-booking"));
        List<Tier> tiers = java.util.Arrays.stream(System.getProperty("benchmark.tiers", "seed-day,S,M").split(","))
                .map(String::trim).map(Tier::of).toList();
        OnlineBookingBench.LoadResult load = run(dir, tiers, Integer.getInteger("benchmark.grid-repeats", 20), 8, 400);
        assertThat(load.oversold()).isZero();
    }

    private OnlineBookingBench.LoadResult run(Path dir, List<Tier> tiers, int gridRepeats, int clients, int flows)
            throws Exception {
        OnlineBookingBench bench = new OnlineBookingBench(online, floorPlans, db, api);
        // Steady state, as a running server is: one untimed pass over the first day loads CP-SAT and warms the JIT.
        Dataset first = BenchmarkDatasets.of(List.of(Tier.SEED_DAY)).get(0);
        bench.latency("warm-up", first.day(), 3);
        List<OnlineBookingBench.LatencyRow> rows = new ArrayList<>();
        for (Dataset dataset : BenchmarkDatasets.of(tiers)) {
            if (dataset.name().endsWith("overbooked")) {
                continue;
            }
            long began = System.nanoTime();
            OnlineBookingBench.LatencyRow row = bench.latency(dataset.name(), dataset.day(), gridRepeats);
            System.out.printf("online booking benchmark: %s done in %.1f s: %s%n", dataset.name(),
                    (System.nanoTime() - began) / 1e9, row);
            assertThat(row.accepted() + row.refused()).isEqualTo(dataset.bookings());
            assertThat(bench.oversold(OnlineBookingBench.restaurantId(dataset.name()))).isZero();
            rows.add(row);
        }
        DayInput widgetDay = BenchmarkDatasets.of(List.of(Tier.S)).get(0).day();
        OnlineBookingBench.LoadResult load = bench.widgetLoad("widget-S", widgetDay, clients, flows, 7);
        assertThat(load.booked() + load.refusedAvailability() + load.refusedHold() + load.refusedConfirm()
                + load.abandoned()).isEqualTo(flows);
        Path report = OnlineBookingBench.write(dir, rows, load, SummaryReport.machine());
        assertThat(Files.readString(report)).contains("## Latency", "oversold");
        return load;
    }
}
