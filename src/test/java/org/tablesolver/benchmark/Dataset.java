package org.tablesolver.benchmark;

import org.tablesolver.solver.model.DayInput;

/**
 * One restaurant-day of the suite: a row of the summary and a problem of Timefold's report.
 *
 * @param name unique in the suite, e.g. {@code M-overbooked} or {@code seed-day/cafe-3}
 */
record Dataset(String name, Tier tier, DayInput day) {

    int tables() {
        return day.tables().size();
    }

    int bookings() {
        return day.bookings().size();
    }
}
