package org.tablesolver.solve;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import ai.timefold.solver.core.api.solver.Solver;
import org.tablesolver.solver.SeatingPlan;
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
    private final Instant requestedAt = Instant.now();
    private final long requestedNanos = System.nanoTime();
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

    SolveJob(String id, DayKey key, SolveMode mode, String config, Consumer<SolveProgress> progressListener) {
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
                null, null, null, null, null, null, solveMillis(), elapsedMillis(), attempts, null, requestedAt, startedAt, null);
    }

    /** Waits for the final answer. */
    public SolveView await() {
        return finished.join();
    }

    /** Waits at most {@code timeout}; returns the view as it is then. */
    public SolveView await(Duration timeout) {
        try {
            return finished.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return view();
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

    /** QUEUED → SOLVING; false when the job was cancelled while it waited. */
    synchronized boolean start() {
        if (status != SolveStatus.QUEUED) {
            return false;
        }
        status = SolveStatus.SOLVING;
        startedAt = Instant.now();
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

    /** Called from the solver's thread for every new best plan. */
    void bestPlanFound(String score, int seated, int bookings) {
        Solver<SeatingPlan> running;
        int attempt;
        synchronized (this) {
            bestScore = score;
            bestSeated = seated;
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

    /** Records the final answer; only the first call counts. */
    synchronized void finish(SolveView result) {
        if (finished.isDone()) {
            return;
        }
        status = result.status();
        finished.complete(result);
    }
}
