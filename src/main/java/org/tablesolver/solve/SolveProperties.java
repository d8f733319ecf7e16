package org.tablesolver.solve;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the solve pipeline ({@code tablesolver.solve.*}).
 *
 * @param poolSize       how many restaurant-days are solved at the same time (each solve uses one core);
 *                       0 means one per available processor
 * @param maxAttempts    load-solve-commit attempts before a solve that keeps conflicting gives up with 409
 * @param defaultConfig  the solver configuration used when a request names none
 * @param lockTimeout    longest wait for a database lock inside the commit; a longer wait counts as a
 *                       conflict and is retried, so no commit can hang behind a stuck transaction
 * @param retainFinished finished solves kept in memory with their full result (older ones are answered
 *                       from the audit table, without assignments)
 */
@ConfigurationProperties("tablesolver.solve")
record SolveProperties(
        @DefaultValue("0") int poolSize,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("default") String defaultConfig,
        @DefaultValue("10s") Duration lockTimeout,
        @DefaultValue("500") int retainFinished,
        @DefaultValue("20s") Duration boundTimeLimit,
        @DefaultValue("1000000") long boundMaxVariables,
        @DefaultValue("30d") Duration retention) {

    SolveProperties {
        if (poolSize < 0) {
            throw new IllegalArgumentException("tablesolver.solve.pool-size must be >= 0, got " + poolSize);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("tablesolver.solve.max-attempts must be >= 1, got " + maxAttempts);
        }
        if (lockTimeout.isNegative() || lockTimeout.isZero()) {
            throw new IllegalArgumentException("tablesolver.solve.lock-timeout must be positive, got " + lockTimeout);
        }
    }

    int threads() {
        return poolSize > 0 ? poolSize : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
