package org.tablesolver.solver.model;

import org.tablesolver.solver.SolveMode;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import ai.timefold.solver.core.api.domain.solution.ConstraintWeightOverrides;
import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;

/**
 * The planning solution: one restaurant-day.
 * <p>
 * Score: a {@link BendableLongScore} with one hard level and three soft levels, compared strictly in
 * this order (see {@link SeatingScore}):
 * <ol>
 * <li>hard: no double-booked table, capacity, required zone, holds, out-of-service tables, confirmed
 * bookings stay seated;</li>
 * <li>soft 0: bookings seated, each weighing 1 + priority;</li>
 * <li>soft 1: guests seated;</li>
 * <li>soft 2: preferences (preferred zone, wasted seats, single tables over combinations, few moves).</li>
 * </ol>
 * Separate levels rather than one level with large multipliers: a level is compared only when all levels
 * before it are equal, so no number of guests or preferences can ever outweigh one more seated booking,
 * whatever the day's size, and there is no multiplier that could overflow.
 */
@PlanningSolution
public class SeatingPlan {

    private String restaurantId;
    private LocalDate date;
    private ZoneId timeZone;
    private Instant origin;
    private SolveMode mode;
    private int turnoverBufferMinutes;

    private List<Seating> seatings;
    private List<TableBlock> blocks;
    private List<PlannedBooking> bookings;

    private ConstraintWeightOverrides<BendableLongScore> constraintWeightOverrides = ConstraintWeightOverrides.none();

    /** A proven upper bound on the seated weight, when the solve knows one (phases stop early on reaching it). */
    private Long seatedWeightBound;

    @PlanningScore(bendableHardLevelsSize = SeatingScore.HARD_LEVELS, bendableSoftLevelsSize = SeatingScore.SOFT_LEVELS)
    private BendableLongScore score;

    /** For Timefold's cloner. */
    public SeatingPlan() {
    }

    /**
     * @param origin the instant of the service date's local midnight: all minutes count from it
     */
    public SeatingPlan(String restaurantId, LocalDate date, ZoneId timeZone, Instant origin, SolveMode mode,
            int turnoverBufferMinutes, List<Seating> seatings, List<TableBlock> blocks, List<PlannedBooking> bookings) {
        this.restaurantId = restaurantId;
        this.date = date;
        this.timeZone = timeZone;
        this.origin = origin;
        this.mode = mode;
        this.turnoverBufferMinutes = turnoverBufferMinutes;
        this.seatings = seatings;
        this.blocks = blocks;
        this.bookings = bookings;
    }

    public String getRestaurantId() {
        return restaurantId;
    }

    public LocalDate getDate() {
        return date;
    }

    public ZoneId getTimeZone() {
        return timeZone;
    }

    public Instant getOrigin() {
        return origin;
    }

    public SolveMode getMode() {
        return mode;
    }

    public int getTurnoverBufferMinutes() {
        return turnoverBufferMinutes;
    }

    @ProblemFactCollectionProperty
    public List<Seating> getSeatings() {
        return seatings;
    }

    @ProblemFactCollectionProperty
    public List<TableBlock> getBlocks() {
        return blocks;
    }

    @PlanningEntityCollectionProperty
    public List<PlannedBooking> getBookings() {
        return bookings;
    }

    public ConstraintWeightOverrides<BendableLongScore> getConstraintWeightOverrides() {
        return constraintWeightOverrides;
    }

    public void setConstraintWeightOverrides(ConstraintWeightOverrides<BendableLongScore> constraintWeightOverrides) {
        this.constraintWeightOverrides = constraintWeightOverrides;
    }

    /** The physical tables: one more than the highest table index any seating uses. */
    public int tableCount() {
        int count = 0;
        for (Seating seating : seatings) {
            for (int table : seating.tableIndexArray()) {
                count = Math.max(count, table + 1);
            }
        }
        return count;
    }

    /** True when a hold or block on one of the seating's tables overlaps the booking's time. */
    public boolean isBlocked(Seating seating, PlannedBooking booking) {
        for (TableBlock block : blocks) {
            if (seating.usesTable(block.tableIndex()) && booking.overlaps(block.start(), block.end())) {
                return true;
            }
        }
        return false;
    }

    public Long getSeatedWeightBound() {
        return seatedWeightBound;
    }

    public void setSeatedWeightBound(Long seatedWeightBound) {
        this.seatedWeightBound = seatedWeightBound;
    }

    public BendableLongScore getScore() {
        return score;
    }

    public void setScore(BendableLongScore score) {
        this.score = score;
    }
}
