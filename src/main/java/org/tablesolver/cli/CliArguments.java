package org.tablesolver.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.tablesolver.solver.SolveMode;

/**
 * The command line, parsed and checked before anything starts: the command, its options, the global flag
 * {@code --demo-data}, and Spring properties ({@code --spring.datasource.url=...}) passed through as they are.
 */
record CliArguments(CliCommand command, boolean demoData, List<String> springArguments) {

    private static final Set<String> VALUE_OPTIONS = Set.of("restaurant", "date", "mode", "config", "name", "scopes",
            "restaurants");
    private static final Set<String> FLAGS = Set.of("all", "demo-data", "help", "wait");

    static CliArguments parse(String... args) throws CliUsageException {
        String command = null;
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        List<String> spring = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("-h")) {
                arg = "--help";
            }
            if (!arg.startsWith("--")) {
                if (arg.startsWith("-")) {
                    throw new CliUsageException("unknown option " + arg);
                }
                if (command == null) {
                    command = arg;
                } else {
                    positional.add(arg);
                }
                continue;
            }
            String name = arg.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (name.contains(".") && value != null) {
                spring.add(arg);
            } else if (VALUE_OPTIONS.contains(name)) {
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new CliUsageException("--" + name + " needs a value");
                    }
                    value = args[++i];
                }
                if (options.put(name, value) != null) {
                    throw new CliUsageException("--" + name + " is given twice");
                }
            } else if (FLAGS.contains(name) && value == null) {
                options.put(name, "true");
            } else {
                throw new CliUsageException("unknown option " + arg);
            }
        }
        boolean demoData = options.remove("demo-data") != null;
        if (options.remove("help") != null || command == null || command.equals("help")) {
            return new CliArguments(new CliCommand.Help(), demoData, List.copyOf(spring));
        }
        CliCommand parsed = switch (command) {
            case "solve" -> solve(options, positional);
            case "batch" -> batch(options, positional);
            case "import" -> importFile(options, positional);
            case "plan" -> plan(options, positional);
            case "create-key" -> createKey(options, positional);
            default -> throw new CliUsageException("unknown command '" + command + "' (commands: solve, batch, import, "
                    + "plan, create-key, help)");
        };
        return new CliArguments(parsed, demoData, List.copyOf(spring));
    }

    private static CliCommand solve(Map<String, String> options, List<String> positional) throws CliUsageException {
        allowOnly("solve", options, Set.of("restaurant", "all", "date", "mode", "config"));
        noPositional("solve", positional);
        LocalDate date = date(options);
        boolean all = options.containsKey("all");
        String restaurant = options.get("restaurant");
        if (all == (restaurant != null)) {
            throw new CliUsageException("solve needs either --restaurant R or --all");
        }
        return new CliCommand.Solve(restaurant, date, mode(options.get("mode")), options.get("config"));
    }

    private static CliCommand batch(Map<String, String> options, List<String> positional) throws CliUsageException {
        allowOnly("batch", options, Set.of("date", "restaurants", "mode", "config", "wait"));
        noPositional("batch", positional);
        LocalDate date = date(options);
        String restaurants = options.get("restaurants");
        List<String> list = null;
        if (restaurants != null) {
            list = List.of(restaurants.split(",", -1));
            if (list.stream().anyMatch(String::isBlank)) {
                throw new CliUsageException("--restaurants: an empty restaurant id in '" + restaurants + "'");
            }
        }
        return new CliCommand.Batch(date, list, mode(options.get("mode")), options.get("config"),
                options.containsKey("wait"));
    }

    private static CliCommand importFile(Map<String, String> options, List<String> positional)
            throws CliUsageException {
        allowOnly("import", options, Set.of());
        if (positional.size() != 1) {
            throw new CliUsageException("import needs exactly one FILE");
        }
        Path file = Path.of(positional.get(0));
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new CliUsageException("import: no readable file " + file);
        }
        return new CliCommand.Import(file);
    }

    private static CliCommand plan(Map<String, String> options, List<String> positional) throws CliUsageException {
        allowOnly("plan", options, Set.of("restaurant", "date"));
        noPositional("plan", positional);
        String restaurant = options.get("restaurant");
        if (restaurant == null) {
            throw new CliUsageException("plan needs --restaurant R");
        }
        return new CliCommand.Plan(restaurant, date(options));
    }

    private static CliCommand createKey(Map<String, String> options, List<String> positional)
            throws CliUsageException {
        allowOnly("create-key", options, Set.of("name", "scopes", "restaurants"));
        noPositional("create-key", positional);
        String name = options.get("name");
        String scopes = options.get("scopes");
        if (name == null || scopes == null) {
            throw new CliUsageException("create-key needs --name N and --scopes S[,S...] (read, book, host, solve, "
                    + "admin)");
        }
        String restaurants = options.get("restaurants");
        return new CliCommand.CreateKey(name, List.of(scopes.split(",", -1)),
                restaurants == null ? null : List.of(restaurants.split(",", -1)));
    }

    private static void allowOnly(String command, Map<String, String> options, Set<String> allowed)
            throws CliUsageException {
        for (String name : options.keySet()) {
            if (!allowed.contains(name)) {
                throw new CliUsageException("--" + name + " is not an option of " + command);
            }
        }
    }

    private static void noPositional(String command, List<String> positional) throws CliUsageException {
        if (!positional.isEmpty()) {
            throw new CliUsageException("unexpected argument '" + positional.get(0) + "' for " + command);
        }
    }

    private static LocalDate date(Map<String, String> options) throws CliUsageException {
        String text = options.get("date");
        if (text == null) {
            throw new CliUsageException("--date D is required (yyyy-MM-dd, e.g. 2026-12-04)");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CliUsageException("--date: '" + text + "' is not a date (yyyy-MM-dd, e.g. 2026-12-04)");
        }
    }

    private static SolveMode mode(String text) throws CliUsageException {
        if (text == null) {
            return null;
        }
        try {
            return SolveMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CliUsageException("--mode: '" + text + "' is not PENDING_ONLY or REOPTIMIZE");
        }
    }
}
