package org.tablesolver.importing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.tablesolver.booking.BookingRequest;
import org.tablesolver.booking.LocalTimes;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solver.DayInput;

/**
 * An import document as solver input, without a database: one {@link DayInput} per restaurant and
 * service date, every booking PENDING. Benchmarks and tests solve demo and generated data this way.
 */
public final class ImportedDays {

    private ImportedDays() {
    }

    /** The days of every restaurant in the document, by restaurant in document order, then by date. */
    public static List<DayInput> of(ImportDocument document) {
        List<DayInput> days = new ArrayList<>();
        if (document.restaurant() != null) {
            days.addAll(of(document.restaurant(), document.bookings()));
        }
        if (document.restaurants() != null) {
            for (ImportDocument.Restaurant restaurant : document.restaurants()) {
                days.addAll(of(restaurant.restaurant(), restaurant.bookings()));
            }
        }
        return days;
    }

    private static List<DayInput> of(FloorPlan plan, List<BookingRequest> bookings) {
        Map<LocalDate, List<BookingRequest>> byDate = new TreeMap<>();
        for (BookingRequest booking : bookings == null ? List.<BookingRequest>of() : bookings) {
            byDate.computeIfAbsent(booking.date(), date -> new ArrayList<>()).add(booking);
        }
        List<DayInput> days = new ArrayList<>();
        byDate.forEach((date, ofDay) -> days.add(of(plan, date, ofDay)));
        return days;
    }

    /** One restaurant-day; bookings without an id get their position in the list as id ("#1", "#2", ...). */
    public static DayInput of(FloorPlan plan, LocalDate date, List<BookingRequest> bookings) {
        List<DayInput.Table> tables = plan.tables().stream()
                .map(table -> new DayInput.Table(table.id(), table.zone(), table.minCapacity(), table.maxCapacity(),
                        table.inServiceOrDefault()))
                .toList();
        List<DayInput.Combination> combinations = plan.combinations() == null ? List.of()
                : plan.combinations().stream()
                        .map(combination -> new DayInput.Combination(combination.id(), combination.tables(),
                                combination.minCapacity(), combination.maxCapacity()))
                        .toList();
        List<DayInput.Booking> dayBookings = new ArrayList<>();
        for (int i = 0; i < bookings.size(); i++) {
            BookingRequest booking = bookings.get(i);
            dayBookings.add(DayInput.Booking.pending(booking.id() == null ? "#" + (i + 1) : booking.id(),
                    LocalTimes.toInstant(booking.start(), plan.zoneId()), booking.durationMinutes(),
                    booking.partySize(), booking.preferredZone(), booking.requiredZone(), booking.priorityOrDefault()));
        }
        return new DayInput(plan.id(), date, plan.zoneId(), plan.turnoverBufferMinutes(), tables, combinations,
                dayBookings, List.of());
    }
}
