package org.tablesolver.solve;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The lock that serializes every change of a restaurant-day's seating: solve commits, confirmations,
 * capacity holds and table holds. A transaction-level advisory lock on the day's name, so it is the same
 * across instances and released by COMMIT or ROLLBACK, never left behind. Take it before any row lock.
 */
@Component
public class DayLock {

    private final JdbcClient jdbc;
    private final String lockTimeout;

    DayLock(JdbcClient jdbc, SolveProperties properties) {
        this.jdbc = jdbc;
        this.lockTimeout = properties.lockTimeout().toMillis() + "ms";
    }

    /** Sets the transaction's lock timeout and waits for the day's lock (a longer wait fails the transaction). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(DayKey key) {
        jdbc.sql("select set_config('lock_timeout', :timeout, true)").param("timeout", lockTimeout)
                .query(String.class).single();
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
                .param("name", key.lockName()).query().singleRow();
    }
}
