package org.tablesolver.availability;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

import org.tablesolver.booking.LocalTimes;
import org.tablesolver.floorplan.FloorPlan;

/**
 * A service date's arrival hours and its grid of start times, from the floor plan's service periods. Times
 * are local; a period past midnight offers starts until its last arrival the next morning, which still
 * belong to the service date.
 */
final class ServiceHours {

    private final LocalDate date;
    private final int slotMinutes;
    private final List<FloorPlan.ServicePeriod> periods;
    private final boolean anyPeriods;

    ServiceHours(FloorPlan plan, LocalDate date) {
        this.date = date;
        this.slotMinutes = plan.slotMinutes();
        String day = date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH)
                .toUpperCase(Locale.ROOT);
        List<FloorPlan.ServicePeriod> all = plan.servicePeriods() == null ? List.of() : plan.servicePeriods();
        this.periods = all.stream().filter(period -> period.days().contains(day)).toList();
        this.anyPeriods = !all.isEmpty();
    }

    /** True when the floor plan has service periods at all (then only their hours take bookings). */
    boolean restricted() {
        return anyPeriods;
    }

    int slotMinutes() {
        return slotMinutes;
    }

    /** Minutes from the service date's local midnight (late service counts on past 24:00). */
    int minuteOf(LocalDateTime start) {
        return (int) Duration.between(date.atStartOfDay(), start).toMinutes();
    }

    LocalDateTime at(int minute) {
        return date.atStartOfDay().plusMinutes(minute);
    }

    /** The period a start falls in; empty when outside every period of the day (or the day has none). */
    Optional<FloorPlan.ServicePeriod> periodOf(LocalDateTime start) {
        int minute = minuteOf(start);
        return periods.stream().filter(period -> first(period) <= minute && minute <= last(period)).findFirst();
    }

    boolean open(LocalDateTime start) {
        return !anyPeriods || periodOf(start).isPresent();
    }

    /** The grid of the day's periods, in time order; empty when the day has none. */
    List<LocalDateTime> periodGrid() {
        TreeSet<Integer> minutes = new TreeSet<>();
        for (FloorPlan.ServicePeriod period : periods) {
            for (int minute = first(period); minute <= last(period); minute += slotMinutes) {
                minutes.add(minute);
            }
        }
        return minutes.stream().map(this::at).toList();
    }

    /** Grid points from {@code from} to {@code to} inclusive, every slot. */
    List<LocalDateTime> grid(LocalDateTime from, LocalDateTime to) {
        List<LocalDateTime> slots = new ArrayList<>();
        for (LocalDateTime t = from; !t.isAfter(to); t = t.plusMinutes(slotMinutes)) {
            slots.add(t);
        }
        return slots;
    }

    /**
     * The grid a refused start's alternatives come from: the day's period grid, or without periods every slot
     * from midnight until late service ends.
     */
    List<LocalDateTime> alternativeGrid() {
        if (anyPeriods) {
            return periodGrid();
        }
        int end = 24 * 60 + LocalTimes.LATE_SERVICE_END.toSecondOfDay() / 60;
        List<LocalDateTime> slots = new ArrayList<>();
        for (int minute = 0; minute < end; minute += slotMinutes) {
            slots.add(at(minute));
        }
        return slots;
    }

    /** E.g. "Guests arrive 18:00-22:00 (dinner) on FRI": for the reason of an OUTSIDE_SERVICE_HOURS slot. */
    String describe() {
        String day = date.getDayOfWeek().getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
        if (periods.isEmpty()) {
            return "The restaurant takes no bookings on " + day + "s.";
        }
        List<String> parts = periods.stream()
                .map(p -> p.firstArrival() + "-" + p.lastArrival() + " (" + p.id() + ")").toList();
        return "Guests arrive " + String.join(", ", parts) + " on " + day + "s.";
    }

    private static int first(FloorPlan.ServicePeriod period) {
        return period.firstArrival().toSecondOfDay() / 60;
    }

    private static int last(FloorPlan.ServicePeriod period) {
        return period.lastArrival().toSecondOfDay() / 60 + (period.pastMidnight() ? 24 * 60 : 0);
    }
}
