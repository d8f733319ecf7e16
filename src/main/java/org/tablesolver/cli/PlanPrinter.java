package org.tablesolver.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.tablesolver.booking.Booking;
import org.tablesolver.booking.BookingStatus;
import org.tablesolver.floorplan.FloorPlan;
import org.tablesolver.solve.SolveView;

/** Prints a restaurant-day for people: one line per table with its bookings, then who has no table and why. */
final class PlanPrinter {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private PlanPrinter() {
    }

    /** The line about the plan's bound: proven optimal, or its gap. */
    static String bound(SolveView solve) {
        if (solve.bound() == null) {
            return "No bound was found in time, so how far this plan is from the best is not known.";
        }
        if (Boolean.TRUE.equals(solve.proven())) {
            return "Proven optimal: no plan seats more (seated weight " + solve.bound() + " of bound " + solve.bound()
                    + ").";
        }
        return String.format(Locale.ROOT, "Bound %d on the seated weight: this plan is at most %.2f%% below the best.",
                solve.bound(), solve.gap());
    }

    /** The result of a solve: header, tables, unseated bookings with reasons, counts. */
    static void printSolve(PrintStream out, SolveView solve, FloorPlan plan, List<Booking> bookings) {
        out.printf(Locale.ROOT, "%s on %s: %s (%s, config %s), %d attempt%s, solving %s, %s in all%n",
                solve.restaurantId(), solve.date(), solve.status(), solve.mode(), solve.config(), solve.attempts(),
                solve.attempts() == 1 ? "" : "s", seconds(solve.solveMillis()), seconds(solve.totalMillis()));
        if (solve.status().name().equals("COMMITTED")) {
            out.println("score " + solve.score());
            out.println();
            printTables(out, plan, bookings, solve.date());
            Map<String, Booking> byId = bookings.stream().collect(Collectors.toMap(Booking::id, Function.identity()));
            if (!solve.unseatedBookings().isEmpty()) {
                out.println();
                out.println("Unseated (" + solve.unseatedBookings().size() + "), still PENDING:");
                for (SolveView.Unseated unseated : solve.unseatedBookings()) {
                    Booking booking = byId.get(unseated.bookingId());
                    String when = booking == null ? "" : time(booking.start(), solve.date()) + "  party of "
                            + booking.partySize() + "  ";
                    out.println("  " + unseated.bookingId() + "  " + when + unseated.reason());
                }
            }
            out.println();
            out.printf(Locale.ROOT, "Seated %d of %d bookings (%d newly confirmed, %d moved), %d unseated.%n",
                    solve.seated(), solve.seated() + solve.unseated(), solve.newlyConfirmed(), solve.moved(),
                    solve.unseated());
            out.println(bound(solve));
        } else {
            out.println(solve.error());
        }
    }

    /** The day as stored: header with counts by status, tables, bookings without a table. */
    static void printPlan(PrintStream out, FloorPlan plan, LocalDate date, List<Booking> bookings) {
        Map<BookingStatus, Long> counts = bookings.stream()
                .collect(Collectors.groupingBy(Booking::status, Collectors.counting()));
        out.printf(Locale.ROOT, "%s on %s (%s): %d bookings, %d CONFIRMED, %d SEATED, %d PENDING%n", plan.id(), date,
                plan.timeZone(), bookings.size(), counts.getOrDefault(BookingStatus.CONFIRMED, 0L),
                counts.getOrDefault(BookingStatus.SEATED, 0L), counts.getOrDefault(BookingStatus.PENDING, 0L));
        out.println();
        printTables(out, plan, bookings, date);
        List<Booking> pending = bookings.stream().filter(b -> b.status() == BookingStatus.PENDING).toList();
        if (!pending.isEmpty()) {
            out.println();
            out.println("No table yet (PENDING, " + pending.size() + "):");
            for (Booking booking : pending) {
                out.println("  " + booking.id() + "  " + interval(booking, date) + "  party of " + booking.partySize());
            }
        }
    }

    private static void printTables(PrintStream out, FloorPlan plan, List<Booking> bookings, LocalDate date) {
        int idWidth = Math.max(5, plan.tables().stream().mapToInt(t -> t.id().length()).max().orElse(0));
        int zoneWidth = Math.max(4, plan.tables().stream().mapToInt(t -> t.zone().length()).max().orElse(0));
        out.printf(Locale.ROOT, "  %-" + idWidth + "s  %-" + zoneWidth + "s  %-7s  %s%n", "table", "zone", "seats",
                "bookings (local time, party)");
        for (FloorPlan.Table table : plan.tables()) {
            List<String> entries = new ArrayList<>();
            bookings.stream()
                    .filter(b -> b.tables().contains(table.id()))
                    .sorted(Comparator.comparing(Booking::start).thenComparing(Booking::id))
                    .forEach(b -> {
                        List<String> notes = new ArrayList<>();
                        notes.add(String.valueOf(b.partySize()));
                        if (b.seating() != null && !b.seating().equals(table.id())) {
                            notes.add(b.seating());
                        }
                        if (b.status() == BookingStatus.SEATED) {
                            notes.add("seated");
                        }
                        entries.add(interval(b, date) + " " + b.id() + " (" + String.join(", ", notes) + ")");
                    });
            String line = entries.isEmpty() ? "-" : String.join("  |  ", entries);
            if (!table.inServiceOrDefault()) {
                line += "  (out of service)";
            }
            out.printf(Locale.ROOT, "  %-" + idWidth + "s  %-" + zoneWidth + "s  %-7s  %s%n", table.id(), table.zone(),
                    table.minCapacity() + "-" + table.maxCapacity(), line);
        }
    }

    private static String interval(Booking booking, LocalDate date) {
        return time(booking.start(), date) + "-" + time(booking.start().plusMinutes(booking.durationMinutes()), date);
    }

    /** HH:mm, marked +1 when it falls on the next calendar day (late service). */
    private static String time(LocalDateTime time, LocalDate date) {
        return (time.toLocalDate().isAfter(date) ? "+1 " : "") + TIME.format(time);
    }

    static String seconds(Long millis) {
        return millis == null ? "-" : String.format(Locale.ROOT, "%.2f s", millis / 1000.0);
    }
}
