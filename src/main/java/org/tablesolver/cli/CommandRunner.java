package org.tablesolver.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationContext;
import org.tablesolver.booking.BookingService;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.importing.ImportResult;
import org.tablesolver.importing.ImportService;
import org.tablesolver.solve.SolveJob;
import org.tablesolver.solve.SolveProgress;
import org.tablesolver.solve.SolveService;
import org.tablesolver.batch.BatchService;
import org.tablesolver.batch.BatchView;
import org.tablesolver.solve.SolveStatus;
import org.tablesolver.solve.SolveView;
import org.tablesolver.security.ApiKeyService;
import org.tablesolver.security.CreatedApiKey;
import org.tablesolver.security.NewApiKey;
import org.tablesolver.web.ApiException;

/** Runs one parsed command against the started application. */
final class CommandRunner {

    /** One progress line per running solve this often. */
    private static final long PROGRESS_INTERVAL_MILLIS = 1000;

    private final ApplicationContext context;
    private final SolveService solves;
    private final FloorPlanService floorPlans;
    private final BookingService bookings;
    private final ImportService imports;
    private final ApiKeyService keys;
    private final BatchService batches;
    private final PrintStream out;
    private final PrintStream err;
    /** The latest best plan of each solve, reported by the solver threads. */
    private final Map<String, SolveProgress> latest = new ConcurrentHashMap<>();

    CommandRunner(ApplicationContext context, PrintStream out, PrintStream err) {
        this.context = context;
        this.solves = context.getBean(SolveService.class);
        this.floorPlans = context.getBean(FloorPlanService.class);
        this.bookings = context.getBean(BookingService.class);
        this.imports = context.getBean(ImportService.class);
        this.keys = context.getBean(ApiKeyService.class);
        this.batches = context.getBean(BatchService.class);
        this.out = out;
        this.err = err;
    }

    int run(CliCommand command) {
        try {
            if (command instanceof CliCommand.Solve solve) {
                return solve(solve);
            }
            if (command instanceof CliCommand.Batch batch) {
                return batch(batch);
            }
            if (command instanceof CliCommand.Import file) {
                return importFile(file);
            }
            if (command instanceof CliCommand.Plan plan) {
                return plan(plan);
            }
            if (command instanceof CliCommand.CreateKey key) {
                return createKey(key);
            }
            if (command instanceof CliCommand.Benchmark benchmark) {
                return new BenchmarkCommand(context, out, err).run(benchmark);
            }
            return Cli.OK;
        } catch (ApiException e) {
            err.println("error: " + e.getMessage());
            return switch (e.status()) {
                case NOT_FOUND -> Cli.NOT_FOUND;
                case CONFLICT -> Cli.CONFLICT;
                case TOO_MANY_REQUESTS, SERVICE_UNAVAILABLE -> Cli.BUSY;
                case BAD_REQUEST, PAYLOAD_TOO_LARGE -> Cli.INVALID;
                default -> Cli.FAILED;
            };
        }
    }

    private int solve(CliCommand.Solve command) {
        List<String> restaurants = command.all() ? solves.restaurantsWithBookings(command.date())
                : List.of(command.restaurantId());
        if (restaurants.isEmpty()) {
            out.println("No restaurant has bookings on " + command.date() + ": nothing to solve.");
            return Cli.OK;
        }
        // Everything is checked (restaurants, configuration) before the first solve is queued.
        for (String restaurant : restaurants) {
            floorPlans.get(restaurant);
        }
        List<SolveJob> jobs = new ArrayList<>();
        for (String restaurant : restaurants) {
            jobs.add(solves.submit(restaurant, command.date(), command.mode(), command.config(),
                    progress -> latest.put(progress.solveId(), progress)));
        }
        java.util.Map<SolveJob, SolveView> ends = showProgressUntilDone(jobs);
        boolean failed = false;
        boolean conflict = false;
        for (SolveJob job : jobs) {
            SolveView result = ends.get(job);
            if (job != jobs.get(0)) {
                out.println();
            }
            PlanPrinter.printSolve(out, result, floorPlans.get(result.restaurantId()),
                    bookings.dayPlan(result.restaurantId(), command.date(), false).bookings());
            failed |= result.status() == SolveStatus.FAILED || !result.status().finished();
            conflict |= result.status() == SolveStatus.CONFLICT || result.status() == SolveStatus.CANCELLED;
        }
        if (jobs.size() > 1) {
            printTotals(jobs.stream().map(ends::get).toList());
        }
        return failed ? Cli.FAILED : conflict ? Cli.CONFLICT : Cli.OK;
    }

    private void printTotals(List<SolveView> jobs) {
        int seated = 0;
        int unseated = 0;
        int newlyConfirmed = 0;
        int committed = 0;
        for (SolveView view : jobs) {
            if (view.status() == SolveStatus.COMMITTED) {
                committed++;
                seated += view.seated();
                unseated += view.unseated();
                newlyConfirmed += view.newlyConfirmed();
            }
        }
        out.println();
        out.printf(Locale.ROOT, "%d of %d restaurants committed: %d bookings seated (%d newly confirmed), %d unseated.%n",
                committed, jobs.size(), seated, newlyConfirmed, unseated);
    }

    /**
     * Every second, one line per solve still running: elapsed time, attempt, best score and bookings seated
     * in the best plan so far; one line when a solve ends.
     */
    private java.util.Map<SolveJob, SolveView> showProgressUntilDone(List<SolveJob> jobs) {
        java.util.Map<SolveJob, SolveView> ends = new java.util.HashMap<>();
        List<SolveJob> running = new ArrayList<>(jobs);
        while (!running.isEmpty()) {
            for (SolveJob job : List.copyOf(running)) {
                // Wherever it runs: this process, or a service instance on the same database.
                SolveView view = solves.await(job, Duration.ofMillis(PROGRESS_INTERVAL_MILLIS / running.size()));
                if (!view.status().finished() && job.isFinished()) {
                    // It ended after the wait ran out and before this check: its answer, not the stale view.
                    view = job.await();
                }
                if (view.status().finished() || job.isFinished()) {
                    err.printf(Locale.ROOT, "[%s] %s after %s%n", view.restaurantId(), view.status(),
                            PlanPrinter.seconds(view.totalMillis()));
                    ends.put(job, view);
                    running.remove(job);
                } else {
                    SolveProgress progress = latest.get(job.id());
                    String details = view.attempts() == 0 ? ""
                            : ", attempt " + view.attempts()
                                    + (progress == null || progress.attempt() != view.attempts() ? ""
                                            : ", best " + progress.bestScore() + ", seated " + progress.seated()
                                                    + " of " + progress.bookings());
                    err.printf(Locale.ROOT, "[%s] %s %s%s%n", view.restaurantId(), view.status(),
                            PlanPrinter.seconds(view.totalMillis()), details);
                }
            }
        }
        return ends;
    }

    /**
     * Accepts a batch; with {@code --wait} runs its solves here (service instances on the same database may take
     * some), prints the counts every second and one line per solve at the end.
     */
    private int batch(CliCommand.Batch command) {
        BatchView batch = batches.create(command.date(), command.restaurants(), null, command.mode(), command.config(),
                BatchService.Origin.CLI);
        out.printf(Locale.ROOT, "Batch %s of %s: %d solves accepted (%s, config %s).%n", batch.batchId(),
                batch.date(), batch.solves().size(), batch.mode(), batch.config());
        if (!command.await()) {
            out.println("Not waiting: running service instances on this database solve them; follow "
                    + "GET /api/batches/" + batch.batchId() + ". (A command run with --wait solves them itself.)");
            return Cli.OK;
        }
        BatchView done = batch;
        while (!done.finished()) {
            try {
                Thread.sleep(PROGRESS_INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            done = batches.find(batch.batchId()).orElseThrow();
            StringBuilder line = new StringBuilder("[batch " + batch.date() + "]");
            done.counts().forEach((status, count) -> {
                if (count > 0) {
                    line.append(' ').append(status).append(' ').append(count);
                }
            });
            err.println(line.append(" of ").append(done.solves().size()));
        }
        int failed = 0;
        int conflicts = 0;
        for (BatchView.BatchSolve solve : done.solves()) {
            SolveView view = solves.find(solve.solveId()).orElseThrow();
            String outcome = view.status() == SolveStatus.COMMITTED
                    ? String.format(Locale.ROOT, "seated %d, unseated %d, newly confirmed %d%s", view.seated(),
                    view.unseated(), view.newlyConfirmed(), Boolean.TRUE.equals(view.proven()) ? ", proven optimal" : "")
                    : view.error();
            out.printf(Locale.ROOT, "  %-20s %-9s %s%n", solve.restaurantId(), view.status(), outcome);
            failed += view.status() == SolveStatus.FAILED || !view.status().finished() ? 1 : 0;
            conflicts += view.status() == SolveStatus.CONFLICT || view.status() == SolveStatus.CANCELLED ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%d of %d committed.%n", done.counts().get(SolveStatus.COMMITTED), done.solves().size());
        return failed > 0 ? Cli.FAILED : conflicts > 0 ? Cli.CONFLICT : Cli.OK;
    }

    private int importFile(CliCommand.Import command) {
        ImportResult result;
        try (InputStream json = Files.newInputStream(command.file())) {
            result = imports.importJson(json);
        } catch (NoSuchFileException e) {
            err.println("error: no such file: " + command.file());
            return Cli.INVALID;
        } catch (IOException e) {
            err.println("error: cannot read " + command.file() + ": " + e.getMessage());
            return Cli.INVALID;
        }
        for (ImportResult.Restaurant restaurant : result.restaurants()) {
            out.printf(Locale.ROOT, "%s: %s, %d bookings created, %d already there%n", restaurant.restaurantId(),
                    restaurant.created() ? "created" : "floor plan replaced", restaurant.bookingsCreated(),
                    restaurant.bookingsUnchanged());
        }
        out.printf(Locale.ROOT, "Imported %s: %d bookings created, %d already there.%n", command.file(),
                result.bookingsCreated(), result.bookingsUnchanged());
        return Cli.OK;
    }

    private int plan(CliCommand.Plan command) {
        FloorPlan plan = floorPlans.get(command.restaurantId());
        LocalDate date = command.date();
        PlanPrinter.printPlan(out, plan, date, bookings.dayPlan(command.restaurantId(), date, false).bookings());
        return Cli.OK;
    }

    private int createKey(CliCommand.CreateKey command) {
        CreatedApiKey key = keys.create(new NewApiKey(command.name(), command.scopes(), command.restaurants()));
        out.printf(Locale.ROOT, "Created API key %s (%s), scopes %s, restaurants %s.%n", key.id(), key.name(),
                String.join(",", key.scopes().stream().map(scope -> scope.label()).toList()),
                key.restaurants() == null ? "all" : String.join(",", key.restaurants()));
        out.println("Its secret, shown this once (only its hash is stored):");
        out.println(key.secret());
        return Cli.OK;
    }
}
