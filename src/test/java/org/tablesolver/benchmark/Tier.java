package org.tablesolver.benchmark;

import java.time.Duration;

/**
 * Dataset sizes and what the solver must achieve on each (the targets of the benchmarks issue). The
 * target is judged on the configuration the README recommends for days of that size.
 *
 * @param targetRatio seated weight as a share of CP-SAT's proven optimum, or of its bound when it proves none
 * @param deadline when the target ratio must be reached (time to the final plan for seed-day and S)
 * @param cpSatLimit how long CP-SAT may search for the reference
 * @param lpLimit how long the linear relaxation ({@code SeatedWeightBound}: PDLP on the reduced model) may take
 *        for the reference bound, zero to skip it
 */
enum Tier {
    SEED_DAY("seed-day", 1.0, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), "default",
            "100% of the proven optimum, final plan in < 1 s"),
    S("S", 1.0, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(30), "default",
            "100% of the proven optimum, final plan in < 1 s"),
    M("M", 0.995, Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60), "default",
            ">= 99.5% of the optimum (or CP-SAT's best) in <= 5 s"),
    L("L", 0.99, Duration.ofSeconds(30), Duration.ofSeconds(120), Duration.ofSeconds(120), "default",
            "within 1% of the proven bound (CP-SAT or LP relaxation) in <= 30 s"),
    XL("XL", 0.0, Duration.ofSeconds(120), Duration.ofSeconds(120), Duration.ofSeconds(120), "default",
            "completes in <= 120 s with heap <= 2 GiB, seats more than the greedy baseline"),
    // Last, so the other tiers' seeds (by ordinal) stay what they were.
    HALL("hall", 0.995, Duration.ofSeconds(5), Duration.ofSeconds(120), Duration.ofSeconds(120), "default",
            ">= 99.5% of the optimum (or CP-SAT's best) in <= 5 s, the proven optimum in <= 30 s");

    final String label;
    final double targetRatio;
    final Duration deadline;
    final Duration cpSatLimit;
    final Duration lpLimit;
    final String recommendedConfig;
    final String target;

    Tier(String label, double targetRatio, Duration deadline, Duration cpSatLimit, Duration lpLimit,
            String recommendedConfig, String target) {
        this.label = label;
        this.targetRatio = targetRatio;
        this.deadline = deadline;
        this.cpSatLimit = cpSatLimit;
        this.lpLimit = lpLimit;
        this.recommendedConfig = recommendedConfig;
        this.target = target;
    }

    static Tier of(String label) {
        for (Tier tier : values()) {
            if (tier.label.equalsIgnoreCase(label)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("Unknown tier '" + label + "': one of seed-day, S, M, L, XL, hall");
    }
}
