package org.tablesolver.solver.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * Everything the solver needs to know about one restaurant-day, independent of where it came from
 * (the database, an import file, a generated benchmark dataset). {@link SeatingPlanBuilder} turns it
 * into a planning problem.
 *
 * @param turnoverBufferMinutes minutes to reset a table after a party; a booking occupies its tables
 *        during {@code [start, start + duration + buffer)}
 */
public record DayInput(
        String restaurantId,
        LocalDate date,
        ZoneId timeZone,
        int turnoverBufferMinutes,
        List<Table> tables,
        List<Combination> combinations,
        List<Booking> bookings,
        List<Hold> holds,
        Pacing pacing) {

    /** A day without a pacing limit. */
    public DayInput(String restaurantId, LocalDate date, ZoneId timeZone, int turnoverBufferMinutes, List<Table> tables,
            List<Combination> combinations, List<Booking> bookings, List<Hold> holds) {
        this(restaurantId, date, timeZone, turnoverBufferMinutes, tables, combinations, bookings, holds, null);
    }

    /** The same day with other bookings. */
    public DayInput withBookings(List<Booking> otherBookings) {
        return new DayInput(restaurantId, date, timeZone, turnoverBufferMinutes, tables, combinations, otherBookings,
                holds, pacing);
    }

    /**
     * The kitchen's limit: at most {@code maxCoversPerSlot} guests of seated parties may start within one slot of
     * {@code slotMinutes} (slots counted from the service date's local midnight).
     */
    public record Pacing(int slotMinutes, int maxCoversPerSlot) {
        public Pacing {
            if (slotMinutes < 1 || maxCoversPerSlot < 1) {
                throw new IllegalArgumentException("pacing needs a slot and a limit of at least 1");
            }
        }
    }

    public DayInput {
        Objects.requireNonNull(restaurantId, "restaurantId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(timeZone, "timeZone");
        if (turnoverBufferMinutes < 0) {
            throw new IllegalArgumentException("turnoverBufferMinutes must be >= 0");
        }
        tables = List.copyOf(tables);
        combinations = List.copyOf(combinations);
        bookings = List.copyOf(bookings);
        holds = List.copyOf(holds);
    }

    public record Table(String id, String zoneId, int minCapacity, int maxCapacity, boolean inService) {
    }

    public record Combination(String id, List<String> tableIds, int minCapacity, int maxCapacity) {
        public Combination {
            tableIds = List.copyOf(tableIds);
        }
    }

    /**
     * @param seatingId for a CONFIRMED or SEATED booking: the table or combination it holds now
     * @param tableIds for a CONFIRMED or SEATED booking: the physical tables it holds now (used when
     *        {@code seatingId} no longer names a seating of the floor plan)
     */
    public record Booking(
            String id,
            Instant start,
            int durationMinutes,
            int partySize,
            String preferredZone,
            String requiredZone,
            int priority,
            BookingState state,
            String seatingId,
            List<String> tableIds,
            boolean pinned,
            boolean capacityHold) {

        public Booking {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(state, "state");
            tableIds = tableIds == null ? List.of() : List.copyOf(tableIds);
            if (capacityHold && (state != BookingState.CONFIRMED || !tableIds.isEmpty())) {
                throw new IllegalArgumentException("capacity hold " + id + " must be CONFIRMED and name no tables");
            }
        }

        /** A booking that is neither pinned nor a capacity hold. */
        public Booking(String id, Instant start, int durationMinutes, int partySize, String preferredZone,
                String requiredZone, int priority, BookingState state, String seatingId, List<String> tableIds) {
            this(id, start, durationMinutes, partySize, preferredZone, requiredZone, priority, state, seatingId,
                    tableIds, false, false);
        }

        /**
         * An active capacity hold: room kept for a party on whatever seating fits it. It must stay seated like a
         * movable CONFIRMED booking, but names no table and is never written as an assignment.
         */
        public static Booking capacityHold(String id, Instant start, int durationMinutes, int partySize,
                String requiredZone) {
            return new Booking(id, start, durationMinutes, partySize, null, requiredZone, 0, BookingState.CONFIRMED,
                    null, List.of(), false, true);
        }

        public static Booking pending(String id, Instant start, int durationMinutes, int partySize,
                String preferredZone, String requiredZone, int priority) {
            return new Booking(id, start, durationMinutes, partySize, preferredZone, requiredZone, priority,
                    BookingState.PENDING, null, List.of());
        }
    }

    /** An active hold placed by a booking flow: it blocks the table during {@code [start, end)}. */
    public record Hold(String id, String tableId, Instant start, Instant end, String reference) {
    }
}
