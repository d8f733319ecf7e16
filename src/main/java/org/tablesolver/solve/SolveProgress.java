package org.tablesolver.solve;

import java.time.LocalDate;

/**
 * A new best plan found while solving, for progress displays (the CLI).
 *
 * @param attempt     1, or more after a conflict made the pipeline reload and solve again
 * @param bestScore   the best score of this attempt so far
 * @param seated      bookings seated in that plan
 * @param bookings    bookings in the problem
 * @param elapsedMillis time since the request
 */
public record SolveProgress(String solveId, String restaurantId, LocalDate date, int attempt, String bestScore,
                            int seated, int bookings, long elapsedMillis) {
}
