package org.tablesolver.solve;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.SolveMode;

/**
 * What a solve of a day depends on, as one fingerprint: the day as loaded (floor plan, bookings with their states and
 * seatings, neighbouring dates' stays, holds, pacing), the mode and the configuration with its file's version. A
 * committed solve stores the fingerprint of the day as its commit left it; a later solve whose loaded day has the
 * same fingerprint has nothing to find that the last one did not, and is answered from it at once.
 */
final class DayState {

    private DayState() {
    }

    static String fingerprint(DayInput day, SolveMode mode, String config, String configVersion) {
        List<DayInput.Booking> bookings = new ArrayList<>();
        for (DayInput.Booking b : day.bookings()) {
            bookings.add(new DayInput.Booking(b.id(), b.start(), b.durationMinutes(), b.partySize(), b.preferredZone(),
                    b.requiredZone(), b.priority(), b.state(), b.seatingId(), b.tableIds().stream().sorted().toList(),
                    b.pinned(), b.capacityHold()));
        }
        bookings.sort(Comparator.comparing(DayInput.Booking::id));
        List<DayInput.Table> tables = new ArrayList<>(day.tables());
        tables.sort(Comparator.comparing(DayInput.Table::id));
        List<DayInput.Combination> combinations = new ArrayList<>(day.combinations());
        combinations.sort(Comparator.comparing(DayInput.Combination::id));
        List<DayInput.Hold> holds = new ArrayList<>(day.holds());
        holds.sort(Comparator.comparing(DayInput.Hold::id).thenComparing(DayInput.Hold::tableId)
                .thenComparing(DayInput.Hold::start));
        DayInput canonical = new DayInput(day.restaurantId(), day.date(), day.timeZone(), day.turnoverBufferMinutes(),
                tables, combinations, bookings, holds, day.pacing());
        String text = canonical + "|" + mode + "|" + config + "|" + configVersion;
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The day as the commit of {@code changes} leaves it: seated bookings CONFIRMED (or SEATED) on their tables. */
    static DayInput after(DayInput day, PlanChanges changes) {
        Map<String, PlanChanges.BookingChange> byBooking = new TreeMap<>();
        changes.bookings().forEach(change -> byBooking.put(change.bookingId(), change));
        List<DayInput.Booking> bookings = new ArrayList<>();
        for (DayInput.Booking b : day.bookings()) {
            PlanChanges.BookingChange change = byBooking.get(b.id());
            bookings.add(change == null ? b : new DayInput.Booking(b.id(), b.start(), b.durationMinutes(),
                    b.partySize(), b.preferredZone(), b.requiredZone(), b.priority(),
                    BookingState.valueOf(change.statusAfter().name()), change.seatingId(), change.tableIds(),
                    b.pinned(), b.capacityHold()));
        }
        return day.withBookings(bookings);
    }
}
