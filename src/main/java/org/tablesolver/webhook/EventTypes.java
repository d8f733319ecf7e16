package org.tablesolver.webhook;

import java.util.List;

/** The names of webhook events (the database's triggers record them: V11). */
final class EventTypes {

    static final String ALL = "*";
    static final String AVAILABILITY_CHANGED = "availability.changed";

    static final List<String> NAMES = List.of(
            "booking.created", "booking.confirmed", "booking.changed", "booking.cancelled", "booking.seated",
            "booking.completed", "booking.no_show", "hold.created", "hold.released", "solve.committed",
            "solve.failed", AVAILABILITY_CHANGED);

    private EventTypes() {
    }

    static boolean isKnown(String name) {
        return ALL.equals(name) || NAMES.contains(name);
    }
}
