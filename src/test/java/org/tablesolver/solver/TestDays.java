package org.tablesolver.solver;

import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.model.TableBlock;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/** Builds small hand-made days for solver tests: times are local "HH:mm" on {@link #DATE}. */
public final class TestDays {

    public static final LocalDate DATE = LocalDate.of(2026, 12, 4);
    public static final ZoneId ZONE = ZoneId.of("Europe/London");

    private final List<DayInput.Table> tables = new ArrayList<>();
    private final List<DayInput.Combination> combinations = new ArrayList<>();
    private final List<DayInput.Booking> bookings = new ArrayList<>();
    private final List<DayInput.Hold> holds = new ArrayList<>();
    private LocalDate date = DATE;
    private int buffer;
    private DayInput.Pacing pacing;

    public static TestDays day() {
        return new TestDays();
    }

    public TestDays on(LocalDate date) {
        this.date = date;
        return this;
    }

    public TestDays buffer(int minutes) {
        this.buffer = minutes;
        return this;
    }

    public TestDays pacing(int slotMinutes, int maxCoversPerSlot) {
        this.pacing = new DayInput.Pacing(slotMinutes, maxCoversPerSlot);
        return this;
    }

    public TestDays table(String id, String zone, int min, int max) {
        tables.add(new DayInput.Table(id, zone, min, max, true));
        return this;
    }

    public TestDays outOfServiceTable(String id, String zone, int min, int max) {
        tables.add(new DayInput.Table(id, zone, min, max, false));
        return this;
    }

    public TestDays combination(String id, int min, int max, String... tableIds) {
        combinations.add(new DayInput.Combination(id, List.of(tableIds), min, max));
        return this;
    }

    public TestDays booking(String id, String start, int minutes, int party) {
        return booking(id, start, minutes, party, null, null, 0);
    }

    public TestDays booking(String id, String start, int minutes, int party, String preferredZone, String requiredZone,
            int priority) {
        bookings.add(DayInput.Booking.pending(id, at(start), minutes, party, preferredZone, requiredZone, priority));
        return this;
    }

    public TestDays confirmed(String id, String start, int minutes, int party, String seatingId, String... tableIds) {
        bookings.add(new DayInput.Booking(id, at(start), minutes, party, null, null, 0, BookingState.CONFIRMED,
                seatingId, List.of(tableIds)));
        return this;
    }

    public TestDays seated(String id, String start, int minutes, int party, String seatingId, String... tableIds) {
        bookings.add(new DayInput.Booking(id, at(start), minutes, party, null, null, 0, BookingState.SEATED,
                seatingId, List.of(tableIds)));
        return this;
    }

    public TestDays hold(String id, String tableId, String start, String end) {
        holds.add(new DayInput.Hold(id, tableId, at(start), at(end), "ref-" + id));
        return this;
    }

    public DayInput build() {
        return new DayInput("test", date, ZONE, buffer, tables, combinations, bookings, holds, pacing);
    }

    public SeatingPlan plan() {
        return SeatingPlanBuilder.build(build(), SolveMode.PENDING_ONLY);
    }

    public SeatingPlan plan(SolveMode mode) {
        return SeatingPlanBuilder.build(build(), mode);
    }

    private Instant at(String localTime) {
        return date.atTime(LocalTime.parse(localTime)).atZone(ZONE).toInstant();
    }

    public static PlannedBooking booking(SeatingPlan plan, String id) {
        return plan.getBookings().stream().filter(b -> b.getId().equals(id)).findFirst().orElseThrow();
    }

    public static Seating seating(SeatingPlan plan, String id) {
        return plan.getSeatings().stream().filter(s -> s.getId().equals(id)).findFirst().orElseThrow();
    }

    public static TableBlock block(SeatingPlan plan, String id) {
        return plan.getBlocks().stream().filter(b -> b.id().equals(id)).findFirst().orElseThrow();
    }

    /** Seats booking {@code bookingId} at seating {@code seatingId} (null = unseated) and returns it. */
    public static PlannedBooking seat(SeatingPlan plan, String bookingId, String seatingId) {
        PlannedBooking booking = booking(plan, bookingId);
        booking.setSeating(seatingId == null ? null : seating(plan, seatingId));
        return booking;
    }
}
