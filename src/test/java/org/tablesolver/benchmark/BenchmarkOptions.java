package org.tablesolver.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a benchmark run covers, from system properties (Maven passes {@code -D} options through):
 * <ul>
 * <li>{@code benchmark.mode}: {@code full} (every tier) or {@code quick} (seed-day and S only);</li>
 * <li>{@code benchmark.tiers}: a comma-separated subset of seed-day, S, M, L, XL (overrides the mode's);</li>
 * <li>{@code benchmark.configs}: comma-separated configuration names (default: every file in
 * {@code solver-config/});</li>
 * <li>{@code benchmark.timefold-report}: {@code true} or {@code false}, whether to also run Timefold's
 * benchmarker for its HTML report (default true);</li>
 * <li>{@code benchmark.dir}: the report folder (default {@code benchmarks/reports/<time>-<mode>}).</li>
 * </ul>
 */
record BenchmarkOptions(String mode, List<Tier> tiers, List<String> configs, boolean timefoldReport, Path reportDir) {

    static final Path CONFIG_DIR = Path.of("solver-config");

    static BenchmarkOptions fromSystemProperties() {
        String mode = System.getProperty("benchmark.mode", "full").trim().toLowerCase();
        if (!mode.equals("full") && !mode.equals("quick")) {
            throw new IllegalArgumentException("benchmark.mode must be full or quick, not '" + mode + "'");
        }
        String tiersProperty = blankToNull(System.getProperty("benchmark.tiers"));
        List<Tier> tiers = tiersProperty != null
                ? Arrays.stream(tiersProperty.split(",")).map(String::trim).map(Tier::of).distinct().toList()
                : mode.equals("quick") ? List.of(Tier.SEED_DAY, Tier.S) : List.of(Tier.values());
        String configsProperty = blankToNull(System.getProperty("benchmark.configs"));
        List<String> configs = configsProperty != null
                ? Arrays.stream(configsProperty.split(",")).map(String::trim).distinct().toList()
                : shippedConfigs();
        boolean timefoldReport = Boolean.parseBoolean(System.getProperty("benchmark.timefold-report", "true"));
        String dir = blankToNull(System.getProperty("benchmark.dir"));
        Path reportDir = dir != null ? Path.of(dir)
                : Path.of("benchmarks", "reports",
                        LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss")) + "-" + mode);
        return new BenchmarkOptions(mode, tiers, configs, timefoldReport, reportDir);
    }

    /** Every configuration in {@code solver-config/}, the production default first. */
    static List<String> shippedConfigs() {
        try (Stream<Path> files = Files.list(CONFIG_DIR)) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".xml"))
                    .map(name -> name.substring(0, name.length() - ".xml".length()))
                    .sorted((a, b) -> a.equals("default") ? -1 : b.equals("default") ? 1 : a.compareTo(b))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
