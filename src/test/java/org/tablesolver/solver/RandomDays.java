package org.tablesolver.solver;

import org.tablesolver.solver.model.BookingState;
import org.tablesolver.solver.model.DayInput;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.tablesolver.dataset.DayGenerator;

/**
 * Generated days with everything a solve meets in the service: confirmed and seated bookings on their
 * tables, active holds, an out-of-service table. Seeded, so every test run sees the same days.
 */
public final class RandomDays {

    private RandomDays() {
    }

    public static DayInput busyDay(long seed, int tables, int bookings) {
        DayInput generated = DayGenerator.generate("busy-" + seed, LocalDate.of(2026, 12, 4), ZoneId.of("Europe/London"),
                DayGenerator.Profile.DINNER_ONLY, tables, bookings, seed);
        Random random = new Random(seed);
        // A feasible set of confirmed seats: first come first served on the smallest free table.
        SeatingPlan plan = SeatingPlanBuilder.build(generated, SolveMode.PENDING_ONLY);
        List<DayInput.Booking> withStates = new ArrayList<>();
        List<PlannedBooking> placed = new ArrayList<>();
        for (DayInput.Booking booking : generated.bookings()) {
            PlannedBooking planned = TestDays.booking(plan, booking.id());
            Seating free = random.nextInt(3) == 0 ? null : planned.getFittingSeatings().stream()
                    .filter(seating -> placed.stream().noneMatch(other -> other.overlaps(planned)
                            && other.getSeating().sharesTableWith(seating)))
                    .findFirst().orElse(null);
            if (free == null) {
                withStates.add(booking);
                continue;
            }
            planned.setSeating(free);
            placed.add(planned);
            BookingState state = random.nextInt(4) == 0 ? BookingState.SEATED : BookingState.CONFIRMED;
            withStates.add(new DayInput.Booking(booking.id(), booking.start(), booking.durationMinutes(),
                    booking.partySize(), booking.preferredZone(), booking.requiredZone(), booking.priority(), state,
                    free.getId(), free.getTableIds()));
        }
        // Holds on tables nobody confirmed sits on at that time, so the day stays feasible: on every other
        // table, at the first half hour from a random evening time on that is clear.
        List<DayInput.Hold> holds = new ArrayList<>();
        for (int t = 0; t < generated.tables().size(); t += 2) {
            DayInput.Table table = generated.tables().get(t);
            int offset = random.nextInt(12);
            for (int slot = 0; slot < 16; slot++) {
                int start = 17 * 60 + 15 * ((offset + slot) % 16);
                int end = start + 30;
                boolean clear = placed.stream().noneMatch(booking -> booking.overlaps(start, end)
                        && booking.getSeating().getTableIds().contains(table.id()));
                if (clear) {
                    holds.add(new DayInput.Hold("H-" + table.id(), table.id(),
                            plan.getOrigin().plus(Duration.ofMinutes(start)),
                            plan.getOrigin().plus(Duration.ofMinutes(end)), "flow-" + table.id()));
                    break;
                }
            }
        }
        // One table out of service, if nobody confirmed sits on it.
        List<DayInput.Table> tablesWithOneOut = new ArrayList<>();
        boolean outDone = false;
        for (DayInput.Table table : generated.tables()) {
            boolean used = placed.stream().anyMatch(booking -> booking.getSeating().getTableIds().contains(table.id()));
            if (!outDone && !used) {
                tablesWithOneOut.add(new DayInput.Table(table.id(), table.zoneId(), table.minCapacity(),
                        table.maxCapacity(), false));
                outDone = true;
            } else {
                tablesWithOneOut.add(table);
            }
        }
        return new DayInput(generated.restaurantId(), generated.date(), generated.timeZone(),
                generated.turnoverBufferMinutes(), tablesWithOneOut, generated.combinations(), withStates, holds);
    }

    /**
     * {@link #busyDay} with the online booking rules: a pacing limit of {@code maxCovers} per 15 minutes, every
     * third CONFIRMED booking pinned, and two of the PENDING bookings turned into capacity holds where the exact
     * check admits them (as the service would).
     */
    public static DayInput busyDayWithRules(long seed, int tables, int bookings, int maxCovers) {
        DayInput day = busyDay(seed, tables, bookings);
        List<DayInput.Booking> next = new ArrayList<>();
        int confirmed = 0;
        for (DayInput.Booking booking : day.bookings()) {
            boolean pin = booking.state() == BookingState.CONFIRMED && confirmed++ % 3 == 0;
            next.add(!pin ? booking : new DayInput.Booking(booking.id(), booking.start(), booking.durationMinutes(),
                    booking.partySize(), booking.preferredZone(), booking.requiredZone(), booking.priority(),
                    booking.state(), booking.seatingId(), booking.tableIds(), true, false));
        }
        int holds = 0;
        for (int h = 0; h < next.size() && holds < 2; h++) {
            DayInput.Booking booking = next.get(h);
            if (booking.state() != BookingState.PENDING) {
                continue;
            }
            DayInput.Booking hold = DayInput.Booking.capacityHold("hold:" + booking.id(), booking.start(),
                    booking.durationMinutes(), booking.partySize(), booking.requiredZone());
            List<DayInput.Booking> mustStay = new ArrayList<>(next.stream()
                    .filter(b -> b.state() != BookingState.PENDING).toList());
            mustStay.add(new DayInput.Booking("candidate", hold.start(), hold.durationMinutes(), hold.partySize(),
                    null, hold.requiredZone(), 0, BookingState.CONFIRMED, null, List.of()));
            SeatingPlan plan = SeatingPlanBuilder.build(day.withBookings(mustStay), SolveMode.REOPTIMIZE);
            org.tablesolver.availability.SeatingCheck.Verdict verdict = org.tablesolver.availability.SeatingCheck
                    .check(plan, "candidate", org.tablesolver.availability.SeatingCheck.Budget.DEFAULT, true);
            if (!verdict.feasible()) {
                continue;
            }
            // As the service does: the confirmed bookings the hold needs moved are moved now.
            for (int i = 0; i < next.size(); i++) {
                DayInput.Booking b = next.get(i);
                if (verdict.moved().contains(b.id()) && !b.capacityHold()) {
                    Seating to = verdict.seatings().get(b.id());
                    next.set(i, new DayInput.Booking(b.id(), b.start(), b.durationMinutes(), b.partySize(),
                            b.preferredZone(), b.requiredZone(), b.priority(), b.state(), to.getId(),
                            to.getTableIds(), b.pinned(), false));
                }
            }
            next.set(h, hold);
            holds++;
        }
        return new DayInput(day.restaurantId(), day.date(), day.timeZone(), day.turnoverBufferMinutes(), day.tables(),
                day.combinations(), next, day.holds(), new DayInput.Pacing(15, maxCovers));
    }
}
