package org.tablesolver.solve;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
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
 * Solving restaurant-days on request (REST and CLI). Solves of one restaurant-day run one after the other
 * in this process (a queue per day, so a waiting solve holds no worker); different days run in parallel on
 * a pool of {@code tablesolver.solve.pool-size} workers. Across processes the commit's advisory lock and
 * version checks do the same job: the second solve sees the first one's result.
 */
@Service
@EnableConfigurationProperties(SolveProperties.class)
public class SolveService implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SolveService.class);
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;
    /** How long DELETE waits for a stopped solve to commit its best plan before answering. */
    private static final Duration STOP_WAIT = Duration.ofSeconds(60);

    private final FloorPlanService floorPlans;
    private final SeatingSolver seatingSolver;
    private final SolvePipeline pipeline;
    private final SolveRuns runs;
    private final JdbcClient jdbc;
    private final SolveProperties properties;
    private final ExecutorService workers;

    private final Map<String, SolveJob> jobs = new ConcurrentHashMap<>();
    // Guarded by itself: the days with a solve running, those waiting behind it, and finished jobs by age.
    private final Set<DayKey> busyDays = new HashSet<>();
    private final Map<DayKey, ArrayDeque<SolveJob>> waiting = new HashMap<>();
    private final ArrayDeque<String> finishedOrder = new ArrayDeque<>();

    SolveService(FloorPlanService floorPlans, SeatingSolver seatingSolver, SolvePipeline pipeline, SolveRuns runs,
                 JdbcClient jdbc, SolveProperties properties, com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.floorPlans = floorPlans;
        this.seatingSolver = seatingSolver;
        this.pipeline = pipeline;
        this.runs = runs;
        this.jdbc = jdbc;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(properties.threads(), new WorkerThreads());
    }

    /**
     * Accepts a solve of a restaurant-day and queues it; the returned job runs in the background.
     *
     * @param mode     null for PENDING_ONLY
     * @param config   solver configuration name, null for the default ({@code tablesolver.solve.default-config})
     * @param progress called on the solving thread for each new best plan; must be quick
     * @throws NotFoundException       for an unknown restaurant (nothing queued)
     * @throws InvalidRequestException naming {@code config} for an unknown solver configuration
     */
    public SolveJob submit(String restaurantId, LocalDate date, SolveMode mode, String config,
                           Consumer<SolveProgress> progress) {
        floorPlans.find(restaurantId).orElseThrow(() -> NotFoundException.restaurant(restaurantId));
        String configName = config == null ? properties.defaultConfig() : config;
        try {
            seatingSolver.factory(configName);
        } catch (SolverConfigs.UnknownSolverConfigException | SolverConfigs.InvalidSolverConfigException e) {
            throw new InvalidRequestException("config", e.getMessage());
        }
        SolveJob job = new SolveJob(UUID.randomUUID().toString(), new DayKey(restaurantId, date),
                mode == null ? SolveMode.PENDING_ONLY : mode, configName, progress == null ? p -> { } : progress);
        // Persisted before it is answered: a restart runs it again (resumeUnfinished).
        runs.queued(new SolveRun(job.id(), restaurantId, date, job.mode(), configName, SolveStatus.QUEUED, null, null,
                null, null, null, null, null, null, 0, null, job.requestedAt(), null, null));
        forgetOldSolves();
        enqueue(job);
        return job;
    }

    /**
     * After a start: runs again the solves that an earlier run of the service accepted or was running and did not
     * finish (their rows say QUEUED or SOLVING; nothing of theirs was committed, since a COMMITTED row is written
     * with its plan). One service per database: with several instances, each would run the others' solves too
     * (the commit stays at most once per solve id).
     */
    @org.springframework.context.event.EventListener
    public void resumeUnfinished(org.springframework.boot.context.event.ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof org.springframework.boot.web.context.WebServerApplicationContext)) {
            return; // a command of the command line leaves the service's solves to the service
        }
        resumeUnfinished();
    }

    /** Runs again every QUEUED or SOLVING solve of the database that this service does not hold. */
    void resumeUnfinished() {
        for (SolveRun run : runs.unfinished()) {
            if (jobs.containsKey(run.solveId())) {
                continue;
            }
            log.info("solve id={} restaurant={} date={} was {} when the service stopped: running it again",
                    run.solveId(), run.restaurantId(), run.date(), run.status());
            enqueue(new SolveJob(run.solveId(), new DayKey(run.restaurantId(), run.date()), run.mode(), run.config(),
                    p -> { }));
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

    private void enqueue(SolveJob job) {
        jobs.put(job.id(), job);
        synchronized (busyDays) {
            if (busyDays.add(job.key())) {
                dispatch(job);
            } else {
                waiting.computeIfAbsent(job.key(), key -> new ArrayDeque<>()).add(job);
            }
        }
    }

    /** A solve by id: the live one (with its full result once finished) or, for older ones, the audit row. */
    public Optional<SolveView> find(String solveId) {
        SolveJob job = jobs.get(solveId);
        if (job != null) {
            return Optional.of(job.view());
        }
        return runs.find(solveId).map(run -> fromAudit(run, runs.result(solveId)));
    }

    /**
     * Stops a solve: a queued one is cancelled; a running one stops searching and commits its best plan so far,
     * or nothing with {@code discard}. Waits for the outcome (up to a minute). A finished solve is answered as it
     * is.
     *
     * @throws NotFoundException naming {@code solveId} when no solve has that id
     */
    public SolveView stop(String solveId, boolean discard) {
        SolveJob job = jobs.get(solveId);
        if (job == null) {
            return find(solveId).orElseThrow(() -> unknownSolve(solveId));
        }
        if (job.requestStop(discard)) {
            pipeline.cancelQueued(job);
            retain(job);
        }
        return job.await(STOP_WAIT);
    }

    /**
     * Finished solves from the audit table, latest first; the filters are optional ({@code restaurants}: only
     * solves of these, null = all).
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

    private void dispatch(SolveJob job) {
        try {
            workers.execute(() -> runThenNext(job));
        } catch (RejectedExecutionException e) {
            // Shutting down: the job never starts.
            if (job.requestStop(true)) {
                pipeline.cancelQueued(job);
            }
            release(job.key());
        }
    }

    private void runThenNext(SolveJob job) {
        try {
            if (job.start()) {
                pipeline.run(job);
            }
        } finally {
            retain(job);
            release(job.key());
        }
    }

    /** Hands the day to the next waiting solve, or marks it free. */
    private void release(DayKey key) {
        SolveJob next;
        synchronized (busyDays) {
            ArrayDeque<SolveJob> queue = waiting.get(key);
            next = queue == null ? null : queue.poll();
            if (queue != null && queue.isEmpty()) {
                waiting.remove(key);
            }
            if (next == null) {
                busyDays.remove(key);
            }
        }
        if (next != null) {
            dispatch(next);
        }
    }

    /** Keeps the newest finished jobs in memory; older ones are answered from the audit table. */
    private void retain(SolveJob job) {
        List<String> evicted = new ArrayList<>();
        synchronized (finishedOrder) {
            if (!finishedOrder.contains(job.id())) {
                finishedOrder.addLast(job.id());
            }
            while (finishedOrder.size() > properties.retainFinished()) {
                evicted.add(finishedOrder.removeFirst());
            }
        }
        evicted.forEach(jobs::remove);
    }

    @Override
    public void destroy() throws InterruptedException {
        // An abandoned solve must leave the day as it was: discard whatever is queued or running.
        for (SolveJob job : jobs.values()) {
            if (job.requestStop(true)) {
                pipeline.cancelQueued(job);
            }
        }
        workers.shutdown();
        if (!workers.awaitTermination(60, TimeUnit.SECONDS)) {
            log.warn("Solve workers did not stop within 60 s");
            workers.shutdownNow();
        }
    }

    private SolveView fromAudit(SolveRun run, String result) {
        List<SolveView.Assignment> assignments = null;
        List<SolveView.Unseated> unseated = null;
        if (result != null) {
            try {
                SolvePipeline.StoredResult stored = objectMapper.readValue(result, SolvePipeline.StoredResult.class);
                assignments = stored.assignments();
                unseated = stored.unseatedBookings();
            } catch (java.io.IOException e) {
                log.warn("solve id={}: its stored result cannot be read ({}); answering without it", run.solveId(),
                        e.getMessage());
            }
        }
        return fromAudit(run, assignments, unseated);
    }

    private static SolveView fromAudit(SolveRun run, List<SolveView.Assignment> assignments,
                                       List<SolveView.Unseated> unseated) {
        long total = run.finishedAt() == null ? 0 : Duration.between(run.requestedAt(), run.finishedAt()).toMillis();
        return new SolveView(run.solveId(), run.restaurantId(), run.date(), run.mode(), run.config(), run.status(),
                run.score(), run.seated(), run.unseated(), run.newlyConfirmed(), run.moved(), run.bound(), run.gap(),
                run.proven(), assignments, unseated, null, total,
                run.attempts(), run.error(), run.requestedAt(), run.startedAt(), run.finishedAt());
    }

    static NotFoundException unknownSolve(String solveId) {
        return new NotFoundException("solveId", "Solve '" + solveId + "' does not exist.");
    }

    private static final class WorkerThreads implements ThreadFactory {

        private final AtomicInteger count = new AtomicInteger();

        @Override
        public Thread newThread(Runnable runnable) {
            Thread thread = new Thread(runnable, "solve-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }
    }
}
