package org.tablesolver.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.config.solver.SolverConfig;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.importing.ImportDocument;
import org.tablesolver.importing.ImportedDays;
import org.tablesolver.solve.DayKey;
import org.tablesolver.solve.DayLoader;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.EndedBy;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.solver.bound.SeatedWeightBound;
import org.tablesolver.solver.reference.CpSatReference;
import org.tablesolver.solver.reference.GreedyBaseline;
import org.tablesolver.solver.reference.TimefoldBenchmarkReport;

/**
 * {@code benchmark}: solves every day with every configuration, beside the greedy baseline and CP-SAT, without
 * writing anything, and writes {@code summary.csv} and {@code summary.md} to the output directory, then (unless
 * {@code --no-html}) Timefold's benchmarker's HTML report of the same days and configurations under
 * {@code timefold/}. Days come from import files or from the database. Progress goes to stderr, one line per run.
 */
final class BenchmarkCommand {

    /** Most dates of one {@code --from}/{@code --to} range. */
    static final int MAX_DATES = 366;
    /** CP-SAT's time per day: the reference, not a contestant. */
    static final double CP_SAT_SECONDS = 60;
    /** The bound's limits, as the service's solves use them by default. */
    private static final double BOUND_SECONDS = 20;
    private static final long BOUND_VARIABLES = 1_000_000;

    /** One run of one day: a configuration, the greedy baseline or CP-SAT. */
    record Row(String restaurantId, LocalDate date, int bookings, String solver, int seated, long weight, Long bound,
               Double gap, boolean proven, double seconds, String endedBy) {
    }

    private final ApplicationContext context;
    private final PrintStream out;
    private final PrintStream err;

    BenchmarkCommand(ApplicationContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.out = out;
        this.err = err;
    }

    int run(CliCommand.Benchmark command) {
        List<DayInput> days;
        try {
            days = command.days() != null ? fromFiles(command.days()) : fromDatabase(command);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return Cli.INVALID;
        }
        if (days.isEmpty()) {
            err.println("error: no day with bookings to benchmark");
            return Cli.INVALID;
        }
        SeatingSolver named = context.getBean(SeatingSolver.class);
        SolverConfigs configs = context.getBean(SolverConfigs.class);
        List<Contestant> contestants = new ArrayList<>();
        for (String config : command.configs()) {
            try {
                contestants.add(contestant(config, named, configs));
            } catch (SolverConfigs.UnknownSolverConfigException | SolverConfigs.InvalidSolverConfigException e) {
                err.println("error: --configs: " + e.getMessage());
                return Cli.INVALID;
            }
        }
        List<Row> rows = new ArrayList<>();
        for (DayInput day : days) {
            String name = day.restaurantId() + " " + day.date() + " (" + day.bookings().size() + " bookings)";
            rows.add(progress(name, greedy(day)));
            for (Contestant contestant : contestants) {
                rows.add(progress(name, solve(day, contestant)));
            }
            rows.add(progress(name, cpSat(day)));
        }
        try {
            Files.createDirectories(command.out());
            Files.writeString(command.out().resolve("summary.csv"), csv(rows));
            Files.writeString(command.out().resolve("summary.md"), markdown(rows, command.configs()));
        } catch (IOException e) {
            err.println("error: cannot write to " + command.out() + ": " + e.getMessage());
            return Cli.FAILED;
        }
        out.println("Benchmarked " + days.size() + " days with " + String.join(", ", command.configs())
                + ": " + command.out().resolve("summary.md") + " and summary.csv");
        if (command.htmlReport()) {
            err.println("Timefold's benchmarker: the same days and configurations again, for its HTML report");
            Path report;
            try {
                report = TimefoldBenchmarkReport.run(
                    days.stream().map(day -> new TimefoldBenchmarkReport.Problem(day.restaurantId() + " " + day.date(),
                            day)).toList(),
                    contestants.stream().map(c -> new TimefoldBenchmarkReport.Contestant(c.label(), c.config()))
                            .toList(),
                    command.out());
            } catch (RuntimeException e) {
                err.println("error: Timefold's benchmarker failed (the summaries are written): " + Cli.rootMessage(e));
                return Cli.FAILED;
            }
            out.println("Timefold's report: " + report.resolve("index.html"));
        }
        return Cli.OK;
    }

    /** A configuration to run: a name the service knows, or a solver configuration file (shown by its file name). */
    private record Contestant(String label, String name, SeatingSolver solver, SolverConfig config) {
    }

    private static Contestant contestant(String config, SeatingSolver named, SolverConfigs configs) {
        if (!config.endsWith(".xml")) {
            // refuses an unknown name before anything runs
            return new Contestant(config, config, named, configs.load(config));
        }
        Path file = Path.of(config).toAbsolutePath();
        String name = file.getFileName().toString().replaceFirst("\\.xml$", "");
        SolverConfigs own = new SolverConfigs(file.getParent());
        return new Contestant(file.getFileName().toString(), name, new SeatingSolver(own), own.load(name));
    }

    private List<DayInput> fromFiles(List<Path> files) {
        ObjectMapper json = context.getBean(ObjectMapper.class);
        List<DayInput> days = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                days.addAll(ImportedDays.of(json.readValue(in, ImportDocument.class)));
            } catch (IOException e) {
                throw new IllegalArgumentException("--days: " + file + " is not an import document: "
                        + Cli.rootMessage(e));
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new IllegalArgumentException("--days: " + file + ": " + Cli.rootMessage(e));
            }
        }
        return days.stream().filter(day -> !day.bookings().isEmpty()).toList();
    }

    private List<DayInput> fromDatabase(CliCommand.Benchmark command) {
        FloorPlanService floorPlans = context.getBean(FloorPlanService.class);
        DayLoader loader = context.getBean(DayLoader.class);
        TransactionTemplate read = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        read.setReadOnly(true);
        FloorPlan plan = floorPlans.find(command.restaurant()).orElseThrow(() ->
                new IllegalArgumentException("--restaurant: no restaurant '" + command.restaurant() + "'"));
        List<DayInput> days = new ArrayList<>();
        for (LocalDate date = command.from(); !date.isAfter(command.to()); date = date.plusDays(1)) {
            DayKey key = new DayKey(command.restaurant(), date);
            DayInput day = read.execute(status -> loader.readInTransaction(key, plan).input());
            if (day != null && !day.bookings().isEmpty()) {
                days.add(day);
            }
        }
        return days;
    }

    private Row progress(String day, Row row) {
        err.printf(Locale.ROOT, "%s: %-10s seated %d, weight %d%s%s, %.2f s%n", day, row.solver(), row.seated(),
                row.weight(), row.bound() == null ? "" : " of bound " + row.bound(), row.proven() ? " (proven)" : "",
                row.seconds());
        return row;
    }

    private static Row greedy(DayInput day) {
        long began = System.nanoTime();
        SeatingPlan plan = GreedyBaseline.seat(SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY));
        return row(day, "greedy", plan, null, false, seconds(began), null);
    }

    private static Row solve(DayInput day, Contestant contestant) {
        long began = System.nanoTime();
        SeatingPlan problem = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
        SeatedWeightBound.Result bound = SeatedWeightBound.of(problem, BOUND_SECONDS, BOUND_VARIABLES);
        EndedBy[] endedBy = new EndedBy[1];
        SeatingPlan solved = contestant.solver().solve(problem, contestant.name(), bound, event -> {
        }, new SeatingSolver.Hooks() {
            @Override
            public boolean starting(Solver<SeatingPlan> solver) {
                return true;
            }

            @Override
            public void ended(Solver<SeatingPlan> solver) {
            }

            @Override
            public void endedBy(EndedBy why) {
                endedBy[0] = why;
            }
        });
        SeatedWeightBound.Result proven = bound.provenBy(solved);
        return row(day, contestant.label(), solved, proven.bound(),
                proven.proves(SeatedWeightBound.seatedWeight(solved)), seconds(began),
                endedBy[0] == null ? null : endedBy[0].name());
    }

    private static Row cpSat(DayInput day) {
        SeatingPlan plan = SeatingPlanBuilder.build(day, SolveMode.PENDING_ONLY);
        CpSatReference.Result exact = CpSatReference.solve(plan, CP_SAT_SECONDS);
        Long bound = exact.seatedWeightBound();
        return new Row(day.restaurantId(), day.date(), day.bookings().size(), "cp-sat", exact.seatedBookings(),
                exact.seatedWeight(), bound, gap(exact.seatedWeight(), bound), exact.optimal(), exact.seconds(),
                exact.status());
    }

    private static Row row(DayInput day, String solver, SeatingPlan plan, Long bound, boolean proven, double seconds,
                           String endedBy) {
        int seated = 0;
        long weight = 0;
        for (PlannedBooking booking : plan.getBookings()) {
            if (booking.getSeating() != null && !booking.isCapacityHold()) {
                seated++;
                weight += booking.getSeatingWeight();
            }
        }
        return new Row(day.restaurantId(), day.date(), day.bookings().size(), solver, seated, weight, bound,
                gap(weight, bound), proven, seconds, endedBy);
    }

    private static Double gap(long weight, Long bound) {
        return bound == null || bound == 0 ? null : Math.max(0, 100.0 * (bound - weight) / bound);
    }

    private static double seconds(long began) {
        return (System.nanoTime() - began) / 1e9;
    }

    static String csv(List<Row> rows) {
        StringBuilder csv = new StringBuilder("restaurant,date,bookings,solver,seated,weight,bound,gap,proven,seconds,endedBy\n");
        for (Row row : rows) {
            csv.append(String.join(",", row.restaurantId(), row.date().toString(), Integer.toString(row.bookings()),
                    quoted(row.solver()), Integer.toString(row.seated()), Long.toString(row.weight()),
                    row.bound() == null ? "" : row.bound().toString(),
                    row.gap() == null ? "" : String.format(Locale.ROOT, "%.2f", row.gap()),
                    Boolean.toString(row.proven()), String.format(Locale.ROOT, "%.3f", row.seconds()),
                    row.endedBy() == null ? "" : row.endedBy())).append('\n');
        }
        return csv.toString();
    }

    private static String quoted(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }

    static String markdown(List<Row> rows, List<String> configs) {
        StringBuilder md = new StringBuilder("# Benchmark\n\n");
        md.append("Each day solved by the greedy baseline, ").append(String.join(", ", configs))
                .append(" and CP-SAT (").append((int) CP_SAT_SECONDS).append(" s per day; `OPTIMAL` proves its "
                        + "weight the best possible). Weight = 1 + priority per seated booking; bound = the most "
                        + "any plan can reach; gap in percent of the bound.\n\n");
        md.append("| restaurant | date | bookings | solver | seated | weight | bound | gap | proven | time (s) | "
                + "ended by |\n| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
        for (Row row : rows) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d | %s | %d | %d | %s | %s | %s | %.2f | %s |%n",
                    row.restaurantId(), row.date(), row.bookings(), row.solver().replace("|", "\\|"), row.seated(),
                    row.weight(), row.bound() == null ? "" : row.bound(),
                    row.gap() == null ? "" : String.format(Locale.ROOT, "%.2f%%", row.gap()),
                    row.proven() ? "yes" : "no", row.seconds(), row.endedBy() == null ? "" : row.endedBy()));
        }
        md.append("\nTotals per solver: seated bookings, and days proven optimal.\n\n| solver | seated | proven days | "
                + "time (s) |\n| --- | ---: | ---: | ---: |\n");
        List<String> solvers = rows.stream().map(Row::solver).distinct().toList();
        for (String solver : solvers) {
            List<Row> mine = rows.stream().filter(row -> row.solver().equals(solver)).toList();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d of %d | %.2f |%n", solver.replace("|", "\\|"),
                    mine.stream().mapToInt(Row::seated).sum(), mine.stream().filter(Row::proven).count(), mine.size(),
                    mine.stream().mapToDouble(Row::seconds).sum()));
        }
        return md.toString();
    }
}
