package org.tablesolver.solve;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Runs one execution of a solve job on a db-scheduler thread: takes the solve up (one solve per restaurant-day
 * across all instances), runs the pipeline, and tells db-scheduler what becomes of the execution: removed when
 * the solve ended, run again at once when this instance stops under it, retried later when its outcome could not
 * be learnt. Large days use at most all but one of the instance's threads, so small days never wait behind them.
 */
@Component
class SolveWorker {

    private static final Logger log = LoggerFactory.getLogger(SolveWorker.class);
    /** How soon a solve that found its day busy (or no lane free) looks again; the solve before it wakes it. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(2);

    private final SolveRuns runs;
    private final LocalSolves local;
    private final SolvePipeline pipeline;
    private final SolveProperties properties;
    private final Semaphore largeLanes;

    SolveWorker(SolveRuns runs, LocalSolves local, SolvePipeline pipeline, SolveProperties properties,
                Environment environment) {
        this.runs = runs;
        this.local = local;
        this.pipeline = pipeline;
        this.properties = properties;
        int threads = environment.getProperty("db-scheduler.threads", Integer.class, 10);
        this.largeLanes = new Semaphore(Math.max(1, threads - 1));
    }

    /** The unavailable outcome of an execution: db-scheduler retries it after a while. */
    static final class OutcomeUnknownException extends RuntimeException {
        OutcomeUnknownException(String solveId) {
            super("the outcome of solve " + solveId + " could not be learnt; it runs again");
        }
    }

    CompletionHandler<Void> execute(String solveId, ExecutionContext context) {
        Optional<SolveRun> row = runs.find(solveId);
        if (row.isEmpty() || row.get().status().finished()) {
            local.remove(solveId);
            return remove();
        }
        SolveRun run = row.get();
        if (local.closing()) {
            return later(Duration.ZERO);
        }
        if (!properties.runOthers() && local.get(solveId) == null) {
            return later(BUSY_RETRY); // accepted by another process: left to the service instances
        }
        DayKey key = new DayKey(run.restaurantId(), run.date());
        boolean large = runs.bookingsOfDay(key) > properties.smallDayBookings();
        if (large && !largeLanes.tryAcquire()) {
            return later(BUSY_RETRY);
        }
        try {
            SolveRuns.Claimed claimed = runs.claim(solveId, key);
            switch (claimed.claim()) {
                case DAY_BUSY:
                    return later(BUSY_RETRY);
                case ENDED:
                    local.remove(solveId);
                    return remove();
                case CLAIMED:
                default:
                    break;
            }
            SolveJob job = local.adopt(run);
            SolvePipeline.Outcome outcome;
            try {
                if (job.start(claimed.startedAt())) {
                    outcome = pipeline.run(job);
                } else {
                    pipeline.cancelQueued(job); // stopped here between the claim and the start
                    outcome = SolvePipeline.Outcome.ENDED;
                }
            } finally {
                local.remove(solveId);
            }
            wakeNext(key, context);
            switch (outcome) {
                case ABANDONED:
                    log.info("solve id={} stopped by this instance's shutdown; left to the next instance", solveId);
                    runs.requeue(solveId);
                    return later(Duration.ZERO);
                case UNKNOWN:
                    throw new OutcomeUnknownException(solveId);
                case ENDED:
                default:
                    return remove();
            }
        } finally {
            if (large) {
                largeLanes.release();
            }
        }
    }

    /** The next solve of the day, if one waits, runs now rather than at its next look. */
    private void wakeNext(DayKey key, ExecutionContext context) {
        try {
            runs.nextQueued(key).ifPresent(next -> {
                try {
                    context.getSchedulerClient().reschedule(TaskInstanceId.of(SolveTasks.SOLVE, next), Instant.now());
                } catch (RuntimeException busyOrGone) {
                    // Being looked at by some instance right now, or ended: it needs no wake-up.
                }
            });
        } catch (RuntimeException e) {
            log.debug("could not wake the next solve of {}: {}", key, e.toString());
        }
    }

    private static CompletionHandler<Void> remove() {
        return new CompletionHandler.OnCompleteRemove<>();
    }

    private static CompletionHandler<Void> later(Duration delay) {
        return (complete, operations) -> operations.reschedule(complete, Instant.now().plus(delay));
    }
}
