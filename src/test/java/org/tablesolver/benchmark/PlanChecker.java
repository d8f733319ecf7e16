package org.tablesolver.benchmark;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tablesolver.solver.model.DayInput;

/**
 * Checks a plan's hard rules from the day's raw data, sharing no code with the solver's model or
 * constraints: a bug there cannot hide here. Rules: the seating exists and is in service, fits the party
 * (min and max covers), lies in the required zone, and no physical table carries two bookings whose
 * occupied times ({@code [start, start + duration + buffer)}) overlap, nor a booking during a hold.
 */
final class PlanChecker {

    private PlanChecker() {
    }

    /** Every broken rule, in words; empty when the plan is valid. */
    static List<String> violations(DayInput day, Map<String, String> seatingByBooking) {
        Map<String, DayInput.Table> tables = new HashMap<>();
        day.tables().forEach(table -> tables.put(table.id(), table));
        Map<String, DayInput.Combination> combinations = new HashMap<>();
        day.combinations().forEach(combination -> combinations.put(combination.id(), combination));
        Map<String, DayInput.Booking> bookings = new HashMap<>();
        day.bookings().forEach(booking -> bookings.put(booking.id(), booking));

        List<String> violations = new ArrayList<>();
        Map<String, List<Occupancy>> byTable = new HashMap<>();
        seatingByBooking.forEach((bookingId, seatingId) -> {
            DayInput.Booking booking = bookings.get(bookingId);
            if (booking == null) {
                violations.add("unknown booking " + bookingId);
                return;
            }
            List<String> memberIds;
            int min;
            int max;
            if (tables.containsKey(seatingId)) {
                DayInput.Table table = tables.get(seatingId);
                memberIds = List.of(table.id());
                min = table.minCapacity();
                max = table.maxCapacity();
            } else if (combinations.containsKey(seatingId)) {
                DayInput.Combination combination = combinations.get(seatingId);
                memberIds = combination.tableIds();
                min = combination.minCapacity();
                max = combination.maxCapacity();
            } else {
                violations.add(bookingId + " on unknown seating " + seatingId);
                return;
            }
            if (booking.partySize() < min || booking.partySize() > max) {
                violations.add("%s: party of %d on %s (%d-%d covers)".formatted(bookingId, booking.partySize(),
                        seatingId, min, max));
            }
            Instant end = booking.start().plusSeconds(60L * (booking.durationMinutes() + day.turnoverBufferMinutes()));
            for (String tableId : memberIds) {
                DayInput.Table table = tables.get(tableId);
                if (!table.inService()) {
                    violations.add(bookingId + " on out-of-service table " + tableId);
                }
                if (booking.requiredZone() != null && !booking.requiredZone().equals(table.zoneId())) {
                    violations.add("%s requires zone %s, table %s is in %s".formatted(bookingId, booking.requiredZone(),
                            tableId, table.zoneId()));
                }
                byTable.computeIfAbsent(tableId, id -> new ArrayList<>())
                        .add(new Occupancy(bookingId, booking.start(), end));
            }
        });
        for (DayInput.Hold hold : day.holds()) {
            for (Occupancy occupancy : byTable.getOrDefault(hold.tableId(), List.of())) {
                if (occupancy.start().isBefore(hold.end()) && hold.start().isBefore(occupancy.end())) {
                    violations.add(occupancy.bookingId() + " on held table " + hold.tableId());
                }
            }
        }
        byTable.forEach((tableId, occupancies) -> {
            occupancies.sort(Comparator.comparing(Occupancy::start));
            Occupancy latest = null;
            for (Occupancy occupancy : occupancies) {
                if (latest != null && occupancy.start().isBefore(latest.end())) {
                    violations.add("%s and %s overlap on table %s".formatted(latest.bookingId(), occupancy.bookingId(),
                            tableId));
                }
                if (latest == null || occupancy.end().isAfter(latest.end())) {
                    latest = occupancy;
                }
            }
        });
        return violations;
    }

    private record Occupancy(String bookingId, Instant start, Instant end) {
    }
}
