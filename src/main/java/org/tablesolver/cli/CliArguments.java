package org.tablesolver.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.tablesolver.solver.SolveMode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line, parsed (picocli) and checked before anything starts: the command, its options, the global
 * flag {@code --demo-data}, and Spring properties ({@code --spring.datasource.url=...}) passed through as they
 * are. Every mistake is reported at once, not only the first.
 */
record CliArguments(CliCommand command, boolean demoData, List<String> springArguments) {

    static final List<String> COMMANDS = List.of("solve", "batch", "import", "plan", "create-key", "benchmark", "help");

    static CliArguments parse(String... args) throws CliUsageException {
        List<String> spring = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        boolean demoData = false;
        boolean help = false;
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=") && arg.substring(0, arg.indexOf('=')).contains(".")) {
                spring.add(arg);
            } else if (arg.equals("--demo-data")) {
                demoData = true;
            } else if (arg.equals("-h") || arg.equals("--help")) {
                help = true;
            } else {
                rest.add(arg);
            }
        }
        String command = rest.stream().filter(arg -> !arg.startsWith("-")).findFirst().orElse(null);
        if (help || command == null || command.equals("help")) {
            return new CliArguments(new CliCommand.Help(), demoData, List.copyOf(spring));
        }
        if (!COMMANDS.contains(command)) {
            throw new CliUsageException("unknown command '" + command + "' (commands: "
                    + String.join(", ", COMMANDS) + ")");
        }
        if (!rest.get(0).equals(command)) {
            throw new CliUsageException("unknown option " + rest.get(0) + " before the command");
        }
        Checked options = switch (command) {
            case "solve" -> new SolveOptions();
            case "batch" -> new BatchOptions();
            case "import" -> new ImportOptions();
            case "plan" -> new PlanOptions();
            case "create-key" -> new CreateKeyOptions();
            default -> new BenchmarkOptions();
        };
        CommandLine line = new CommandLine(options)
                .registerConverter(LocalDate.class, CliArguments::date)
                .registerConverter(SolveMode.class, CliArguments::mode);
        line.getCommandSpec().parser().collectErrors(true);
        CommandLine.ParseResult parsed = line.parseArgs(rest.subList(1, rest.size()).toArray(String[]::new));
        List<String> errors = new ArrayList<>();
        for (Exception error : parsed.errors()) {
            String message = error.getMessage();
            errors.add(message.startsWith("Unknown option") ? "unknown option " + message.substring(
                    message.indexOf('\'') + 1, message.lastIndexOf('\'')) : message);
        }
        CliCommand result = options.check(parsed, errors);
        if (!errors.isEmpty()) {
            throw new CliUsageException(String.join("\n       ", errors));
        }
        return new CliArguments(result, demoData, List.copyOf(spring));
    }

    /** A subcommand's options as a {@link CliCommand}, adding what is wrong with them to {@code errors}. */
    interface Checked {
        CliCommand check(CommandLine.ParseResult parsed, List<String> errors);
    }

    @Command(name = "solve")
    static final class SolveOptions implements Checked {
        @Option(names = "--restaurant") String restaurant;
        @Option(names = "--all") boolean all;
        @Option(names = "--date") LocalDate date;
        @Option(names = "--mode") SolveMode mode;
        @Option(names = "--config") String config;
        @Parameters(arity = "0..*") List<String> extra = new ArrayList<>();

        @Override
        public CliCommand check(CommandLine.ParseResult parsed, List<String> errors) {
            unexpected("solve", extra, errors);
            requireDate(date, parsed, errors);
            if (all == (restaurant != null)) {
                errors.add("solve needs either --restaurant R or --all");
            }
            return new CliCommand.Solve(restaurant, date, mode, config);
        }
    }

    @Command(name = "batch")
    static final class BatchOptions implements Checked {
        @Option(names = "--date") LocalDate date;
        @Option(names = "--restaurants", split = ",") List<String> restaurants;
        @Option(names = "--mode") SolveMode mode;
        @Option(names = "--config") String config;
        @Option(names = "--wait") boolean await;
        @Parameters(arity = "0..*") List<String> extra = new ArrayList<>();

        @Override
        public CliCommand check(CommandLine.ParseResult parsed, List<String> errors) {
            unexpected("batch", extra, errors);
            requireDate(date, parsed, errors);
            if (restaurants != null && restaurants.stream().anyMatch(String::isBlank)) {
                errors.add("--restaurants: an empty restaurant id in '" + String.join(",", restaurants) + "'");
            }
            return new CliCommand.Batch(date, restaurants == null ? null : List.copyOf(restaurants), mode, config,
                    await);
        }
    }

    @Command(name = "import")
    static final class ImportOptions implements Checked {
        @Parameters(arity = "0..*") List<String> files = new ArrayList<>();

        @Override
        public CliCommand check(CommandLine.ParseResult parsed, List<String> errors) {
            if (files.size() != 1) {
                errors.add("import needs exactly one FILE");
                return null;
            }
            Path file = Path.of(files.get(0));
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                errors.add("import: no readable file " + file);
            }
            return new CliCommand.Import(file);
        }
    }

    @Command(name = "plan")
    static final class PlanOptions implements Checked {
        @Option(names = "--restaurant") String restaurant;
        @Option(names = "--date") LocalDate date;
        @Parameters(arity = "0..*") List<String> extra = new ArrayList<>();

        @Override
        public CliCommand check(CommandLine.ParseResult parsed, List<String> errors) {
            unexpected("plan", extra, errors);
            if (restaurant == null) {
                errors.add("plan needs --restaurant R");
            }
            requireDate(date, parsed, errors);
            return new CliCommand.Plan(restaurant, date);
        }
    }

    @Command(name = "create-key")
    static final class CreateKeyOptions implements Checked {
        @Option(names = "--name") String name;
        @Option(names = "--scopes") String scopes;
        @Option(names = "--restaurants") String restaurants;
        @Parameters(arity = "0..*") List<String> extra = new ArrayList<>();

        @Override
        public CliCommand check(CommandLine.ParseResult parsed, List<String> errors) {
            unexpected("create-key", extra, errors);
            if (name == null || scopes == null) {
                errors.add("create-key needs --name N and --scopes S[,S...] (read, book, host, solve, admin)");
                return null;
            }
            return new CliCommand.CreateKey(name, List.of(scopes.split(",", -1)),
                    restaurants == null ? null : List.of(restaurants.split(",", -1)));
        }
    }

    @Command(name = "benchmark")
    static final class BenchmarkOptions implements Checked {
        @Option(names = "--days", arity = "1..*") List<Path> days;
        @Option(names = "--restaurant") String restaurant;
        @Option(names = "--from") LocalDate from;
        @Option(names = "--to") LocalDate to;
        @Option(names = "--configs", split = ",") List<String> configs;
        @Option(names = "--out") Path out;
        @Option(names = "--no-html") boolean noHtml;
        @Parameters(arity = "0..*") List<String> extra = new ArrayList<>();

        @Override
        public CliCommand check(CommandLine.ParseResult parsed, List<String> errors) {
            unexpected("benchmark", extra, errors);
            boolean fromFiles = days != null;
            boolean fromDatabase = restaurant != null || from != null || to != null;
            if (fromFiles == fromDatabase) {
                errors.add("benchmark needs either --days FILE [FILE...] or --restaurant R --from D --to D");
            }
            if (fromFiles) {
                for (Path file : days) {
                    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                        errors.add("--days: no readable file " + file);
                    }
                }
            }
            if (fromDatabase) {
                if (restaurant == null || from == null || to == null) {
                    errors.add("benchmark --restaurant R needs --from D and --to D");
                } else if (to.isBefore(from)) {
                    errors.add("--to: " + to + " is before --from " + from);
                } else if (from.plusDays(BenchmarkCommand.MAX_DATES - 1L).isBefore(to)) {
                    errors.add("--to: at most " + BenchmarkCommand.MAX_DATES + " dates from --from");
                }
            }
            if (configs == null || configs.isEmpty() || configs.stream().anyMatch(String::isBlank)) {
                errors.add("benchmark needs --configs C[,C...] (configuration names such as default,quick, or "
                        + "solver configuration files .xml)");
            } else {
                for (String config : configs) {
                    if (config.endsWith(".xml") && !Files.isRegularFile(Path.of(config))) {
                        errors.add("--configs: no readable file " + config);
                    }
                }
            }
            return new CliCommand.Benchmark(fromFiles ? List.copyOf(days) : null, restaurant, from, to,
                    configs == null ? List.of() : List.copyOf(configs), out != null ? out : Path.of("benchmark-report"),
                    !noHtml);
        }
    }

    private static void unexpected(String command, List<String> extra, List<String> errors) {
        for (String argument : extra) {
            errors.add("unexpected argument '" + argument + "' for " + command);
        }
    }

    private static void requireDate(LocalDate date, CommandLine.ParseResult parsed, List<String> errors) {
        boolean given = parsed.hasMatchedOption("--date");
        if (date == null && !given) {
            errors.add("--date D is required (yyyy-MM-dd, e.g. 2026-12-04)");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date (yyyy-MM-dd, e.g. 2026-12-04)");
        }
    }

    private static SolveMode mode(String text) {
        try {
            return SolveMode.valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not PENDING_ONLY or REOPTIMIZE");
        }
    }
}
