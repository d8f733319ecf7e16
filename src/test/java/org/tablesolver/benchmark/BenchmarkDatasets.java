package org.tablesolver.benchmark;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.tablesolver.dataset.DayGenerator;
import org.tablesolver.dataset.DayGenerator.Profile;
import org.tablesolver.importing.ImportedDays;
import org.tablesolver.solver.model.DayInput;

/**
 * The suite's datasets: the seed-day demo data (one dataset per restaurant) and generated days of each
 * tier at normal load (about what the floor can seat at its peaks) and overbooked (1.5 times that). The
 * normal counts were calibrated so that the first plan of the default configuration seats roughly 80-90%
 * of them (a few parties fit no table at all). Fixed seeds: every run of the suite solves the same days.
 */
final class BenchmarkDatasets {

    static final LocalDate DATE = LocalDate.of(2026, 12, 4);
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    /** Size and load of a generated tier. */
    private record Shape(Tier tier, Profile profile, int tables, int zones, int normalBookings) {
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape(Tier.S, Profile.RESTAURANT, 15, 3, 35),
            new Shape(Tier.M, Profile.RESTAURANT, 60, 12, 240),
            new Shape(Tier.L, Profile.FOOD_HALL, 200, 12, 1300),
            new Shape(Tier.XL, Profile.FOOD_COURT, 500, 12, 6700),
            // a hall of six zones of 20 tables (2-8 covers, with combinations), 400 bookings over lunch and dinner
            new Shape(Tier.HALL, Profile.RESTAURANT, 120, 6, 400));

    private BenchmarkDatasets() {
    }

    static List<Dataset> of(List<Tier> tiers) {
        List<Dataset> datasets = new ArrayList<>();
        if (tiers.contains(Tier.SEED_DAY)) {
            for (DayInput day : seedDay()) {
                datasets.add(new Dataset("seed-day/" + day.restaurantId(), Tier.SEED_DAY, day));
            }
        }
        for (Shape shape : SHAPES) {
            if (tiers.contains(shape.tier())) {
                datasets.add(generated(shape, "normal", shape.normalBookings()));
                datasets.add(generated(shape, "overbooked", shape.normalBookings() * 3 / 2));
            }
        }
        return datasets;
    }

    /**
     * Days of the generated tiers' shapes (tables, profile, both loads) from other seeds than the suite's: for probes
     * that check a finding on more days than the suite's two per tier. Named like the suite's, with the seed.
     */
    static List<Dataset> withSeeds(List<Tier> tiers, List<Long> seeds) {
        List<Dataset> datasets = new ArrayList<>();
        for (Shape shape : SHAPES) {
            if (tiers.contains(shape.tier())) {
                for (long seed : seeds) {
                    datasets.add(generated(shape, "normal", shape.normalBookings(), seed));
                    datasets.add(generated(shape, "overbooked", shape.normalBookings() * 3 / 2, seed));
                }
            }
        }
        return datasets;
    }

    /** The suite's fixed seed of a tier's day at a load. */
    private static long suiteSeed(Shape shape, String load) {
        return 1000L * (shape.tier().ordinal() + 1) + (load.equals("normal") ? 1 : 2);
    }

    private static Dataset generated(Shape shape, String load, int bookings) {
        return generated(shape, load, bookings, suiteSeed(shape, load));
    }

    private static Dataset generated(Shape shape, String load, int bookings, long seed) {
        boolean suite = seed == suiteSeed(shape, load);
        String name = shape.tier().label + "-" + load + (suite ? "" : "#" + seed);
        DayInput day = DayGenerator.generate(name.toLowerCase(), DATE, ZONE, shape.profile(), shape.tables(),
                shape.zones(), bookings, seed);
        return new Dataset(name, shape.tier(), day);
    }

    static List<DayInput> seedDay() {
        return ImportedDays.demoDays();
    }
}
