package org.tablesolver.solve;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import ai.timefold.solver.core.api.solver.Solver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.tablesolver.solver.PlanReport;
import org.tablesolver.solver.PlannedBooking;
import org.tablesolver.solver.SeatingPlan;
import org.tablesolver.solver.SeatingPlanBuilder;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.bound.SeatedWeightBound;
import org.tablesolver.solver.SeatingSolver;
import org.tablesolver.solver.UnseatedExplanation;

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

    /** Runs a job that {@link SolveJob#start() started}; never throws: the outcome is in the job. */
    void run(SolveJob job) {
        String conflict = null;
        try {
            runs.started(job.id(), java.time.Instant.now());
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                if (attempt > 1) {
                    metrics.retry();
                }
                job.attempt(attempt);
                if (job.discardRequested()) {
                    end(job, SolveStatus.CANCELLED, "Stopped with discard=true; nothing was written.", null);
                    return;
                }
                LoadedDay day = loader.load(job.key());
                Solved result = solve(job, day);
                SeatingPlan solved = result == null ? null : result.plan();
                if (solved == null || job.discardRequested()) {
                    end(job, SolveStatus.CANCELLED, "Stopped with discard=true; nothing was written.", null);
                    return;
                }
                PlanReport report = seatingSolver.report(solved);
                if (!report.feasible()) {
                    if (job.stopRequested()) {
                        end(job, SolveStatus.CANCELLED, "Stopped before the solver had a complete plan; nothing "
                                + "was written.", null);
                    } else {
                        end(job, SolveStatus.FAILED, "The solver found no feasible plan (score " + report.score()
                                + "); nothing was written.", null);
                    }
                    return;
                }
                PlanChanges changes = PlanChanges.between(day, report);
                SolveHooks.Attempt current = new SolveHooks.Attempt(job.id(), job.key().restaurantId(),
                        job.key().date(), attempt);
                hooks.forEach(hook -> hook.beforeCommit(current));
                SolveView committed = committedView(job, report, changes, result.bound(),
                        SeatedWeightBound.seatedWeight(solved));
                try {
                    committer.commit(day, changes, auditRow(committed), result(committed), current);
                } catch (RuntimeException e) {
                    Optional<String> reason = Conflicts.retryableReason(e);
                    if (reason.isEmpty()) {
                        throw e;
                    }
                    conflict = reason.get();
                    metrics.conflict();
                    log.info("solve id={} restaurant={} date={} attempt={}/{} conflicted: {}", job.id(),
                            job.key().restaurantId(), job.key().date(), attempt, maxAttempts, conflict);
                    continue;
                }
                finished(job, committed.withTotalMillis(job.elapsedMillis()));
                return;
            }
            end(job, SolveStatus.CONFLICT, "The day kept changing while it was being solved; gave up after "
                    + maxAttempts + " attempts, and nothing was written. Last conflict: " + conflict + ".", null);
        } catch (RuntimeException | Error e) {
            log.error("solve id={} restaurant={} date={} failed", job.id(), job.key().restaurantId(), job.key().date(), e);
            end(job, SolveStatus.FAILED, "The solve failed (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); nothing was written.", null);
        }
    }

    /** Ends a job that was cancelled while it waited in the queue. */
    void cancelQueued(SolveJob job) {
        end(job, SolveStatus.CANCELLED, "Cancelled before it started; nothing was written.", null);
    }

    /** A solved plan and the bound it was solved against. */
    private record Solved(SeatingPlan plan, SeatedWeightBound.Result bound) {
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
                });
        return solved == null ? null : new Solved(solved, bound);
    }

    private SolveView committedView(SolveJob job, PlanReport report, PlanChanges changes,
                                    SeatedWeightBound.Result bound, long seatedWeight) {
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
                bound.bound() == null ? null : bound.proves(seatedWeight), assignments, unseated, job.solveMillis(),
                job.elapsedMillis(), job.attempts(), null, job.requestedAt(), job.startedAt(), Instant.now());
    }

    private static SolveView.Unseated unseated(UnseatedExplanation explanation) {
        return new SolveView.Unseated(explanation.bookingId(), explanation.reason(), explanation.code().name(),
                explanation.blockers().stream()
                        .map(b -> new SolveView.Blocker(b.seatingId(), b.bookingIds(), b.holdIds(), b.outOfService()))
                        .toList());
    }

    private void end(SolveJob job, SolveStatus status, String error, String score) {
        SolveView view = new SolveView(job.id(), job.key().restaurantId(), job.key().date(), job.mode(), job.config(),
                status, score, null, null, null, null, null, null, null, null, null, job.solveMillis(), job.elapsedMillis(),
                job.attempts(), error, job.requestedAt(), job.startedAt(), Instant.now());
        try {
            runs.insert(auditRow(view));
        } catch (RuntimeException e) {
            // The outcome stands (nothing was written); only its audit row is missing.
            log.error("solve id={} could not record its {} outcome in solve_run", job.id(), status, e);
        }
        finished(job, view);
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
            return objectMapper.writeValueAsString(new StoredResult(view.assignments(), view.unseatedBookings()));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write the result of solve " + view.solveId(), e);
        }
    }

    /** What solve_run.result holds. */
    record StoredResult(List<SolveView.Assignment> assignments, List<SolveView.Unseated> unseatedBookings) {
    }

    private static SolveRun auditRow(SolveView view) {
        return new SolveRun(view.solveId(), view.restaurantId(), view.date(), view.mode(), view.config(),
                view.status(), view.score(), view.seated(), view.unseated(), view.newlyConfirmed(), view.moved(),
                view.bound(), view.gap(), view.proven(), view.attempts(), view.error(), view.requestedAt(), view.startedAt(), view.finishedAt());
    }
}
