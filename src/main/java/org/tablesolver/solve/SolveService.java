package org.tablesolver.solve;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.kagkarlsson.scheduler.Scheduler;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tablesolver.floorplan.FloorPlanService;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.solver.SolverConfigs;
import org.tablesolver.web.InvalidRequestException;
import org.tablesolver.web.NotFoundException;

/**
 * Solving restaurant-days on request (REST, batches and the command line). A solve is a row in {@code solve_run}
 * and a db-scheduler execution, written in one transaction before it is answered; any instance on the database
 * runs it ({@link SolveWorker}), one solve per restaurant-day at a time across instances. This instance keeps in
 * memory only the solves it accepted or runs and that have not ended.
 */
@Service
@EnableConfigurationProperties(SolveProperties.class)
public class SolveService {

    private static final Logger log = LoggerFactory.getLogger(SolveService.class);
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;
    /** How long DELETE waits for a stopped solve to commit its best plan before answering. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);
    /** How often a request waiting for a solve that another instance runs reads its row. */
    private static final Duration POLL = Duration.ofMillis(250);

    private final FloorPlanService floorPlans;
    private final SeatingSolver seatingSolver;
    private final SolvePipeline pipeline;
    private final SolveRuns runs;
    private final JdbcClient jdbc;
    private final SolveProperties properties;
    private final LocalSolves local;
    private final Scheduler scheduler;
    private final TransactionTemplate transaction;

    SolveService(FloorPlanService floorPlans, SeatingSolver seatingSolver, SolvePipeline pipeline, SolveRuns runs,
                 JdbcClient jdbc, SolveProperties properties, com.fasterxml.jackson.databind.ObjectMapper objectMapper,
                 LocalSolves local, Scheduler scheduler, PlatformTransactionManager transactions) {
        this.objectMapper = objectMapper;
        this.floorPlans = floorPlans;
        this.seatingSolver = seatingSolver;
        this.pipeline = pipeline;
        this.runs = runs;
        this.jdbc = jdbc;
        this.properties = properties;
        this.local = local;
        this.scheduler = scheduler;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Accepts a solve of a restaurant-day and queues it; the returned job runs in the background.
     *
     * @param mode     null for PENDING_ONLY
     * @param config   solver configuration name, null for the default ({@code tablesolver.solve.default-config})
     * @param progress called on the solving thread for each new best plan when this instance runs it; must be quick
     * @throws NotFoundException       for an unknown restaurant (nothing queued)
     * @throws InvalidRequestException naming {@code config} for an unknown solver configuration
     * @throws QueueFullException      when too many solves wait (nothing queued)
     */
    public SolveJob submit(String restaurantId, LocalDate date, SolveMode mode, String config,
                           Consumer<SolveProgress> progress) {
        return submitAll(List.of(restaurantId), date, mode, config, progress, null).get(0);
    }

    /**
     * Accepts one solve per restaurant of {@code date}, all or none, in one transaction (with the batch row when
     * {@code batch} is given).
     */
    public List<SolveJob> submitAll(List<String> restaurantIds, LocalDate date, SolveMode mode, String config,
                                    Consumer<SolveProgress> progress, Batch batch) {
        for (String restaurantId : restaurantIds) {
            floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        }
        String configName = checkedConfig(config);
        SolveMode solveMode = mode == null ? SolveMode.PENDING_ONLY : mode;
        checkQueue(restaurantIds, date);
        List<SolveJob> jobs = new ArrayList<>();
        for (String restaurantId : restaurantIds) {
            jobs.add(new SolveJob(UUID.randomUUID().toString(), new DayKey(restaurantId, date), solveMode, configName,
                    progress == null ? p -> { } : progress));
        }
        jobs.forEach(local::add);
        try {
            transaction.executeWithoutResult(status -> {
                if (batch != null) {
                    batch.insert().run();
                }
                for (SolveJob job : jobs) {
                    runs.queued(new SolveRun(job.id(), job.key().restaurantId(), date, solveMode, configName,
                            SolveStatus.QUEUED, null, null, null, null, null, null, null, null, null, 0, null,
                            job.requestedAt(), null, null, null, null), batch == null ? null : batch.id());
                }
                scheduler.scheduleBatch(jobs.stream().<com.github.kagkarlsson.scheduler.task.TaskInstance<?>>map(
                        job -> SolveTasks.instance(job.id())).toList(), Instant.now());
            });
        } catch (RuntimeException e) {
            jobs.forEach(job -> local.remove(job.id()));
            throw e;
        }
        // Scheduled inside a transaction, so db-scheduler's own immediate check could not see them yet.
        scheduler.triggerCheckForDueExecutions();
        forgetOldSolves();
        return jobs;
    }

    /** A batch row written with its solves: its id and the statement that inserts it. */
    public record Batch(String id, Runnable insert) {
    }

    /** The solver configuration a request names (or the default), checked. */
    public String checkedConfig(String config) {
        String configName = config == null ? properties.defaultConfig() : config;
        try {
            seatingSolver.factory(configName);
        } catch (SolverConfigs.UnknownSolverConfigException | SolverConfigs.InvalidSolverConfigException e) {
            throw new InvalidRequestException("config", e.getMessage());
        }
        return configName;
    }

    private void checkQueue(List<String> restaurantIds, LocalDate date) {
        SolveRuns.Queued queued = runs.queued(new DayKey(restaurantIds.get(0), date));
        if (queued.total() + restaurantIds.size() > properties.maxQueued()) {
            throw new QueueFullException(HttpStatus.SERVICE_UNAVAILABLE, queued.total() + " solves are waiting to run "
                    + "(tablesolver.solve.max-queued is " + properties.maxQueued() + "); nothing was queued. "
                    + "Retry later.", 30);
        }
        if (restaurantIds.size() == 1 && queued.day() >= properties.maxQueuedPerDay()) {
            throw new QueueFullException(HttpStatus.TOO_MANY_REQUESTS, queued.day() + " solves of "
                    + restaurantIds.get(0) + " on " + date + " are waiting to run (tablesolver.solve."
                    + "max-queued-per-day is " + properties.maxQueuedPerDay() + "); nothing was queued. Each solve "
                    + "sees every change made before it starts, so one more adds nothing: retry after they ran.", 5);
        }
    }

    /** 429 or 503: too many solves wait; nothing was queued. */
    static final class QueueFullException extends org.tablesolver.web.ApiException {
        QueueFullException(HttpStatus status, String detail, int retryAfterSeconds) {
            super(status, detail, List.of());
            retryAfter(retryAfterSeconds);
        }
    }

    /**
     * After a start: gives a db-scheduler execution to every unfinished solve that has none (solves accepted by a
     * version before durable solving, or whose execution was deleted by hand), so they run.
     */
    @org.springframework.context.event.EventListener
    public void adoptUnscheduled(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
        if (properties.runOthers()) {
            adoptUnscheduled();
        }
    }

    /** Schedules every QUEUED or SOLVING solve without a db-scheduler execution. */
    void adoptUnscheduled() {
        for (SolveRun run : runs.unfinished()) {
            if (scheduler.scheduleIfNotExists(SolveTasks.instance(run.solveId()), Instant.now())) {
                log.info("solve id={} restaurant={} date={} was {} without a job: scheduled it", run.solveId(),
                        run.restaurantId(), run.date(), run.status());
            }
        }
        forgetOldSolves();
    }

    private volatile long lastForgetNanos;

    /** Deletes finished solves older than {@code tablesolver.solve.retention}, at most once an hour. */
    private void forgetOldSolves() {
        long now = System.nanoTime();
        if (lastForgetNanos != 0 && now - lastForgetNanos < java.util.concurrent.TimeUnit.HOURS.toNanos(1)) {
            return;
        }
        lastForgetNanos = now;
        int forgotten = runs.forgetOlderThan(properties.retention());
        if (forgotten > 0) {
            log.info("forgot {} solves finished more than {} ago", forgotten, properties.retention());
        }
    }

    /**
     * One page of the blockers of a booking a committed solve left unseated.
     *
     * @param nextCursor the cursor of the next page, null on the last
     */
    public record BlockerPage(String solveId, String bookingId, List<SolveView.Blocker> blockers, int blockersTotal,
                              @Schema(nullable = true) String nextCursor) {
    }

    /** Blockers on a page when the request names no limit, and at most. */
    static final int BLOCKERS_PAGE = 100;
    static final int BLOCKERS_PAGE_MAX = 1000;

    /**
     * A page of the blockers of {@code bookingId} in solve {@code solveId} (every one, where the answer shows the first
     * five). 404 naming {@code solveId} or {@code bookingId}; 400 naming {@code cursor} or {@code limit}.
     */
    public BlockerPage blockers(SolveView solve, String bookingId, String cursor, Integer limit) {
        int size = limit == null ? BLOCKERS_PAGE : limit;
        if (size < 1 || size > BLOCKERS_PAGE_MAX) {
            throw new InvalidRequestException("limit", "must be between 1 and " + BLOCKERS_PAGE_MAX);
        }
        int offset = 0;
        if (cursor != null) {
            try {
                String text = new String(java.util.Base64.getUrlDecoder().decode(cursor),
                        java.nio.charset.StandardCharsets.UTF_8);
                offset = text.startsWith("b:") ? Integer.parseInt(text.substring(2)) : -1;
            } catch (IllegalArgumentException e) {
                offset = -1;
            }
            if (offset < 0) {
                throw new InvalidRequestException("cursor", "is not a cursor of this list (use nextCursor as given)");
            }
        }
        SolveView.Unseated unseated = solve.unseatedBookings() == null ? null : solve.unseatedBookings().stream()
                .filter(u -> u.bookingId().equals(bookingId)).findFirst().orElse(null);
        if (unseated == null) {
            throw new NotFoundException("bookingId", "Solve '" + solve.solveId() + "' left no booking '" + bookingId
                    + "' unseated.");
        }
        List<SolveView.Blocker> all = unseated.blockers();
        if (unseated.blockersTotal() != null && unseated.blockersTotal() > all.size()) {
            all = storedBlockers(solve.solveId(), bookingId);
        }
        int from = Math.min(offset, all.size());
        int to = Math.min(all.size(), from + size);
        String next = to < all.size() ? java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("b:" + to).getBytes(java.nio.charset.StandardCharsets.UTF_8)) : null;
        return new BlockerPage(solve.solveId(), bookingId, List.copyOf(all.subList(from, to)), all.size(), next);
    }

    /** One booking's full list from the solve's stored blockers, read as a stream (the whole can be tens of MB). */
    private List<SolveView.Blocker> storedBlockers(String solveId, String bookingId) {
        String stored = runs.blockers(solveId);
        if (stored == null) {
            throw new IllegalStateException("solve " + solveId + " shows fewer blockers than it has but stored none");
        }
        try (com.fasterxml.jackson.core.JsonParser parser = objectMapper.getFactory().createParser(stored)) {
            parser.nextToken();
            while (parser.nextToken() == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                parser.nextToken();
                if (name.equals(bookingId)) {
                    return List.of(objectMapper.readValue(parser, SolveView.Blocker[].class));
                }
                parser.skipChildren();
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("the stored blockers of solve " + solveId + " cannot be read", e);
        }
        throw new IllegalStateException("solve " + solveId + " stored no blockers of booking " + bookingId);
    }

    /** A solve: the one running here as it is now, else as its row says (in full once finished). */
    public Optional<SolveView> find(String solveId) {
        SolveJob job = local.get(solveId);
        if (job != null && job.status() == SolveStatus.SOLVING && !job.isFinished()) {
            return Optional.of(job.view());
        }
        return runs.find(solveId).map(run -> fromAudit(run, run.status().finished() ? runs.result(solveId) : null));
    }

    /**
     * Waits for the end of a solve this instance accepted, wherever it runs; at most {@code timeout} (null: no
     * limit). A view still QUEUED or SOLVING comes back when the time is up, or when the outcome cannot be learnt
     * (its {@code error} says so).
     */
    public SolveView await(SolveJob job, Duration timeout) {
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        while (true) {
            SolveView answer = job.answerWithin(POLL);
            if (answer != null) {
                return answer;
            }
            if (job.status() == SolveStatus.QUEUED) {
                try {
                    Optional<SolveRun> run = runs.find(job.id());
                    if (run.isPresent() && run.get().status().finished()) {
                        local.remove(job.id());
                        return fromAudit(run.get(), runs.result(job.id()));
                    }
                } catch (RuntimeException e) {
                    if (!org.tablesolver.database.SqlStates.isConnectionFailure(e)) {
                        throw e;
                    }
                }
            }
            if (System.nanoTime() > deadline) {
                return find(job.id()).orElse(job.view());
            }
        }
    }

    public SolveView await(SolveJob job) {
        return await(job, null);
    }

    /**
     * Stops a solve: a queued one is cancelled; a running one (on any instance) stops searching and commits its best
     * plan so far, or nothing with {@code discard}. Waits for the outcome (up to a minute). A finished solve is
     * answered as it is.
     *
     * @throws NotFoundException naming {@code solveId} when no solve has that id
     */
    public SolveView stop(String solveId, boolean discard) {
        SolveView current = find(solveId).orElseThrow(() -> unknownSolve(solveId));
        if (current.status().finished()) {
            return current;
        }
        // Recorded first: whichever instance runs it (now or after a restart) sees the request.
        runs.requestStop(solveId, discard);
        SolveJob job = local.get(solveId);
        if (runs.cancelQueued(solveId, SolvePipeline.CANCELLED_QUEUED)) {
            try {
                scheduler.cancel(com.github.kagkarlsson.scheduler.task.TaskInstanceId.of(SolveTasks.SOLVE, solveId));
            } catch (RuntimeException pickedOrGone) {
                // An instance is looking at it right now: it finds the row CANCELLED and drops the execution.
            }
            SolveView cancelled = find(solveId).orElseThrow(() -> unknownSolve(solveId));
            if (job != null) {
                job.requestStop(true);
                job.finish(cancelled);
                local.remove(solveId);
            }
            return cancelled;
        }
        if (job != null && job.status() == SolveStatus.SOLVING) {
            job.requestStop(discard);
            SolveView answer = job.answerWithin(STOP_WAIT);
            if (answer != null) {
                return answer;
            }
        }
        long deadline = System.nanoTime() + STOP_WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            SolveView now = find(solveId).orElseThrow(() -> unknownSolve(solveId));
            if (now.status().finished()) {
                return now;
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return find(solveId).orElseThrow(() -> unknownSolve(solveId));
    }

    /**
     * Solves from the audit table (queued, running and finished), latest first; the filters are optional
     * ({@code restaurants}: only solves of these, null = all).
     */
    public List<SolveRun> list(String restaurantId, List<String> restaurants, LocalDate date, int limit) {
        if (restaurantId != null) {
            floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        }
        if (limit < 1 || limit > 1000) {
            throw new InvalidRequestException("limit", "must be between 1 and 1000");
        }
        return runs.list(restaurantId, restaurants, date, limit);
    }

    /** The solves of a batch, by restaurant. */
    public List<SolveRun> ofBatch(String batchId) {
        return runs.ofBatch(batchId);
    }

    /** Restaurants with at least one booking that is not cancelled on {@code date}, by id. */
    public List<String> restaurantsWithBookings(LocalDate date) {
        return jdbc.sql("""
                        select distinct restaurant_id from booking
                        where service_date = :date and status in ('PENDING', 'CONFIRMED', 'SEATED')
                        order by restaurant_id
                        """)
                .param("date", date)
                .query(String.class).list();
    }

    public String defaultConfig() {
        return properties.defaultConfig();
    }

    private SolveView fromAudit(SolveRun run, String result) {
        List<SolveView.Assignment> assignments = null;
        List<SolveView.Unseated> unseated = null;
        Long solveMillis = null;
        Long totalMillis = null;
        if (result != null) {
            try {
                SolvePipeline.StoredResult stored = objectMapper.readValue(result, SolvePipeline.StoredResult.class);
                assignments = stored.assignments();
                unseated = stored.unseatedBookings();
                solveMillis = stored.solveMillis();
                totalMillis = stored.totalMillis();
            } catch (java.io.IOException e) {
                log.warn("solve id={}: its stored result cannot be read ({}); answering without it", run.solveId(),
                        e.getMessage());
            }
        }
        return fromAudit(run, assignments, unseated, solveMillis, totalMillis);
    }

    private static SolveView fromAudit(SolveRun run, List<SolveView.Assignment> assignments,
                                       List<SolveView.Unseated> unseated, Long solveMillis, Long totalMillis) {
        long total = totalMillis != null ? totalMillis : Duration.between(run.requestedAt(),
                run.finishedAt() == null ? Instant.now() : run.finishedAt()).toMillis();
        return new SolveView(run.solveId(), run.restaurantId(), run.date(), run.mode(), run.config(), run.status(),
                run.score(), run.seated(), run.unseated(), run.newlyConfirmed(), run.moved(), run.bound(), run.gap(),
                run.proven(), run.endedBy(), assignments, unseated, solveMillis, total,
                run.attempts(), run.error(), run.requestedAt(), run.startedAt(), run.finishedAt());
    }

    static NotFoundException unknownSolve(String solveId) {
        return new NotFoundException("solveId", "Solve '" + solveId + "' does not exist.");
    }
}
