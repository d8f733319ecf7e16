package org.tablesolver.solver;

/** The states a booking can be in when it enters a solve (cancelled bookings never do). */
public enum BookingState {
    PENDING,
    CONFIRMED,
    SEATED
}
