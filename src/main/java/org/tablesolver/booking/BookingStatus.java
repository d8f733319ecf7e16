package org.tablesolver.booking;

/**
 * A booking's lifecycle: PENDING (no table yet), CONFIRMED (has tables), SEATED (at the table; never moved by a
 * solve), and the ends: COMPLETED (left; its tables free from then), NO_SHOW (never came; tables released),
 * CANCELLED.
 */
public enum BookingStatus {
    PENDING, CONFIRMED, SEATED, COMPLETED, NO_SHOW, CANCELLED;

    /** PENDING, CONFIRMED or SEATED: a booking still to be seated or at its table. */
    public boolean active() {
        return this == PENDING || this == CONFIRMED || this == SEATED;
    }
}
