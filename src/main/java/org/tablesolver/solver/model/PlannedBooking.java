package org.tablesolver.solver.model;

import java.util.List;

import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.lookup.PlanningId;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;

/**
 * The planning entity: one booking of the day and the seating the solver gives it (null = unseated).
 * Times are minutes from the service date's local midnight; {@code end} includes the turnover buffer.
 */
@PlanningEntity(comparatorClass = PlannedBookingDifficulty.class)
public class PlannedBooking {

    public static final String SEATING = "seating";

    private String id;
    private int start;
    private int durationMinutes;
    private int end;
    private int partySize;
    private int priority;
    private String preferredZone;
    private String requiredZone;
    private BookingState state;
    private Seating originalSeating;
    private boolean mustStaySeated;
    private boolean pinned;
    private List<Seating> fittingSeatings;
    private boolean capacityHold;
    private PacingSlot pacingSlot;

    private Seating seating;

    /** Position in {@link SeatingPlan#getBookings()}, set by {@link SeatingPlanBuilder}. */
    private int position = -1;

    /** For Timefold's cloner. */
    public PlannedBooking() {
    }

    /**
     * @param originalSeating where a CONFIRMED or SEATED booking sits before the solve, else null
     * @param mustStaySeated a hard rule forbids leaving it unseated (confirmed bookings when re-optimizing)
     * @param pinned the solver may not change its seating
     * @param fittingSeatings its value range: the seatings it may be given
     */
    public PlannedBooking(String id, int start, int durationMinutes, int end, int partySize, int priority,
            String preferredZone, String requiredZone, BookingState state, Seating originalSeating,
            boolean mustStaySeated, boolean pinned, List<Seating> fittingSeatings) {
        this.id = id;
        this.start = start;
        this.durationMinutes = durationMinutes;
        this.end = end;
        this.partySize = partySize;
        this.priority = priority;
        this.preferredZone = preferredZone;
        this.requiredZone = requiredZone;
        this.state = state;
        this.originalSeating = originalSeating;
        this.mustStaySeated = mustStaySeated;
        this.pinned = pinned;
        this.fittingSeatings = List.copyOf(fittingSeatings);
        this.seating = originalSeating;
    }

    /**
     * The pacing slot this booking starts in, with the covers that slot allows; null when the day has no pacing
     * limit. Bookings of one slot share an equal {@link PacingSlot}.
     */
    public record PacingSlot(int index, int allowance) {
    }

    /** Marks an active capacity hold: room kept for a party, never written as an assignment. */
    void setCapacityHold(boolean capacityHold) {
        this.capacityHold = capacityHold;
    }

    public boolean isCapacityHold() {
        return capacityHold;
    }

    void setPacingSlot(PacingSlot pacingSlot) {
        this.pacingSlot = pacingSlot;
    }

    public PacingSlot getPacingSlot() {
        return pacingSlot;
    }

    public int getPosition() {
        return position;
    }

    void setPosition(int position) {
        this.position = position;
    }

    @PlanningId
    public String getId() {
        return id;
    }

    public int getStart() {
        return start;
    }

    public int getDurationMinutes() {
        return durationMinutes;
    }

    /** Exclusive end of the occupied interval: start + duration + turnover buffer. */
    public int getEnd() {
        return end;
    }

    public int getPartySize() {
        return partySize;
    }

    public int getPriority() {
        return priority;
    }

    /** How much seating this booking counts for: 1 + priority. */
    public int getSeatingWeight() {
        return 1 + priority;
    }

    public String getPreferredZone() {
        return preferredZone;
    }

    public String getRequiredZone() {
        return requiredZone;
    }

    public BookingState getState() {
        return state;
    }

    public Seating getOriginalSeating() {
        return originalSeating;
    }

    public boolean isMustStaySeated() {
        return mustStaySeated;
    }

    @PlanningPin
    public boolean isPinned() {
        return pinned;
    }

    @ValueRangeProvider
    public List<Seating> getFittingSeatings() {
        return fittingSeatings;
    }

    @PlanningVariable(allowsUnassigned = true)
    public Seating getSeating() {
        return seating;
    }

    public void setSeating(Seating seating) {
        this.seating = seating;
    }

    public boolean isSeated() {
        return seating != null;
    }

    /** True when both occupied intervals overlap (back-to-back does not). */
    public boolean overlaps(PlannedBooking other) {
        return start < other.end && other.start < end;
    }

    public boolean overlaps(int otherStart, int otherEnd) {
        return start < otherEnd && otherStart < end;
    }

    @Override
    public String toString() {
        return id + (seating == null ? "" : "@" + seating.getId());
    }
}
