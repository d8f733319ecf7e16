package org.tablesolver.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tablesolver.solver.EndedBy;

/** The summary of a run as Markdown (for people) and CSV (one row per dataset, for spreadsheets). */
final class SummaryReport {

    private static final long TWO_GIB = 2L << 30;

    private final BenchmarkOptions options;
    private final List<Results.Row> rows;

    SummaryReport(BenchmarkOptions options, List<Results.Row> rows) {
        this.options = options;
        this.rows = rows;
    }

    /** A tier target judged on one dataset. */
    record Verdict(String dataset, String target, String config, String result, boolean met) {
    }

    List<Verdict> verdicts() {
        List<Verdict> verdicts = new ArrayList<>();
        for (Results.Row row : rows) {
            Tier tier = row.dataset().tier();
            Results.Run run = row.run(tier.recommendedConfig);
            if (run != null) {
                verdicts.add(judge(row, tier, run));
            }
        }
        return verdicts;
    }

    private static Verdict judge(Results.Row row, Tier tier, Results.Run run) {
        String name = row.dataset().name();
        Results.Reference reference = row.reference();
        String config = run.solver();
        if (!run.violations().isEmpty()) {
            return new Verdict(name, tier.target, config, run.violations().size() + " hard violations", false);
        }
        return switch (tier) {
            case SEED_DAY, S -> {
                boolean optimal = reference.optimal() && run.seatedWeight() == reference.seatedWeight();
                boolean fast = run.secondsToFinalPlan() < tier.deadline.toSeconds();
                String result = "%s, final plan at %.2f s".formatted(
                        optimal ? "proven optimum" : "%d of %s %d".formatted(run.seatedWeight(),
                                reference.optimal() ? "optimum" : "bound", reference.bound()),
                        run.secondsToFinalPlan());
                yield new Verdict(name, tier.target, config, result, optimal && fast);
            }
            case M, L, HALL -> {
                // M and the hall are judged against CP-SAT's best plan when it proves no optimum, L against the
                // tightest bound.
                boolean best = tier != Tier.L;
                long yardstick = reference.optimal() ? reference.seatedWeight()
                        : best ? reference.seatedWeight() : reference.bound();
                String against = reference.optimal() ? "optimum" : best ? "CP-SAT's best" : "the bound";
                long reached = run.seatedWeightAt(tier.deadline.toSeconds());
                double ratio = yardstick == 0 ? 1 : (double) reached / yardstick;
                String result = "%.2f%% of %s (%d of %d) at %d s; %.2f%% at its final plan (%.1f s)".formatted(
                        100 * ratio, against, reached, yardstick, tier.deadline.toSeconds(),
                        100.0 * run.seatedWeight() / Math.max(1, yardstick), run.secondsToFinalPlan());
                boolean met = ratio >= tier.targetRatio - 1e-9;
                if (!met) {
                    result += "; missed by %.2f points".formatted(100 * (tier.targetRatio - ratio));
                }
                if (tier == Tier.HALL) {
                    Double toProven = run.secondsToProven();
                    boolean provenInTime = toProven != null && toProven <= 30;
                    result += toProven == null ? "; not proven" : "; proven at %.1f s".formatted(toProven);
                    met &= provenInTime;
                }
                yield new Verdict(name, tier.target, config, result, met);
            }
            case XL -> {
                boolean inTime = run.secondsTotal() <= tier.deadline.toSeconds();
                boolean inHeap = run.peakHeapBytes() <= TWO_GIB;
                boolean better = run.seatedBookings() > row.greedy().seatedBookings();
                String result = "done in %.1f s, peak heap %d MiB, seats %d vs greedy %d".formatted(run.secondsTotal(),
                        run.peakHeapBytes() >> 20, run.seatedBookings(), row.greedy().seatedBookings());
                yield new Verdict(name, tier.target, config, result, inTime && inHeap && better);
            }
        };
    }

    /**
     * The proven-plans targets (issue "Proven plans"): every configuration's own bound, gap and proof per dataset,
     * and its whole time (bound, search and polish) against CP-SAT's time to prove the optimum in the same run; the
     * targets are judged, with their margin, on the recommended configuration.
     */
    /** How each configuration's solves ended, counted over every dataset (the greedy baseline has no ending). */
    String endings() {
        StringBuilder md = new StringBuilder("\n## How solves ended\n\n");
        md.append("| config |");
        for (EndedBy ending : EndedBy.values()) {
            md.append(" ").append(ending).append(" |");
        }
        md.append("\n| --- |").append(" ---: |".repeat(EndedBy.values().length)).append('\n');
        for (String config : options.configs()) {
            java.util.Map<EndedBy, Integer> counts = new java.util.EnumMap<>(EndedBy.class);
            for (Results.Row row : rows) {
                Results.Run run = row.run(config);
                if (run != null && run.endedBy() != null) {
                    counts.merge(run.endedBy(), 1, Integer::sum);
                }
            }
            md.append("| `").append(config).append("` |");
            for (EndedBy ending : EndedBy.values()) {
                md.append(" ").append(counts.getOrDefault(ending, 0)).append(" |");
            }
            md.append('\n');
        }
        return md.toString();
    }

    /**
     * When each day's recommended configuration first had 99%, 99.5% and 100% of the seated weight of its final plan
     * (seconds from the start of the solve, bound included): how soon a host sees a plan nearly as good as the last.
     */
    String timeToQuality() {
        StringBuilder md = new StringBuilder("\n## Time to quality\n\n");
        md.append("Seconds until the recommended configuration's best plan had 99%, 99.5% and 100% of the seated "
                + "weight of its final plan.\n\n");
        md.append("| dataset | config | final weight | 99% | 99.5% | 100% | whole (s) |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: |\n");
        for (Results.Row row : rows) {
            Results.Run run = row.run(row.dataset().tier().recommendedConfig);
            if (run == null) {
                continue;
            }
            md.append("| %s | `%s` | %d | %s | %s | %s | %.2f |\n".formatted(row.dataset().name(), run.solver(),
                    run.seatedWeight(), seconds(run.secondsToShare(0.99)), seconds(run.secondsToShare(0.995)),
                    seconds(run.secondsToShare(1.0)), run.secondsTotal()));
        }
        return md.toString();
    }

    private static String seconds(Double seconds) {
        return seconds == null ? "-" : "%.2f".formatted(seconds);
    }

    String provenPlans() {
        StringBuilder md = new StringBuilder("\n## Proven plans\n\n");
        md.append("""
                Each solve computes its own upper bound on the seated weight first (the LP relaxation by PDLP on a \
                reduced model, or the Lagrangian relaxation when the LP does not finish) and stops when its plan \
                reaches it. *To proven* is the time from the start of the solve (bound included) to the first plan \
                that reaches the bound, before the polish of guests and preferences; *whole* is the whole solve: \
                bound, search and polish. *Gap at 30 s* is the gap of the best plan the solve had published by then. \
                CP-SAT's time is its time to prove the optimum of seated weight and guests (or its whole search \
                when it proves nothing). Targets, judged on the recommended configuration: seed-day and S proven on \
                every day with a median time to the proven plan at most CP-SAT's median (each day's time the \
                median of {repeats} solves in turns with CP-SAT's, where the suite repeats them); M proven in at most 5 s \
                (whole solve); the hall proven in at most 30 s; L a gap of at most 0.3% by 30 s; XL a real bound, a gap of at most 2% and at most \
                60 s (whole solve).

                | dataset | config | bound | seated weight | gap to own bound | gap at 30 s | proven | to proven (s) | whole (s) | CP-SAT (s) | verdict |
                | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |
                """.replace("{repeats}", String.valueOf(BenchmarkSuite.TIMED_REPEATS)));
        java.util.Map<Tier, List<Double>> times = new java.util.EnumMap<>(Tier.class);
        java.util.Map<Tier, List<Double>> cpSat = new java.util.EnumMap<>(Tier.class);
        java.util.Map<Tier, Boolean> allProven = new java.util.EnumMap<>(Tier.class);
        for (Results.Row row : rows) {
            Tier tier = row.dataset().tier();
            for (Results.Run run : row.runs()) {
                boolean recommended = run.solver().equals(tier.recommendedConfig);
                String verdict = recommended ? provenVerdict(row, tier, run) : "";
                if (recommended) {
                    times.computeIfAbsent(tier, t -> new ArrayList<>()).add(run.proven() ? run.secondsToProven()
                            : run.secondsTotal());
                    allProven.merge(tier, run.proven(), Boolean::logicalAnd);
                }
                Double gap = run.ownGap();
                Double gapAt30 = run.ownGapAt(30);
                Double toProven = run.secondsToProven();
                md.append("| %s | `%s` | %s | %d | %s | %s | %s | %s | %.2f | %.2f%s | %s |\n".formatted(
                        row.dataset().name(), run.solver(), run.bound() == null ? "none" : run.bound(),
                        run.seatedWeight(), gap == null ? "-" : "%.2f%%".formatted(gap),
                        gapAt30 == null ? "-" : "%.2f%%".formatted(gapAt30), run.proven() ? "yes" : "no",
                        toProven == null ? "-" : "%.2f".formatted(toProven), run.secondsTotal(),
                        row.reference().seconds(), row.reference().optimal() ? "" : " (not proven)", verdict));
            }
            if (row.reference().optimal()) {
                cpSat.computeIfAbsent(tier, t -> new ArrayList<>()).add(row.reference().seconds());
            }
        }
        for (Tier tier : List.of(Tier.SEED_DAY, Tier.S)) {
            if (times.containsKey(tier) && cpSat.containsKey(tier)) {
                double ours = median(times.get(tier));
                double theirs = median(cpSat.get(tier));
                // The verdict takes the repeated timings where the suite has them: each day's median of its repeats.
                List<Double> oursRepeated = new ArrayList<>();
                List<Double> theirsRepeated = new ArrayList<>();
                for (Results.Row row : rows) {
                    if (row.dataset().tier() == tier && row.repeated() != null && !row.repeated().cpSat().isEmpty()) {
                        oursRepeated.add(median(row.repeated().toProven()));
                        theirsRepeated.add(median(row.repeated().cpSat()));
                    }
                }
                boolean repeated = !oursRepeated.isEmpty();
                double oursJudged = repeated ? median(oursRepeated) : ours;
                double theirsJudged = repeated ? median(theirsRepeated) : theirs;
                md.append("\n%s: median time to the proven plan %.1f ms against CP-SAT's %.1f ms (%.1fx) in the runs above"
                        .formatted(tier.label, ours * 1000, theirs * 1000, theirs / Math.max(ours, 1e-9)));
                if (repeated) {
                    md.append("; over each day's median of %d timed solves in turns, %.1f ms against %.1f ms (%.1fx)"
                            .formatted(BenchmarkSuite.TIMED_REPEATS, oursJudged * 1000, theirsJudged * 1000,
                                    theirsJudged / Math.max(oursJudged, 1e-9)));
                }
                md.append("; proven on every day: %s: %s.\n".formatted(allProven.get(tier) ? "yes" : "no",
                        oursJudged <= theirsJudged && allProven.get(tier) ? "met" : "**missed**"));
            }
        }
        return md.toString();
    }

    /** The proven-plans target of a tier on one run: met, or missed and by how much. */
    private static String provenVerdict(Results.Row row, Tier tier, Results.Run run) {
        Double gap = run.ownGap();
        double seconds = run.secondsTotal();
        List<String> misses = new ArrayList<>();
        switch (tier) {
            case SEED_DAY, S -> {
                if (!run.proven()) {
                    misses.add("not proven (gap %s)".formatted(gap == null ? "unknown" : "%.2f%%".formatted(gap)));
                }
            }
            case M -> {
                if (!run.proven()) {
                    misses.add("not proven (gap %s)".formatted(gap == null ? "unknown" : "%.2f%%".formatted(gap)));
                }
                if (seconds > 5) {
                    misses.add("%.1f s over 5 s".formatted(seconds - 5));
                }
            }
            case HALL -> {
                Double toProven = run.secondsToProven();
                if (toProven == null) {
                    misses.add("not proven (gap %s)".formatted(gap == null ? "unknown" : "%.2f%%".formatted(gap)));
                } else if (toProven > 30) {
                    misses.add("proven %.1f s over 30 s".formatted(toProven - 30));
                }
            }
            case L -> {
                Double at30 = run.ownGapAt(30);
                if (at30 == null || at30 > 0.3) {
                    misses.add(at30 == null ? "no bound" : "gap at 30 s %.2f points over 0.3%%".formatted(at30 - 0.3));
                }
            }
            case XL -> {
                if (gap == null || run.bound() >= DayRunner.totalWeight(row.dataset().day())) {
                    misses.add("no real bound");
                } else if (gap > 2) {
                    misses.add("gap %.2f points over 2%%".formatted(gap - 2));
                }
                if (seconds > 60) {
                    misses.add("%.1f s over 60 s".formatted(seconds - 60));
                }
            }
        }
        return misses.isEmpty() ? "met" : "**missed**: " + String.join(", ", misses);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("# Benchmark summary\n\n");
        md.append(environment()).append("\n\n");
        md.append("""
                *Seated weight* counts each seated booking as 1 + its priority: what the solver maximises first \
                (then seated guests, then zone preferences). *Gap* is how far a plan's seated weight is below \
                CP-SAT's proven optimum or, where CP-SAT proves none within its time limit, below the tighter of \
                two proven upper bounds: CP-SAT's own and that of the model's linear relaxation (PDLP on a reduced model, \
                certified by its Lagrangian dual). \
                *Final plan* is the time from building the problem to the last improvement (warm JVM); CP-SAT's \
                time is its whole search. Peak heap is sampled every 10 ms and includes uncollected garbage.

                """);
        md.append("## Targets\n\n");
        md.append("Each tier's target is judged on the configuration recommended for it.\n\n");
        md.append("| dataset | target | config | result | verdict |\n| --- | --- | --- | --- | --- |\n");
        for (Verdict verdict : verdicts()) {
            md.append("| %s | %s | `%s` | %s | %s |\n".formatted(verdict.dataset(), verdict.target(), verdict.config(),
                    verdict.result(), verdict.met() ? "met" : "**missed**"));
        }

        md.append(provenPlans());
        md.append(timeToQuality());
        md.append(endings());

        md.append("\n## Seated bookings (gap)\n\n");
        header(md, "| dataset | bookings | tables | CP-SAT | greedy |", "| --- | ---: | ---: | --- | --- |", "---");
        for (Results.Row row : rows) {
            Results.Reference reference = row.reference();
            String cpSat = reference.optimal() ? "%d (optimum)".formatted(reference.seatedBookings())
                    : "%s (weight %d; bound %d, CP-SAT's own %d)".formatted(
                            reference.status().equals("FEASIBLE") ? String.valueOf(reference.seatedBookings()) : "no plan",
                            reference.seatedWeight(), reference.bound(), reference.cpSatBound());
            md.append("| %s | %d | %d | %s | %s |".formatted(row.dataset().name(), row.dataset().bookings(),
                    row.dataset().tables(), cpSat, seatedCell(row, row.greedy())));
            for (String config : options.configs()) {
                md.append(' ').append(seatedCell(row, row.run(config))).append(" |");
            }
            md.append('\n');
        }

        md.append("\n## Time to the final plan (s)\n\n");
        header(md, "| dataset | CP-SAT | greedy |", "| --- | ---: | ---: |", "---:");
        for (Results.Row row : rows) {
            md.append("| %s | %.2f | %.3f |".formatted(row.dataset().name(), row.reference().seconds(),
                    row.greedy().secondsToFinalPlan()));
            for (String config : options.configs()) {
                Results.Run run = row.run(config);
                md.append(run == null ? " |" : " %.2f |".formatted(run.secondsToFinalPlan()));
            }
            md.append('\n');
        }

        md.append("\n## Every run\n\n");
        md.append("| dataset | solver | seated | guests | weight | gap | final plan (s) | total (s) | moves/s | peak heap (MiB) | hard violations |\n");
        md.append("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Results.Row row : rows) {
            List<Results.Run> runs = new ArrayList<>();
            runs.add(row.greedy());
            runs.addAll(row.runs());
            for (Results.Run run : runs) {
                md.append("| %s | %s | %d | %d | %d | %.2f%% | %.2f | %.2f | %d | %d | %d |\n".formatted(
                        row.dataset().name(), run.solver(), run.seatedBookings(), run.seatedGuests(), run.seatedWeight(),
                        row.gapPercent(run.seatedWeight()), run.secondsToFinalPlan(), run.secondsTotal(),
                        run.moveEvaluationSpeed(), run.peakHeapBytes() >> 20, run.violations().size()));
            }
            Results.Reference reference = row.reference();
            md.append("| %s | CP-SAT (%s) | %d | %d | %d | %.2f%% | %.2f | %.2f | | | %d |\n".formatted(
                    row.dataset().name(), reference.status(), reference.seatedBookings(), reference.seatedGuests(),
                    reference.seatedWeight(), row.gapPercent(reference.seatedWeight()), reference.seconds(),
                    reference.seconds(), reference.violations().size()));
        }
        return md.toString();
    }

    /** A table header: fixed columns, then one column per configuration. */
    private void header(StringBuilder md, String fixedColumns, String fixedAlignments, String configAlignment) {
        md.append(fixedColumns);
        options.configs().forEach(config -> md.append(" `").append(config).append("` |"));
        md.append('\n').append(fixedAlignments);
        options.configs().forEach(config -> md.append(' ').append(configAlignment).append(" |"));
        md.append('\n');
    }

    private static String seatedCell(Results.Row row, Results.Run run) {
        return run == null ? "" : "%d (%.2f%%)".formatted(run.seatedBookings(), row.gapPercent(run.seatedWeight()));
    }

    String csv() {
        StringBuilder csv = new StringBuilder();
        List<String> header = new ArrayList<>(List.of("dataset", "tier", "bookings", "tables", "total_weight",
                "cpsat_status", "cpsat_seated", "cpsat_guests", "cpsat_weight", "cpsat_bound", "cpsat_seconds",
                "lp_bound", "lp_seconds", "bound"));
        List<String> solvers = new ArrayList<>();
        solvers.add("greedy");
        solvers.addAll(options.configs());
        for (String solver : solvers) {
            for (String metric : List.of("seated", "guests", "weight", "gap_percent", "seconds_to_final_plan",
                    "seconds_total", "moves_per_second", "peak_heap_mib", "hard_violations", "ended_by")) {
                header.add(solver + "_" + metric);
            }
        }
        csv.append(String.join(",", header)).append('\n');
        for (Results.Row row : rows) {
            Results.Reference reference = row.reference();
            List<String> cells = new ArrayList<>(List.of(row.dataset().name(), row.dataset().tier().label,
                    String.valueOf(row.dataset().bookings()), String.valueOf(row.dataset().tables()),
                    String.valueOf(row.totalWeight()), reference.status(), String.valueOf(reference.seatedBookings()),
                    String.valueOf(reference.seatedGuests()), String.valueOf(reference.seatedWeight()),
                    String.valueOf(reference.cpSatBound()), decimal(reference.seconds()),
                    reference.lpBound() == Long.MAX_VALUE ? "" : String.valueOf(reference.lpBound()),
                    decimal(reference.lpSeconds()), String.valueOf(reference.bound())));
            for (String solver : solvers) {
                Results.Run run = solver.equals("greedy") ? row.greedy() : row.run(solver);
                if (run == null) {
                    for (int i = 0; i < 10; i++) {
                        cells.add("");
                    }
                    continue;
                }
                cells.addAll(List.of(String.valueOf(run.seatedBookings()), String.valueOf(run.seatedGuests()),
                        String.valueOf(run.seatedWeight()), decimal(row.gapPercent(run.seatedWeight())),
                        decimal(run.secondsToFinalPlan()), decimal(run.secondsTotal()),
                        String.valueOf(run.moveEvaluationSpeed()), String.valueOf(run.peakHeapBytes() >> 20),
                        String.valueOf(run.violations().size()), run.endedBy() == null ? "" : run.endedBy().name()));
            }
            csv.append(String.join(",", cells)).append('\n');
        }
        return csv.toString();
    }

    private static String decimal(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private String environment() {
        Runtime runtime = Runtime.getRuntime();
        return "Run %s, mode `%s`, tiers %s, configurations %s. Machine: %s, %d cores, Java %s, max heap %d MiB."
                .formatted(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                        options.mode(), options.tiers().stream().map(tier -> tier.label).toList(), options.configs(),
                        cpuModel(), runtime.availableProcessors(), System.getProperty("java.version"),
                        runtime.maxMemory() >> 20);
    }

    /** The machine a figure was measured on, in one line. */
    static String machine() {
        Runtime runtime = Runtime.getRuntime();
        return "Measured %s on %s, %d cores, Java %s, max heap %d MiB.".formatted(
                ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")),
                cpuModel(), runtime.availableProcessors(), System.getProperty("java.version"), runtime.maxMemory() >> 20);
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                    .filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }
}
