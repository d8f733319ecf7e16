package org.tablesolver.solver.model;

/** The states a booking can be in when it enters a solve (cancelled bookings never do). */
public enum BookingState {
    PENDING,
    CONFIRMED,
    SEATED
}
