package org.tablesolver.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.tablesolver.availability.OnlineBookingService;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.testing.Api;
import org.tablesolver.testing.DatabaseTest;
import org.tablesolver.testing.TestDatabase;

/**
 * A probe, not a test: the latency part of the online booking benchmark alone (no widget load run), on the days
 * named by {@code -Dprobe.tiers} (default S) and optionally {@code -Dprobe.seeds} (other days of the same shapes),
 * each day's normal load only, with {@code -Dprobe.grid-repeats} cold grids per party size. Prints one line per
 * day; with {@code -Dlogging.level.org.tablesolver.availability.SeatingCheck=DEBUG} every check's stages too.
 */
@DatabaseTest
@Tag("experiment")
class OnlineLatencyProbe {

    @Autowired
    OnlineBookingService online;
    @Autowired
    FloorPlanService floorPlans;
    @Autowired
    TestDatabase db;
    @Autowired
    Api api;

    @Test
    void probe() {
        db.clean();
        OnlineBookingBench bench = new OnlineBookingBench(online, floorPlans, db, api);
        bench.latency("warm-up", BenchmarkDatasets.of(List.of(Tier.SEED_DAY)).get(0).day(), 3);
        List<Tier> tiers = Arrays.stream(System.getProperty("probe.tiers", "S").split(",")).map(String::trim)
                .map(Tier::of).toList();
        String seeds = System.getProperty("probe.seeds", "");
        List<Dataset> days = new ArrayList<>(BenchmarkDatasets.of(tiers));
        if (!seeds.isBlank()) {
            days.addAll(BenchmarkDatasets.withSeeds(tiers,
                    Arrays.stream(seeds.split(",")).map(String::trim).map(Long::valueOf).toList()));
        }
        int repeats = Integer.getInteger("probe.grid-repeats", 20);
        for (Dataset day : days) {
            if (day.name().contains("overbooked")) {
                continue;
            }
            long began = System.nanoTime();
            OnlineBookingBench.LatencyRow row = bench.latency(day.name(), day.day(), repeats);
            System.out.printf("online latency probe: %s in %.1f s: confirm p50/p95 %.1f/%.1f ms, grid p50/p95 "
                            + "%.1f/%.1f ms, repeated %.1f ms (%d accepted, %d refused)%n", day.name(),
                    (System.nanoTime() - began) / 1e9, row.confirm().p50(), row.confirm().p95(), row.grid().p50(),
                    row.grid().p95(), row.gridRepeated().p95(), row.accepted(), row.refused());
        }
    }
}
