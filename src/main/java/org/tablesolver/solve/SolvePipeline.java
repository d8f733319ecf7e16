package org.tablesolver.solve;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ai.timefold.solver.core.api.solver.Solver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.EndedBy;
import org.tablesolver.solver.explain.PlanReport;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.bound.SeatedWeightBound;
import org.tablesolver.solver.explain.UnseatedExplanation;

/**
 * Runs one solve to its end: load a snapshot, solve with no connection held, commit all or nothing;
 * after a conflict, load again and solve again, up to {@code tablesolver.solve.max-attempts} times.
 * A solve is reported COMMITTED only after its transaction committed. Every solve that started ends
 * with one audit row and one log line.
 */
@Component
class SolvePipeline {

    private static final Logger log = LoggerFactory.getLogger(SolvePipeline.class);

    private final DayLoader loader;
    private final SeatingSolver seatingSolver;
    private final PlanCommitter committer;
    private final SolveRuns runs;
    private final SolveMetrics metrics;
    private final List<SolveHooks> hooks;
    private final int maxAttempts;
    private final SolveProperties properties;
    private final com.fasterxml.jackson.databind.ObjectMapper objectMapper;

    SolvePipeline(DayLoader loader, SeatingSolver seatingSolver, PlanCommitter committer, SolveRuns runs,
                  SolveMetrics metrics, List<SolveHooks> hooks, SolveProperties properties,
                  com.fasterxml.jackson.databind.ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
        this.loader = loader;
        this.seatingSolver = seatingSolver;
        this.committer = committer;
        this.runs = runs;
        this.metrics = metrics;
        this.hooks = List.copyOf(hooks);
        this.maxAttempts = properties.maxAttempts();
        this.properties = properties;
    }

    /** How a run of a solve job ended, for the job's execution in the scheduler. */
    enum Outcome {
        /** The solve ended (committed, or nothing written) and its row says so. */
        ENDED,
        /** Stopped because this instance shuts down; not ended: the job runs again on the next instance. */
        ABANDONED,
        /** The database could not be reached to learn or record the outcome; the job must run again later. */
        UNKNOWN
    }

    /** Runs a job that {@link SolveJob#start() started}; never throws: the outcome is in the job. */
    Outcome run(SolveJob job) {
        String conflict = null;
        try {
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                if (attempt > 1) {
                    metrics.retry();
                }
                job.attempt(attempt);
                if (job.abandoned()) {
                    return Outcome.ABANDONED;
                }
                if (job.discardRequested()) {
                    return end(job, SolveStatus.CANCELLED, "Stopped with discard=true; nothing was written.", null);
                }
                SolveHooks.Attempt loading = new SolveHooks.Attempt(job.id(), job.key().restaurantId(),
                        job.key().date(), attempt);
                hooks.forEach(hook -> hook.beforeLoad(loading));
                LoadedDay day = load(job);
                if (day == null) {
                    return unknown(job, "the database could not be reached to load the day");
                }
                String configVersion = seatingSolver.configs().version(job.config());
                Solved result = unchanged(job, day, configVersion);
                if (result == null) {
                    result = solve(job, day);
                }
                if (job.abandoned()) {
                    return Outcome.ABANDONED;
                }
                SeatingPlan solved = result == null ? null : result.plan();
                if (solved == null || job.discardRequested()) {
                    return end(job, SolveStatus.CANCELLED, "Stopped with discard=true; nothing was written.", null);
                }
                PlanReport report = seatingSolver.report(solved);
                if (!report.feasible()) {
                    if (job.stopRequested()) {
                        return end(job, SolveStatus.CANCELLED, "Stopped before the solver had a complete plan; "
                                + "nothing was written.", null);
                    }
                    return end(job, SolveStatus.FAILED, "The solver found no feasible plan (score " + report.score()
                            + "); nothing was written.", null);
                }
                PlanChanges changes = PlanChanges.between(day, report);
                SolveHooks.Attempt current = new SolveHooks.Attempt(job.id(), job.key().restaurantId(),
                        job.key().date(), attempt);
                hooks.forEach(hook -> hook.beforeCommit(current));
                SolveView committed = committedView(job, report, changes, result.bound(),
                        SeatedWeightBound.seatedWeight(solved), result.endedBy());
                PlanCommitter.Session session = new PlanCommitter.Session();
                try {
                    // Only a solve that ended by itself vouches for the day it leaves; one cut short (stopped, or
                    // by the wall clock) may have left something to find.
                    String stateAfter = result.endedBy() == null || result.endedBy() == EndedBy.STOPPED
                            || result.endedBy() == EndedBy.TIME_LIMIT ? null
                            : DayState.fingerprint(DayState.after(day.input(), changes), job.mode(), job.config(),
                                    configVersion);
                    committer.commit(day, changes, auditRow(committed, stateAfter, fullBlockers(report)),
                            result(committed), current, session);
                } catch (RuntimeException e) {
                    if (Conflicts.connectionLost(e)) {
                        // COMMIT may or may not have landed: ask the database, never guess.
                        Optional<Boolean> landed = committer.landed(session, job.id());
                        if (landed.isEmpty()) {
                            return unknown(job, "the database connection was lost during the commit and the "
                                    + "database could not be asked whether it landed");
                        }
                        if (landed.get()) {
                            log.info("solve id={} lost its connection during COMMIT; read back: it landed", job.id());
                            finished(job, committed);
                            return Outcome.ENDED;
                        }
                        conflict = "the database connection was lost during the commit (" + rootMessage(e)
                                + "); read back: nothing was written";
                    } else {
                        Optional<String> reason = Conflicts.retryableReason(e);
                        if (reason.isEmpty()) {
                            throw e;
                        }
                        conflict = reason.get();
                    }
                    metrics.conflict();
                    log.info("solve id={} restaurant={} date={} attempt={}/{} conflicted: {}", job.id(),
                            job.key().restaurantId(), job.key().date(), attempt, maxAttempts, conflict);
                    continue;
                }
                finished(job, committed);
                return Outcome.ENDED;
            }
            return end(job, SolveStatus.CONFLICT, "The day kept changing while it was being solved; gave up after "
                    + maxAttempts + " attempts, and nothing was written. Last conflict: " + conflict + ".", null);
        } catch (RuntimeException | Error e) {
            if (Conflicts.connectionLost(e)) {
                return unknown(job, "the database connection failed (" + rootMessage(e) + ")");
            }
            log.error("solve id={} restaurant={} date={} failed", job.id(), job.key().restaurantId(), job.key().date(), e);
            return end(job, SolveStatus.FAILED, "The solve failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); nothing was written.", null);
        }
    }

    /**
     * Loads the day; a lost or refused connection is retried with exponential backoff and jitter
     * ({@code tablesolver.solve.load-retries}). Null when the database stayed unreachable.
     */
    private LoadedDay load(SolveJob job) {
        long delayMillis = 250;
        for (int retry = 0; ; retry++) {
            try {
                return loader.load(job.key());
            } catch (RuntimeException e) {
                if (!Conflicts.connectionLost(e) || retry >= properties.loadRetries() || job.abandoned()) {
                    if (Conflicts.connectionLost(e)) {
                        log.warn("solve id={} could not load its day after {} retries: {}", job.id(), retry,
                                rootMessage(e));
                        return null;
                    }
                    throw e;
                }
                long sleep = (long) (delayMillis * (0.5 + java.util.concurrent.ThreadLocalRandom.current().nextDouble()));
                log.info("solve id={} lost its connection while loading ({}); retry {} in {} ms", job.id(),
                        rootMessage(e), retry + 1, sleep);
                try {
                    Thread.sleep(sleep);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return null;
                }
                delayMillis = Math.min(delayMillis * 2, 8_000);
            }
        }
    }

    /** The outcome could not be learnt or recorded: the waiting request is told so, and the job runs again later. */
    private Outcome unknown(SolveJob job, String why) {
        log.warn("solve id={} restaurant={} date={}: {}; its job runs again later", job.id(), job.key().restaurantId(),
                job.key().date(), why);
        job.finish(new SolveView(job.id(), job.key().restaurantId(), job.key().date(), job.mode(), job.config(),
                SolveStatus.SOLVING, null, null, null, null, null, null, null, null, null, null, null, job.solveMillis(),
                job.elapsedMillis(), job.attempts(), "Outcome unknown: " + why + ". The solve runs again by itself "
                + "(it commits at most once); GET /api/solves/" + job.id() + " tells its end.", job.requestedAt(),
                job.startedAt(), null));
        return Outcome.UNKNOWN;
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    /** Ends a job that was cancelled while it waited in the queue. */
    void cancelQueued(SolveJob job) {
        end(job, SolveStatus.CANCELLED, CANCELLED_QUEUED, null);
    }

    static final String CANCELLED_QUEUED = "Cancelled before it started; nothing was written.";

    /** A solved plan and the bound it was solved against. */
    private record Solved(SeatingPlan plan, SeatedWeightBound.Result bound, EndedBy endedBy) {
    }

    /**
     * The day as it is, when the last committed solve of the restaurant-day left it exactly so (same bookings, states,
     * seatings, holds, floor plan and rules, same mode and configuration): no solve could find more than that one
     * did, so its plan is the current one, with that solve's bound and ending. Null otherwise (then it is solved),
     * and for a day with active capacity holds (the solver places those anew each time).
     */
    private Solved unchanged(SolveJob job, LoadedDay day, String configVersion) {
        if (day.input().bookings().stream().anyMatch(DayInput.Booking::capacityHold)) {
            return null;
        }
        String state = DayState.fingerprint(day.input(), job.mode(), job.config(), configVersion);
        Optional<SolveRun> last;
        try {
            last = runs.lastCommittedWithState(job.key().restaurantId(), job.key().date(), state);
        } catch (RuntimeException e) {
            log.warn("solve id={}: the last solve of the day could not be read ({}); solving", job.id(),
                    rootMessage(e));
            return null;
        }
        if (last.isEmpty()) {
            return null;
        }
        SeatingPlan current = SeatingPlanBuilder.build(day.input(), job.mode());
        long total = current.getBookings().stream().mapToLong(PlannedBooking::getSeatingWeight).sum();
        log.info("solve id={}: the day is as solve {} left it; answered from it", job.id(), last.get().solveId());
        metrics.unchanged();
        return new Solved(current, new SeatedWeightBound.Result(last.get().bound(), total, 0), last.get().endedBy());
    }

    /**
     * Bounds the day, then solves it with the job's configuration, stopping at the bound; null when a discard
     * arrived before the solver started.
     */
    private Solved solve(SolveJob job, LoadedDay day) {
        SeatingPlan problem = SeatingPlanBuilder.build(day.input(), job.mode());
        SeatedWeightBound.Result bound = SeatedWeightBound.of(problem, properties.boundTimeLimit().toMillis() / 1000.0,
                properties.boundMaxVariables());
        int bookings = problem.getBookings().size();
        EndedBy[] endedBy = new EndedBy[1];
        SeatingPlan solved = seatingSolver.solve(problem, job.config(), bound,
                event -> job.bestPlanFound(event.getNewBestScore().toString(),
                        (int) event.getNewBestSolution().getBookings().stream().filter(PlannedBooking::isSeated)
                                .count(), bookings),
                new SeatingSolver.Hooks() {
                    @Override
                    public boolean starting(Solver<SeatingPlan> solver) {
                        return job.solving(solver) && !job.stopRequested();
                    }

                    @Override
                    public void ended(Solver<SeatingPlan> solver) {
                        job.solved();
                    }

                    @Override
                    public void endedBy(EndedBy why) {
                        endedBy[0] = why;
                    }
                });
        return solved == null ? null : new Solved(solved, bound.provenBy(solved), endedBy[0]);
    }

    private SolveView committedView(SolveJob job, PlanReport report, PlanChanges changes,
                                    SeatedWeightBound.Result bound, long seatedWeight, EndedBy endedBy) {
        List<SolveView.Assignment> assignments = changes.bookings().stream()
                .map(change -> new SolveView.Assignment(change.bookingId(), change.tableIds(), change.seatingId(),
                        change.statusAfter().name(), change.change()))
                .toList();
        List<SolveView.Unseated> unseated = report.unseatedBookings().stream()
                .map(SolvePipeline::unseated)
                .toList();
        return new SolveView(job.id(), job.key().restaurantId(), job.key().date(), job.mode(), job.config(),
                SolveStatus.COMMITTED, report.score().toString(), report.seated(), report.unseated(),
                changes.newlyConfirmed(), changes.moved(), bound.bound(), bound.gapPercent(seatedWeight),
                bound.bound() == null ? null : bound.proves(seatedWeight), endedBy, assignments, unseated,
                job.solveMillis(),
                job.elapsedMillis(), job.attempts(), null, job.requestedAt(), job.startedAt(), now());
    }

    private static SolveView.Unseated unseated(UnseatedExplanation explanation) {
        List<SolveView.Blocker> blockers = blockers(explanation);
        return new SolveView.Unseated(explanation.bookingId(), explanation.reason(), explanation.code().name(),
                blockers.subList(0, Math.min(blockers.size(), SolveView.BLOCKERS_SHOWN)), blockers.size());
    }

    private static List<SolveView.Blocker> blockers(UnseatedExplanation explanation) {
        return explanation.blockers().stream()
                .map(b -> new SolveView.Blocker(b.seatingId(), b.bookingIds(), b.holdIds(), b.outOfService()))
                .toList();
    }

    /** The full lists of blockers the answer shows only the first of, by booking (JSON), or null when none. */
    private String fullBlockers(PlanReport report) {
        java.util.Map<String, List<SolveView.Blocker>> longer = new java.util.LinkedHashMap<>();
        for (UnseatedExplanation explanation : report.unseatedBookings()) {
            if (explanation.blockers().size() > SolveView.BLOCKERS_SHOWN) {
                longer.put(explanation.bookingId(), blockers(explanation));
            }
        }
        try {
            return longer.isEmpty() ? null : objectMapper.writeValueAsString(longer);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the blockers of a solve", e);
        }
    }

    private Outcome end(SolveJob job, SolveStatus status, String error, String score) {
        SolveView view = new SolveView(job.id(), job.key().restaurantId(), job.key().date(), job.mode(), job.config(),
                status, score, null, null, null, null, null, null, null, null, null, null, job.solveMillis(),
                job.elapsedMillis(),
                job.attempts(), error, job.requestedAt(), job.startedAt(), now());
        try {
            runs.insert(auditRow(view), result(view));
        } catch (RuntimeException e) {
            if (Conflicts.connectionLost(e)) {
                // Nothing was written; the row still says QUEUED or SOLVING, so the job runs again later.
                log.warn("solve id={} could not record its {} outcome: {}", job.id(), status, rootMessage(e));
                finished(job, view);
                return Outcome.UNKNOWN;
            }
            log.error("solve id={} could not record its {} outcome in solve_run", job.id(), status, e);
        }
        finished(job, view);
        return Outcome.ENDED;
    }

    private void finished(SolveJob job, SolveView view) {
        // Counted before the waiting request is answered, so the metrics it then reads include this solve.
        metrics.finished(view);
        job.finish(view);
        log.info("solve id={} restaurant={} date={} mode={} config={} status={} attempts={} seated={} unseated={} "
                        + "newlyConfirmed={} moved={} score={} solveMillis={} totalMillis={}{}",
                view.solveId(), view.restaurantId(), view.date(), view.mode(), view.config(), view.status(),
                view.attempts(), view.seated(), view.unseated(), view.newlyConfirmed(), view.moved(), view.score(),
                view.solveMillis(), view.totalMillis(), view.error() == null ? "" : " error=\"" + view.error() + "\"");
    }

    /** The lists of a committed solve as stored with its row (so any instance can answer it in full). */
    private String result(SolveView view) {
        try {
            return objectMapper.writeValueAsString(new StoredResult(view.assignments(), view.unseatedBookings(),
                    view.solveMillis(), view.totalMillis()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of solve " + view.solveId(), e);
        }
    }

    /** What solve_run.result holds: what the row's columns do not. */
    record StoredResult(List<SolveView.Assignment> assignments, List<SolveView.Unseated> unseatedBookings,
                        Long solveMillis, Long totalMillis) {
    }

    /** Now, as precisely as PostgreSQL stores it (so a view read back equals the view answered). */
    static Instant now() {
        return Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    private static SolveRun auditRow(SolveView view) {
        return auditRow(view, null, null);
    }

    private static SolveRun auditRow(SolveView view, String stateAfter, String blockers) {
        return new SolveRun(view.solveId(), view.restaurantId(), view.date(), view.mode(), view.config(),
                view.status(), view.score(), view.seated(), view.unseated(), view.newlyConfirmed(), view.moved(),
                view.bound(), view.gap(), view.proven(), view.endedBy(), view.attempts(), view.error(),
                view.requestedAt(), view.startedAt(), view.finishedAt(), stateAfter, blockers);
    }
}
