package org.tablesolver.booking;

/** A booking's lifecycle: PENDING (no table yet), CONFIRMED (has tables), SEATED (never moved), CANCELLED. */
public enum BookingStatus {
    PENDING, CONFIRMED, SEATED, CANCELLED
}
