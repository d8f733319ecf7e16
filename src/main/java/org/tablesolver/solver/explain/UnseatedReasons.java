package org.tablesolver.solver.explain;

import org.tablesolver.solver.search.OccupancyIndex;
import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.model.TableBlock;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

import org.tablesolver.solver.explain.UnseatedExplanation.Blocker;
import org.tablesolver.solver.explain.UnseatedExplanation.Code;

/**
 * Explains, from a finished plan, why each unseated booking could not be seated: the party size fits
 * nothing, the required zone has nothing that size, everything fitting is out of service, or every
 * fitting seating is taken at that time (naming the bookings and holds in the way).
 */
public final class UnseatedReasons {

    /**
     * A reason names at most this many seatings (a host acts on a few, and on a floor of hundreds of tables every
     * unseated booking would otherwise carry a sentence naming each of them); {@code blockers} lists every one.
     */
    static final int NAMED_IN_REASON = 5;

    private final SeatingPlan plan;
    private final OccupancyIndex occupancy;

    public UnseatedReasons(SeatingPlan plan) {
        this.plan = plan;
        this.occupancy = new OccupancyIndex(plan);
    }

    public List<UnseatedExplanation> explainAll() {
        List<UnseatedExplanation> explanations = new ArrayList<>();
        for (PlannedBooking booking : plan.getBookings()) {
            if (booking.getSeating() == null && !booking.isCapacityHold()) {
                explanations.add(explain(booking));
            }
        }
        return explanations;
    }

    UnseatedExplanation explain(PlannedBooking booking) {
        int party = booking.getPartySize();
        List<Seating> sizeFits = new ArrayList<>();
        int largest = 0;
        int smallestMinimum = Integer.MAX_VALUE;
        for (Seating seating : plan.getSeatings()) {
            if (isAsAssigned(seating)) {
                continue;
            }
            largest = Math.max(largest, seating.getMaxCapacity());
            smallestMinimum = Math.min(smallestMinimum, seating.getMinCapacity());
            if (seating.fits(party)) {
                sizeFits.add(seating);
            }
        }
        if (sizeFits.isEmpty()) {
            String limit = largest == 0 ? "the floor plan has no tables"
                    : party > largest ? "the largest takes " + largest
                    : party < smallestMinimum ? "the smallest needs at least " + smallestMinimum
                    : "none has a minimum and maximum that include " + party;
            return explanation(booking, Code.NO_SEATING_FOR_PARTY_SIZE,
                    "No table or combination seats a party of %d (%s).".formatted(party, limit), List.of());
        }
        List<Seating> zoneFits = booking.getRequiredZone() == null ? sizeFits
                : sizeFits.stream().filter(seating -> seating.isInZone(booking.getRequiredZone())).toList();
        if (zoneFits.isEmpty()) {
            return explanation(booking, Code.NO_SEATING_IN_REQUIRED_ZONE,
                    "No table or combination in the required zone '%s' seats a party of %d."
                            .formatted(booking.getRequiredZone(), party), List.of());
        }
        List<Blocker> blockers = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (Seating seating : zoneFits) {
            if (!seating.isInService()) {
                blockers.add(new Blocker(seating.getId(), List.of(), List.of(), true));
                continue;
            }
            Blocker blocker = blockerOf(seating, booking);
            if (blocker.bookingIds().isEmpty() && blocker.holdIds().isEmpty()) {
                free.add(seating.getId());
            } else {
                blockers.add(blocker);
            }
        }
        if (!free.isEmpty() && pacingFull(booking)) {
            PlannedBooking.PacingSlot slot = booking.getPacingSlot();
            return explanation(booking, Code.PACING_LIMIT,
                    "%s is free at %s, but the guests already starting at %s reach the kitchen's limit of %d per slot."
                            .formatted(names(free), window(booking), localTime(booking.getStart()),
                                    slot.allowance()), List.of());
        }
        if (!free.isEmpty()) {
            return explanation(booking, Code.FREE_SEATING_NOT_USED,
                    "%s is free at %s but the solve stopped before seating this booking; solve again."
                            .formatted(names(free), window(booking)), List.of());
        }
        if (blockers.stream().allMatch(Blocker::outOfService)) {
            return explanation(booking, Code.ALL_FITTING_SEATINGS_OUT_OF_SERVICE,
                    "Every table or combination that seats a party of %d%s is out of service: %s."
                            .formatted(party, inZone(booking), ids(blockers)), blockers);
        }
        return explanation(booking, Code.ALL_FITTING_SEATINGS_TAKEN,
                "Every table or combination that seats a party of %d%s is taken at %s: %s."
                        .formatted(party, inZone(booking), window(booking), describe(blockers)), blockers);
    }

    /** True when seating this booking would take its pacing slot over its allowance. */
    private boolean pacingFull(PlannedBooking booking) {
        PlannedBooking.PacingSlot slot = booking.getPacingSlot();
        if (slot == null) {
            return false;
        }
        int covers = booking.getPartySize();
        for (PlannedBooking other : plan.getBookings()) {
            if (other != booking && other.getSeating() != null && slot.equals(other.getPacingSlot())) {
                covers += other.getPartySize();
            }
        }
        return covers > slot.allowance();
    }

    private Blocker blockerOf(Seating seating, PlannedBooking booking) {
        List<String> bookingIds = occupancy.occupants(seating, booking.getStart(), booking.getEnd(), booking).stream()
                .map(PlannedBooking::getId)
                .toList();
        List<String> holdIds = occupancy.holdsOn(seating, booking.getStart(), booking.getEnd()).stream()
                .map(TableBlock::id)
                .toList();
        return new Blocker(seating.getId(), bookingIds, holdIds, false);
    }

    /**
     * What is in the way, seating by seating: all of them when few, else the {@link #NAMED_IN_REASON} with the fewest
     * bookings and holds in the way (the first in floor order among equals), in floor order, and how many more.
     */
    private static String describe(List<Blocker> blockers) {
        List<Blocker> named = blockers;
        if (blockers.size() > NAMED_IN_REASON) {
            named = IntStream.range(0, blockers.size()).boxed()
                    .sorted(Comparator.comparingInt((Integer i) -> inTheWay(blockers.get(i))).thenComparingInt(i -> i))
                    .limit(NAMED_IN_REASON).sorted().map(blockers::get).toList();
        }
        List<String> parts = new ArrayList<>();
        for (Blocker blocker : named) {
            List<String> why = new ArrayList<>();
            if (blocker.outOfService()) {
                why.add("out of service");
            }
            if (!blocker.bookingIds().isEmpty()) {
                why.add("by " + String.join(", ", blocker.bookingIds()));
            }
            if (!blocker.holdIds().isEmpty()) {
                why.add("held (" + String.join(", ", blocker.holdIds()) + ")");
            }
            parts.add(blocker.seatingId() + " " + String.join(", ", why));
        }
        String described = String.join("; ", parts);
        return named.size() < blockers.size()
                ? described + "; and " + (blockers.size() - named.size()) + " more (see blockers)"
                : described;
    }

    /** How much is in the way of a seating: its bookings and holds, out of service last. */
    private static int inTheWay(Blocker blocker) {
        return blocker.outOfService() ? Integer.MAX_VALUE : blocker.bookingIds().size() + blocker.holdIds().size();
    }

    private static String ids(List<Blocker> blockers) {
        return names(blockers.stream().map(Blocker::seatingId).toList());
    }

    /** Seating ids, the first {@link #NAMED_IN_REASON} of them and how many more. */
    private static String names(List<String> ids) {
        return ids.size() <= NAMED_IN_REASON ? String.join(", ", ids)
                : String.join(", ", ids.subList(0, NAMED_IN_REASON)) + " and " + (ids.size() - NAMED_IN_REASON)
                + " more";
    }

    private static String inZone(PlannedBooking booking) {
        return booking.getRequiredZone() == null ? "" : " in zone '" + booking.getRequiredZone() + "'";
    }

    /** The booking's occupied interval in local time, e.g. "19:30–21:15 (with the turnover buffer)". */
    private String window(PlannedBooking booking) {
        return localTime(booking.getStart()) + "–" + localTime(booking.getEnd())
                + (plan.getTurnoverBufferMinutes() > 0 ? " (with the turnover buffer)" : "");
    }

    private LocalTime localTime(int minutes) {
        return plan.getOrigin().plusSeconds(minutes * 60L).atZone(plan.getTimeZone()).toLocalTime();
    }

    private static boolean isAsAssigned(Seating seating) {
        return seating.getId().startsWith(SeatingPlanBuilder.ADHOC_PREFIX);
    }

    private static UnseatedExplanation explanation(PlannedBooking booking, Code code, String reason,
            List<Blocker> blockers) {
        return new UnseatedExplanation(booking.getId(), code, reason, List.copyOf(blockers));
    }
}
