package org.tablesolver.solve;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.Solver;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.SolveMode;

/**
 * One requested solve of a restaurant-day, from QUEUED to a final status. Thread-safe: the solve runs on a
 * worker thread while request threads read its {@link #view()} or ask it to stop.
 */
public final class SolveJob {

    private final String id;
    private final DayKey key;
    private final SolveMode mode;
    private final String config;
    private final Instant requestedAt;
    private final long requestedNanos;
    private final Consumer<SolveProgress> progressListener;
    private final CompletableFuture<SolveView> finished = new CompletableFuture<>();

    // Guarded by this.
    private SolveStatus status = SolveStatus.QUEUED;
    private Instant startedAt;
    private int attempts;
    /** Bookings seated by the best plan so far (null before the first). */
    private Integer bestSeated;
    private String bestScore;
    private long solveNanos;
    private long solveStartedNanos;
    private Solver<SeatingPlan> solver;
    private boolean stopRequested;
    private boolean discardRequested;
    /** This instance is shutting down: the solve stops and is left, unended, to the next instance. */
    private boolean abandoned;
    /** Whether the best plan changed since {@link #takeProgress()} last looked. */
    private boolean progressChanged;

    SolveJob(String id, DayKey key, SolveMode mode, String config, Consumer<SolveProgress> progressListener) {
        this(id, key, mode, config, progressListener, Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    /** A job accepted at {@code requestedAt} (possibly by another instance). */
    SolveJob(String id, DayKey key, SolveMode mode, String config, Consumer<SolveProgress> progressListener,
             Instant requestedAt) {
        this.requestedAt = requestedAt;
        this.requestedNanos = System.nanoTime()
                - Math.max(0, Duration.between(requestedAt, Instant.now()).toNanos());
        this.id = id;
        this.key = key;
        this.mode = mode;
        this.config = config;
        this.progressListener = progressListener;
    }

    public String id() {
        return id;
    }

    DayKey key() {
        return key;
    }

    SolveMode mode() {
        return mode;
    }

    String config() {
        return config;
    }

    Instant requestedAt() {
        return requestedAt;
    }

    /** The solve as it is now: the final answer once finished, else status, best score and elapsed time. */
    public synchronized SolveView view() {
        if (finished.isDone()) {
            return finished.join();
        }
        return new SolveView(id, key.restaurantId(), key.date(), mode, config, status, bestScore, bestSeated, null, null,
                null, null, null, null, null, null, null, solveMillis(), elapsedMillis(), attempts, null, requestedAt, startedAt, null);
    }

    /** Waits for the final answer. */
    public SolveView await() {
        return finished.join();
    }

    /** The answer if it comes within {@code timeout}, else null. */
    SolveView answerWithin(Duration timeout) {
        try {
            return finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return view();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    public boolean isFinished() {
        return finished.isDone();
    }

    /** QUEUED → SOLVING at {@code at} (as its row says); false when the job was cancelled while it waited. */
    synchronized boolean start(Instant at) {
        if (status != SolveStatus.QUEUED) {
            return false;
        }
        status = SolveStatus.SOLVING;
        startedAt = at;
        return true;
    }

    synchronized Instant startedAt() {
        return startedAt;
    }

    synchronized void attempt(int attempt) {
        attempts = attempt;
        bestScore = null;
    }

    synchronized int attempts() {
        return attempts;
    }

    /** Registers the running solver so that a stop request reaches it; false when a discard came first. */
    synchronized boolean solving(Solver<SeatingPlan> running) {
        solver = running;
        solveStartedNanos = System.nanoTime();
        return !discardRequested;
    }

    synchronized void solved() {
        solveNanos += System.nanoTime() - solveStartedNanos;
        solveStartedNanos = 0;
        solver = null;
    }

    /** The best plan so far when it changed since the last call (for the solve_run row), else null. */
    synchronized SolveProgress takeProgress() {
        if (!progressChanged) {
            return null;
        }
        progressChanged = false;
        return new SolveProgress(id, key.restaurantId(), key.date(), attempts, bestScore, bestSeated == null ? 0
                : bestSeated, 0, elapsedMillis());
    }

    /** Stops the solve without ending it (the instance shuts down; another one runs it again from the start). */
    void abandon() {
        Solver<SeatingPlan> running;
        synchronized (this) {
            if (finished.isDone()) {
                return;
            }
            abandoned = true;
            stopRequested = true;
            running = solver;
        }
        if (running != null) {
            running.terminateEarly();
        }
    }

    synchronized boolean abandoned() {
        return abandoned;
    }

    synchronized SolveStatus status() {
        return status;
    }

    /** Called from the solver's thread for every new best plan. */
    void bestPlanFound(String score, int seated, int bookings) {
        Solver<SeatingPlan> running;
        int attempt;
        synchronized (this) {
            bestScore = score;
            bestSeated = seated;
            progressChanged = true;
            running = stopRequested ? solver : null;
            attempt = attempts;
        }
        if (running != null) {
            // A stop that arrived before the solver started is re-sent here: Solver.solve() clears earlier
            // terminateEarly() calls when it begins.
            running.terminateEarly();
        }
        progressListener.accept(new SolveProgress(id, key.restaurantId(), key.date(), attempt, score, seated, bookings,
                elapsedMillis()));
    }

    /**
     * Asks the solve to stop. A QUEUED solve is cancelled at once (returns true: the caller records it). A
     * running one stops solving and commits its best plan, or with {@code discard} commits nothing.
     *
     * @return true when this call cancelled a job that had not started
     */
    boolean requestStop(boolean discard) {
        Solver<SeatingPlan> running;
        synchronized (this) {
            if (finished.isDone()) {
                return false;
            }
            stopRequested = true;
            discardRequested |= discard;
            if (status == SolveStatus.QUEUED) {
                status = SolveStatus.CANCELLED;
                return true;
            }
            running = solver;
        }
        if (running != null) {
            running.terminateEarly();
        }
        return false;
    }

    synchronized boolean stopRequested() {
        return stopRequested;
    }

    synchronized boolean discardRequested() {
        return discardRequested;
    }

    synchronized long solveMillis() {
        long running = solveStartedNanos == 0 ? 0 : System.nanoTime() - solveStartedNanos;
        return TimeUnit.NANOSECONDS.toMillis(solveNanos + running);
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - requestedNanos);
    }

    /**
     * Records the answer; only the first call counts. Usually the final one; a view still SOLVING says that the
     * outcome could not be learnt (the database is unreachable) and the job will run again.
     */
    synchronized void finish(SolveView result) {
        if (finished.isDone()) {
            return;
        }
        status = result.status();
        finished.complete(result);
    }

}
