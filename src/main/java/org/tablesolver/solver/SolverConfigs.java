package org.tablesolver.solver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import ai.timefold.solver.core.config.phase.custom.CustomPhaseConfig;
import ai.timefold.solver.core.config.solver.SolverConfig;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.tablesolver.solver.repair.ExactRepair;

/**
 * Solver configurations by name: {@code <name>.xml} in the configuration folder ({@code solver-config/}
 * beside the working directory by default), else the copy packaged in the jar under the same name.
 * The folder wins so that an operator can tune a configuration without rebuilding.
 */
public final class SolverConfigs {

    public static final String DEFAULT = "default";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final String PACKAGED = "solver-config/";

    private final Path directory;

    public SolverConfigs(Path directory) {
        this.directory = Objects.requireNonNull(directory);
    }

    /** @throws UnknownSolverConfigException when no configuration has that name */
    public SolverConfig load(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new UnknownSolverConfigException(name, available());
        }
        Path file = directory.resolve(name + ".xml");
        if (Files.isRegularFile(file)) {
            return withRepairSteps(SolverConfig.createFromXmlFile(file.toFile()));
        }
        if (SolverConfigs.class.getClassLoader().getResource(PACKAGED + name + ".xml") != null) {
            return withRepairSteps(SolverConfig.createFromXmlResource(PACKAGED + name + ".xml"));
        }
        throw new UnknownSolverConfigException(name, available());
    }

    /**
     * A repair phase written once with {@code keptPerStep} (each step ends after that many improving pieces, so the
     * solve publishes each improvement and can stop between pieces) gets one step per piece it may solve: its
     * command listed {@code maxSubproblems} times, as Timefold runs a custom phase's commands one step each (the
     * instances share the repair's cursor and budget). A phase that lists its commands itself stays as written.
     */
    static SolverConfig withRepairSteps(SolverConfig config) {
        if (config.getPhaseConfigList() == null) {
            return config;
        }
        for (var phase : config.getPhaseConfigList()) {
            if (phase instanceof CustomPhaseConfig custom && custom.getCustomPhaseCommandClassList() != null
                    && custom.getCustomPhaseCommandClassList().size() == 1
                    && custom.getCustomPhaseCommandClassList().get(0) == ExactRepair.class
                    && custom.getCustomProperties() != null
                    && custom.getCustomProperties().containsKey("keptPerStep")
                    && custom.getCustomProperties().containsKey("maxSubproblems")) {
                int steps;
                try {
                    steps = Integer.parseInt(custom.getCustomProperties().get("maxSubproblems").strip());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("maxSubproblems \""
                            + custom.getCustomProperties().get("maxSubproblems") + "\" is not a whole number", e);
                }
                if (steps < 1 || steps > 10_000) {
                    throw new IllegalArgumentException("maxSubproblems must be 1 to 10000, got " + steps);
                }
                custom.setCustomPhaseCommandClassList(java.util.Collections.nCopies(steps, ExactRepair.class));
            }
        }
        return config;
    }

    /**
     * What identifies the configuration's current content: the file's modification time and size in the folder,
     * or "packaged" for the copy in the jar (which cannot change while running).
     *
     * @throws UnknownSolverConfigException when no configuration has that name
     */
    public String version(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw new UnknownSolverConfigException(name, available());
        }
        Path file = directory.resolve(name + ".xml");
        try {
            if (Files.isRegularFile(file)) {
                return Files.getLastModifiedTime(file).toMillis() + ":" + Files.size(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (SolverConfigs.class.getClassLoader().getResource(PACKAGED + name + ".xml") != null) {
            return "packaged";
        }
        throw new UnknownSolverConfigException(name, available());
    }

    /** Names of every configuration that {@link #load} accepts, sorted. */
    public List<String> available() {
        TreeSet<String> names = new TreeSet<>();
        if (Files.isDirectory(directory)) {
            try (Stream<Path> files = Files.list(directory)) {
                files.map(path -> path.getFileName().toString())
                        .filter(fileName -> fileName.endsWith(".xml"))
                        .forEach(fileName -> names.add(fileName.substring(0, fileName.length() - 4)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Resource[] packaged = new PathMatchingResourcePatternResolver().getResources("classpath*:" + PACKAGED + "*.xml");
            Arrays.stream(packaged)
                    .map(Resource::getFilename)
                    .filter(Objects::nonNull)
                    .forEach(fileName -> names.add(fileName.substring(0, fileName.length() - 4)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(names);
    }

    public Path directory() {
        return directory;
    }

    /** A configuration that does not parse, or does not build a solver. */
    public static final class InvalidSolverConfigException extends RuntimeException {

        InvalidSolverConfigException(String name, RuntimeException cause) {
            super("Solver configuration '" + name + "' cannot be used: " + rootMessage(cause), cause);
        }

        private static String rootMessage(Throwable cause) {
            Throwable root = cause;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            return message.length() > 500 ? message.substring(0, 500) + "..." : message;
        }
    }

    /** Asked for a configuration that does not exist. */
    public static final class UnknownSolverConfigException extends RuntimeException {

        private final String name;
        private final List<String> available;

        UnknownSolverConfigException(String name, List<String> available) {
            super("Unknown solver configuration '" + name + "'; available: " + String.join(", ", available));
            this.name = name;
            this.available = available;
        }

        public String name() {
            return name;
        }

        public List<String> available() {
            return available;
        }
    }
}
