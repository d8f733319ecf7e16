package org.tablesolver.solve;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the solve pipeline ({@code tablesolver.solve.*}). How many solves an instance runs at the same
 * time is db-scheduler's {@code db-scheduler.threads}.
 *
 * @param maxAttempts      load-solve-commit attempts before a solve that keeps conflicting gives up with 409
 * @param defaultConfig    the solver configuration used when a request names none
 * @param lockTimeout      longest wait for a database lock inside the commit; a longer wait counts as a
 *                         conflict and is retried, so no commit can hang behind a stuck transaction
 * @param boundTimeLimit   longest time the LP bound may take
 * @param boundMaxVariables days with more booking-seating pairs than this (after the bound's reduction) get the
 *                         Lagrangian bound instead of the LP
 * @param retention        how long finished solves are kept in {@code solve_run}
 * @param smallDayBookings days with at most this many bookings are small: one worker of every instance is kept
 *                         for them, so they never wait behind large days
 * @param maxQueued        solves waiting in all (every instance); beyond it a submit is 503 with Retry-After
 * @param maxQueuedPerDay  solves waiting for one restaurant-day; beyond it a submit is 429 with Retry-After
 * @param loadRetries      retries (with backoff and jitter) of a day's load after a lost connection
 * @param readBackTimeout  how long a commit whose connection failed keeps asking the database whether it landed
 * @param runOthers        false: this process runs only the solves it accepted itself (the command line)
 */
@ConfigurationProperties("tablesolver.solve")
record SolveProperties(
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("default") String defaultConfig,
        @DefaultValue("10s") Duration lockTimeout,
        @DefaultValue("20s") Duration boundTimeLimit,
        @DefaultValue("1000000") long boundMaxVariables,
        @DefaultValue("30d") Duration retention,
        @DefaultValue("150") int smallDayBookings,
        @DefaultValue("1000") int maxQueued,
        @DefaultValue("20") int maxQueuedPerDay,
        @DefaultValue("4") int loadRetries,
        @DefaultValue("30s") Duration readBackTimeout,
        @DefaultValue("true") boolean runOthers) {

    SolveProperties {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tablesolver.solve.max-attempts must be >= 1, got " + maxAttempts);
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("tablesolver.solve.lock-timeout must be positive, got " + lockTimeout);
        }
        if (maxQueued < 1 || maxQueuedPerDay < 1) {
            throw new IllegalArgumentException("tablesolver.solve.max-queued and max-queued-per-day must be >= 1");
        }
        if (loadRetries < 0) {
            throw new IllegalArgumentException("tablesolver.solve.load-retries must be >= 0, got " + loadRetries);
        }
    }
}
