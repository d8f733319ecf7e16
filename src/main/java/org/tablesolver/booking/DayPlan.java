package org.tablesolver.booking;

import java.time.LocalDate;
import java.util.List;

/** A restaurant's bookings of one service date, ordered by start then id. */
public record DayPlan(String restaurantId, LocalDate date, List<Booking> bookings) {
}
