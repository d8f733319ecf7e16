package org.tablesolver.solver;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.SeatingScore;
import org.tablesolver.solver.model.TableBlock;

import static ai.timefold.solver.core.api.score.stream.Joiners.equal;
import static ai.timefold.solver.core.api.score.stream.Joiners.overlapping;

import java.util.List;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

/**
 * All rules of a seating plan, one method each, grouped by level (see {@link SeatingPlan} for why the
 * levels are separate). Constraint names are stable: they appear in score analyses, in
 * {@code ConstraintWeightOverrides} and in the constraints table of src/docs/solving.md.
 */
public class SeatingConstraints implements ConstraintProvider {

    public static final String TABLE_DOUBLE_BOOKED = "Table double-booked";
    public static final String PARTY_DOES_NOT_FIT = "Party does not fit seating";
    public static final String REQUIRED_ZONE = "Required zone not respected";
    public static final String HELD_TABLE = "Held table used";
    public static final String OUT_OF_SERVICE_TABLE = "Out-of-service table used";
    public static final String CONFIRMED_UNSEATED = "Confirmed booking unseated";
    public static final String PACING_LIMIT = "Pacing limit exceeded";
    public static final String UNSEATED_BOOKING = "Unseated booking";
    public static final String UNSEATED_GUESTS = "Unseated guests";
    public static final String PREFERRED_ZONE_MISSED = "Preferred zone missed";
    public static final String WASTED_SEATS = "Wasted seats";
    public static final String COMBINATION_USED = "Combination used";
    public static final String CONFIRMED_MOVED = "Confirmed booking moved";

    /** Default preference weights (soft level 2), relative to one wasted seat; overridable at run time. */
    static final BendableLongScore PREFERRED_ZONE_MISSED_WEIGHT = SeatingScore.ONE_PREFERENCE.multiply(10);
    static final BendableLongScore COMBINATION_USED_WEIGHT = SeatingScore.ONE_PREFERENCE.multiply(3);
    static final BendableLongScore CONFIRMED_MOVED_WEIGHT = SeatingScore.ONE_PREFERENCE.multiply(20);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[] {
                // Hard
                tableDoubleBooked(factory),
                partyDoesNotFit(factory),
                requiredZone(factory),
                heldTable(factory),
                outOfServiceTable(factory),
                confirmedUnseated(factory),
                pacingLimit(factory),
                // Soft 0: seat as many bookings as possible (weighted by priority)
                unseatedBooking(factory),
                // Soft 1: then as many guests as possible
                unseatedGuests(factory),
                // Soft 2: preferences
                preferredZoneMissed(factory),
                wastedSeats(factory),
                combinationUsed(factory),
                confirmedMoved(factory)
        };
    }

    // ************************************************************************
    // Hard
    // ************************************************************************

    /**
     * Two bookings whose occupied intervals overlap may not share a physical table. Pairs are matched
     * within a cluster of tables linked by combinations first (fast), then on shared tables, so a
     * combination clashes with its own member tables.
     */
    Constraint tableDoubleBooked(ConstraintFactory factory) {
        return factory.forEachUniquePair(PlannedBooking.class,
                        equal(booking -> booking.getSeating().getCluster()),
                        overlapping(PlannedBooking::getStart, PlannedBooking::getEnd))
                .filter((a, b) -> a.getSeating().sharesTableWith(b.getSeating()))
                .penalize(SeatingScore.ONE_HARD)
                .justifyWith((a, b, score) -> new TableClash(a.getId(), b.getId(), sharedTables(a, b)))
                .asConstraint(TABLE_DOUBLE_BOOKED);
    }

    Constraint partyDoesNotFit(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .filter(booking -> !booking.getSeating().fits(booking.getPartySize()))
                .penalize(SeatingScore.ONE_HARD)
                .justifyWith((booking, score) -> BookingOnSeating.of(booking))
                .asConstraint(PARTY_DOES_NOT_FIT);
    }

    Constraint requiredZone(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .filter(booking -> booking.getRequiredZone() != null
                        && !booking.getSeating().isInZone(booking.getRequiredZone()))
                .penalize(SeatingScore.ONE_HARD)
                .justifyWith((booking, score) -> BookingOnSeating.of(booking))
                .asConstraint(REQUIRED_ZONE);
    }

    Constraint heldTable(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .join(TableBlock.class,
                        equal(booking -> booking.getSeating().getCluster(), TableBlock::cluster),
                        overlapping(PlannedBooking::getStart, PlannedBooking::getEnd, TableBlock::start, TableBlock::end))
                .filter((booking, block) -> booking.getSeating().usesTable(block.tableIndex()))
                .penalize(SeatingScore.ONE_HARD)
                .justifyWith((booking, block, score) -> new HeldTableUse(booking.getId(), block.id(), block.tableId()))
                .asConstraint(HELD_TABLE);
    }

    Constraint outOfServiceTable(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .filter(booking -> !booking.getSeating().isInService())
                .penalize(SeatingScore.ONE_HARD)
                .justifyWith((booking, score) -> BookingOnSeating.of(booking))
                .asConstraint(OUT_OF_SERVICE_TABLE);
    }

    Constraint confirmedUnseated(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlannedBooking.class)
                .filter(booking -> booking.getSeating() == null && booking.isMustStaySeated())
                .penalize(SeatingScore.ONE_HARD)
                .justifyWith((booking, score) -> new UnseatedBooking(booking.getId()))
                .asConstraint(CONFIRMED_UNSEATED);
    }

    /**
     * The kitchen's limit: the seated parties starting within one pacing slot bring at most the slot's
     * allowance of guests (the limit, or what the bookings that must stay seated there already bring).
     * Penalized by the guests over the allowance.
     */
    Constraint pacingLimit(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .filter(booking -> booking.getPacingSlot() != null)
                .groupBy(PlannedBooking::getPacingSlot, ConstraintCollectors.sum(PlannedBooking::getPartySize))
                .filter((slot, covers) -> covers > slot.allowance())
                .penalize(SeatingScore.ONE_HARD, (slot, covers) -> covers - slot.allowance())
                .justifyWith((slot, covers, score) -> new PacingExceeded(slot.index(), covers, slot.allowance()))
                .asConstraint(PACING_LIMIT);
    }

    // ************************************************************************
    // Soft 0 and 1: seat as many bookings, then as many guests, as possible
    // ************************************************************************

    Constraint unseatedBooking(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlannedBooking.class)
                .filter(booking -> booking.getSeating() == null)
                .penalize(SeatingScore.ONE_BOOKING, PlannedBooking::getSeatingWeight)
                .justifyWith((booking, score) -> new UnseatedBooking(booking.getId()))
                .asConstraint(UNSEATED_BOOKING);
    }

    Constraint unseatedGuests(ConstraintFactory factory) {
        return factory.forEachIncludingUnassigned(PlannedBooking.class)
                .filter(booking -> booking.getSeating() == null)
                .penalize(SeatingScore.ONE_GUEST, PlannedBooking::getPartySize)
                .justifyWith((booking, score) -> new UnseatedBooking(booking.getId()))
                .asConstraint(UNSEATED_GUESTS);
    }

    // ************************************************************************
    // Soft 2: preferences
    // ************************************************************************

    Constraint preferredZoneMissed(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .filter(booking -> booking.getPreferredZone() != null
                        && !booking.getSeating().isInZone(booking.getPreferredZone()))
                .penalize(PREFERRED_ZONE_MISSED_WEIGHT)
                .justifyWith((booking, score) -> BookingOnSeating.of(booking))
                .asConstraint(PREFERRED_ZONE_MISSED);
    }

    /** Covers a seating could take beyond the party: keeps large tables for large parties. */
    Constraint wastedSeats(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .filter(booking -> booking.getSeating().getMaxCapacity() > booking.getPartySize())
                .penalize(SeatingScore.ONE_PREFERENCE,
                        booking -> booking.getSeating().getMaxCapacity() - booking.getPartySize())
                .justifyWith((booking, score) -> BookingOnSeating.of(booking))
                .asConstraint(WASTED_SEATS);
    }

    Constraint combinationUsed(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .filter(booking -> booking.getSeating().isCombination())
                .penalize(COMBINATION_USED_WEIGHT)
                .justifyWith((booking, score) -> BookingOnSeating.of(booking))
                .asConstraint(COMBINATION_USED);
    }

    Constraint confirmedMoved(ConstraintFactory factory) {
        return factory.forEach(PlannedBooking.class)
                .filter(booking -> booking.getOriginalSeating() != null
                        && booking.getSeating() != booking.getOriginalSeating())
                .penalize(CONFIRMED_MOVED_WEIGHT)
                .justifyWith((booking, score) -> BookingOnSeating.of(booking))
                .asConstraint(CONFIRMED_MOVED);
    }

    /**
     * What seating a booking on a seating costs on the preferences level (soft 2), positive, with the plan's
     * constraint weights: the four preference constraints above, for exact sub-problems that price each choice.
     */
    public static long preferencePenalty(SeatingPlan plan, PlannedBooking booking, Seating seating) {
        long penalty = 0;
        if (booking.getPreferredZone() != null && !seating.isInZone(booking.getPreferredZone())) {
            penalty += preferenceWeight(plan, PREFERRED_ZONE_MISSED, PREFERRED_ZONE_MISSED_WEIGHT);
        }
        if (seating.getMaxCapacity() > booking.getPartySize()) {
            penalty += preferenceWeight(plan, WASTED_SEATS, SeatingScore.ONE_PREFERENCE)
                    * (seating.getMaxCapacity() - booking.getPartySize());
        }
        if (seating.isCombination()) {
            penalty += preferenceWeight(plan, COMBINATION_USED, COMBINATION_USED_WEIGHT);
        }
        if (booking.getOriginalSeating() != null && seating != booking.getOriginalSeating()) {
            penalty += preferenceWeight(plan, CONFIRMED_MOVED, CONFIRMED_MOVED_WEIGHT);
        }
        return penalty;
    }

    private static long preferenceWeight(SeatingPlan plan, String constraint, BendableLongScore standard) {
        BendableLongScore override = plan.getConstraintWeightOverrides() == null ? null
                : plan.getConstraintWeightOverrides().getConstraintWeight(constraint);
        return (override == null ? standard : override).softScore(SeatingScore.PREFERENCES_LEVEL);
    }

    private static List<String> sharedTables(PlannedBooking a, PlannedBooking b) {
        return a.getSeating().getTableIds().stream()
                .filter(b.getSeating().getTableIds()::contains)
                .toList();
    }

    // ************************************************************************
    // Justifications: what a score analysis says about each match
    // ************************************************************************

    /** Two bookings on the same physical tables at overlapping times. */
    public record TableClash(String bookingId, String otherBookingId, List<String> tableIds)
            implements ConstraintJustification {
    }

    public record BookingOnSeating(String bookingId, String seatingId) implements ConstraintJustification {

        /**
         * Timefold may build a justification lazily, after the booking was moved on (seen with constraint
         * matches enabled while solving, as in the benchmarker's per-constraint statistic): the seating is
         * then read as it is, possibly none. Analyses of a finished plan always see the plan's seating.
         */
        static BookingOnSeating of(PlannedBooking booking) {
            Seating seating = booking.getSeating();
            return new BookingOnSeating(booking.getId(), seating == null ? null : seating.getId());
        }
    }

    /** More guests start within one pacing slot (its index from local midnight) than it allows. */
    public record PacingExceeded(int slotIndex, int covers, int allowance) implements ConstraintJustification {
    }

    public record HeldTableUse(String bookingId, String holdId, String tableId) implements ConstraintJustification {
    }

    public record UnseatedBooking(String bookingId) implements ConstraintJustification {
    }
}
