package org.tablesolver.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.springframework.core.io.ClassPathResource;
import org.tablesolver.booking.BookingRequest;
import org.tablesolver.booking.LocalTimes;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solver.model.DayInput;

/**
 * Between import documents and solver input, without a database. {@link #of} reads a document as one
 * {@link DayInput} per restaurant and service date, every booking PENDING (benchmarks and tests solve demo
 * data this way); {@link #toDocument} writes generated days in the import format, so any benchmark dataset
 * can be loaded into the service ({@code POST /api/import} or the command line's {@code import}).
 */
public final class ImportedDays {

    private ImportedDays() {
    }

    /** The demo data ({@code demo/seed-day.json}, the file the service loads on first start) as solver input. */
    public static List<DayInput> demoDays() {
        ObjectMapper json = new ObjectMapper().findAndRegisterModules()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try (InputStream in = new ClassPathResource(DemoDataLoader.SEED).getInputStream()) {
            return of(json.readValue(in, ImportDocument.class));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo data " + DemoDataLoader.SEED, e);
        }
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

    /**
     * Days as an import document: one entry per day in the multi-restaurant form, so the days must be of
     * different restaurants (the import keys floor plans by restaurant id). Holds and the seatings of
     * CONFIRMED or SEATED bookings are not part of the format: every booking is written as pending.
     */
    public static ImportDocument toDocument(List<DayInput> days) {
        List<ImportDocument.Restaurant> restaurants = new ArrayList<>();
        for (DayInput day : days) {
            if (restaurants.stream().anyMatch(written -> written.restaurant().id().equals(day.restaurantId()))) {
                throw new IllegalArgumentException("Two days of restaurant " + day.restaurantId() + " in one document");
            }
            List<String> zoneIds = day.tables().stream().map(DayInput.Table::zoneId).distinct().toList();
            FloorPlan plan = new FloorPlan(day.restaurantId(), day.restaurantId(), day.timeZone().getId(),
                    day.turnoverBufferMinutes(),
                    zoneIds.stream().map(zone -> new FloorPlan.Zone(zone, zone)).toList(),
                    day.tables().stream()
                            .map(table -> new FloorPlan.Table(table.id(), table.zoneId(), table.minCapacity(),
                                    table.maxCapacity(), table.inService()))
                            .toList(),
                    day.combinations().stream()
                            .map(combination -> new FloorPlan.Combination(combination.id(), combination.tableIds(),
                                    combination.minCapacity(), combination.maxCapacity()))
                            .toList());
            List<BookingRequest> bookings = day.bookings().stream()
                    .map(booking -> new BookingRequest(booking.id(), day.date(),
                            LocalDateTime.ofInstant(booking.start(), day.timeZone()), booking.durationMinutes(),
                            booking.partySize(), booking.preferredZone(), booking.requiredZone(), booking.priority()))
                    .toList();
            restaurants.add(new ImportDocument.Restaurant(plan, bookings));
        }
        return new ImportDocument(null, null, restaurants);
    }
}
