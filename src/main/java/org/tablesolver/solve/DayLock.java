package org.tablesolver.solve;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.SortedSet;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.tablesolver.booking.LocalTimes;

/**
 * The locks that serialize every change of a restaurant-day's seating: solve commits, confirmations,
 * capacity holds, table holds and host actions. A transaction-level advisory lock per service date, so it is
 * the same across instances and released by COMMIT or ROLLBACK, never left behind. Take them before any row
 * lock, and several always in date order (so two writers never wait for each other).
 * <p>
 * A party of service date D starts from D 00:00 until 06:00 the next morning (late service), so the parties of
 * neighbouring dates can meet: a write locks every date whose parties may start during the stay it writes
 * ({@link #datesTouched}). Two stays that overlap then always share a lock: the later one starts during the
 * earlier one, so the earlier one's write locked the later one's date.
 */
@Component
public class DayLock {

    /** A margin for clock changes: local times are compared, and a night may be an hour longer. */
    private static final int CLOCK_CHANGE_MINUTES = 60;

    private final JdbcClient jdbc;
    private final String lockTimeout;

    DayLock(JdbcClient jdbc, SolveProperties properties) {
        this.jdbc = jdbc;
        this.lockTimeout = properties.lockTimeout().toMillis() + "ms";
    }

    /**
     * Locks a whole service date's seating: the date and both neighbours, whose parties may meet any party of the
     * date (solve commits, host changes that may move a stay anywhere in the date).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(DayKey key) {
        lock(key.restaurantId(), new TreeSet<>(java.util.List.of(key.date().minusDays(1), key.date(),
                key.date().plusDays(1))));
    }

    /**
     * Locks the dates a stay of a party of {@code serviceDate} touches, from {@code start} until {@code end} (the
     * turnover buffer included), local times; returns them.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public SortedSet<LocalDate> lockStay(String restaurantId, LocalDate serviceDate, LocalDateTime start,
                                         LocalDateTime end) {
        SortedSet<LocalDate> dates = datesTouched(serviceDate, start, end);
        lock(restaurantId, dates);
        return dates;
    }

    /**
     * The service dates whose parties may start during {@code [start, end)} (widened by an hour for clock
     * changes), and {@code serviceDate} itself, in order.
     */
    public static SortedSet<LocalDate> datesTouched(LocalDate serviceDate, LocalDateTime start, LocalDateTime end) {
        SortedSet<LocalDate> dates = new TreeSet<>();
        dates.add(serviceDate);
        LocalDateTime from = start.minusMinutes(CLOCK_CHANGE_MINUTES);
        LocalDateTime to = end.plusMinutes(CLOCK_CHANGE_MINUTES);
        for (LocalDate date = from.toLocalDate().minusDays(1); !date.isAfter(to.toLocalDate()); date = date.plusDays(1)) {
            LocalDateTime firstStart = date.atStartOfDay();
            LocalDateTime lastStart = date.plusDays(1).atTime(LocalTimes.LATE_SERVICE_END);
            if (firstStart.isBefore(to) && from.isBefore(lastStart)) {
                dates.add(date);
            }
        }
        return dates;
    }

    private void lock(String restaurantId, SortedSet<LocalDate> dates) {
        jdbc.sql("select set_config('lock_timeout', :timeout, true)").param("timeout", lockTimeout)
                .query(String.class).single();
        for (LocalDate date : dates) {
            jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:name, 0))")
                    .param("name", new DayKey(restaurantId, date).lockName()).query().singleRow();
        }
    }
}
