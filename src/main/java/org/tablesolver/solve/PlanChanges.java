package org.tablesolver.solve;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.tablesolver.booking.BookingStatus;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solver.explain.PlanReport;

/**
 * What a solved plan changes compared with the snapshot it was solved from: which PENDING bookings get
 * tables and which CONFIRMED bookings move. Everything else is left exactly as it is, so a re-solve that
 * finds nothing new writes nothing. Also enforces what the commit must never do, whatever the solver
 * returns: unseat a CONFIRMED or SEATED booking, or move a SEATED one.
 */
record PlanChanges(List<BookingChange> bookings) {

    /**
     * @param tableIds      physical tables after the solve, in floor-plan order
     * @param loadedVersion the version the booking had in the snapshot; the commit writes only if it still has it
     */
    record BookingChange(String bookingId, SolveView.Change change, String seatingId, List<String> tableIds,
                         BookingStatus statusAfter, long loadedVersion) {
    }

    static PlanChanges between(LoadedDay day, PlanReport report) {
        Map<String, Integer> position = new HashMap<>();
        List<FloorPlan.Table> tables = day.floorPlan().tables();
        for (int i = 0; i < tables.size(); i++) {
            position.put(tables.get(i).id(), i);
        }
        Comparator<String> floorPlanOrder = Comparator.comparing(id -> position.getOrDefault(id, Integer.MAX_VALUE));

        List<BookingChange> changes = new ArrayList<>();
        HashSet<String> seated = new HashSet<>();
        for (PlanReport.Assignment assignment : report.assignments()) {
            LoadedDay.LoadedBooking before = day.booking(assignment.bookingId());
            if (!seated.add(before.id())) {
                throw new IllegalStateException("The plan seats booking " + before.id() + " twice");
            }
            List<String> after = assignment.tableIds().stream().sorted(floorPlanOrder).toList();
            for (String tableId : after) {
                if (!position.containsKey(tableId)) {
                    throw new IllegalStateException("The plan puts booking " + before.id() + " on table " + tableId
                            + ", which is not in the floor plan of " + day.key());
                }
            }
            SolveView.Change change;
            if (before.status() == BookingStatus.PENDING) {
                change = SolveView.Change.NEW;
            } else if (before.seatingId().equals(assignment.seatingId())
                    && new HashSet<>(before.tableIds()).equals(new HashSet<>(after))) {
                change = SolveView.Change.UNCHANGED;
            } else if (before.status() == BookingStatus.SEATED || before.pinned()) {
                throw new IllegalStateException("The plan moves " + (before.pinned() ? "pinned " : "") + before.status()
                        + " booking " + before.id() + " from "
                        + before.seatingId() + " to " + assignment.seatingId());
            } else {
                change = SolveView.Change.MOVED;
            }
            if (change != SolveView.Change.UNCHANGED && day.floorPlan().table(assignment.seatingId()).isEmpty()
                    && day.floorPlan().combination(assignment.seatingId()).isEmpty()) {
                throw new IllegalStateException("The plan seats booking " + before.id() + " at "
                        + assignment.seatingId() + ", which is no table or combination of the floor plan");
            }
            BookingStatus statusAfter = before.status() == BookingStatus.PENDING ? BookingStatus.CONFIRMED
                    : before.status();
            changes.add(new BookingChange(before.id(), change, assignment.seatingId(), after, statusAfter,
                    before.version()));
        }
        for (LoadedDay.LoadedBooking booking : day.bookings().values()) {
            if (booking.status() != BookingStatus.PENDING && !seated.contains(booking.id())) {
                throw new IllegalStateException("The plan leaves " + booking.status() + " booking " + booking.id()
                        + " without a table");
            }
        }
        return new PlanChanges(List.copyOf(changes));
    }

    List<BookingChange> written() {
        return bookings.stream().filter(change -> change.change() != SolveView.Change.UNCHANGED).toList();
    }

    int newlyConfirmed() {
        return (int) bookings.stream().filter(change -> change.change() == SolveView.Change.NEW).count();
    }

    int moved() {
        return (int) bookings.stream().filter(change -> change.change() == SolveView.Change.MOVED).count();
    }
}
