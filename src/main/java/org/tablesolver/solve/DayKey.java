package org.tablesolver.solve;

import java.time.LocalDate;

/** One restaurant-day: the unit that is solved, serialized and committed as a whole. */
public record DayKey(String restaurantId, LocalDate date) {

    /** The text behind the advisory lock; the same for every instance of the service. */
    public String lockName() {
        return "tablesolver.solve:" + restaurantId + ":" + date;
    }

    @Override
    public String toString() {
        return restaurantId + " on " + date;
    }
}
