package org.tablesolver.solver.search;

import org.tablesolver.solver.model.SeatingPlanBuilder;
import org.tablesolver.solver.model.TableBlock;
import org.tablesolver.solver.model.SeatingPlan;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.PlannedBooking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Who sits on which physical table, by start time: answers "who occupies this seating's tables during
 * this interval" by a binary search per table instead of a scan of the day.
 * <p>
 * It is a snapshot of the plan's seatings; {@link #refresh()} brings it up to date in one pass that
 * only touches the bookings whose seating changed since, so it is cheap to call at every step.
 */
public final class OccupancyIndex {

    private static final Comparator<PlannedBooking> BY_START =
            Comparator.comparingInt(PlannedBooking::getStart).thenComparing(PlannedBooking::getId);

    private final List<PlannedBooking> bookings;
    private final Seating[] indexedSeating;
    private final List<List<PlannedBooking>> bookingsByTable;
    private final List<List<TableBlock>> holdsByTable;
    private final List<PlannedBooking> unseated = new ArrayList<>();
    private final int longestOccupancy;
    private final boolean anyHolds;
    /** Marks the bookings of the move being built ({@link MoveDraft}): one slot per booking position. */
    private final int[] draftStamps;
    private int lastDraftStamp;
    /** False while the constructor indexes every booking once; a null seating then means "not indexed yet". */
    private boolean initialized;

    public OccupancyIndex(SeatingPlan plan) {
        int tableCount = plan.tableCount();
        bookingsByTable = new ArrayList<>(tableCount);
        holdsByTable = new ArrayList<>(tableCount);
        for (int i = 0; i < tableCount; i++) {
            bookingsByTable.add(new ArrayList<>());
            holdsByTable.add(new ArrayList<>(0));
        }
        for (TableBlock block : plan.getBlocks()) {
            holdsByTable.get(block.tableIndex()).add(block);
        }
        bookings = plan.getBookings();
        for (int i = 0; i < bookings.size(); i++) {
            if (bookings.get(i).getPosition() != i) {
                throw new IllegalArgumentException("Booking " + bookings.get(i).getId()
                        + " is not at its position: build plans with SeatingPlanBuilder");
            }
        }
        indexedSeating = new Seating[bookings.size()];
        draftStamps = new int[bookings.size()];
        anyHolds = !plan.getBlocks().isEmpty();
        int longest = 0;
        for (PlannedBooking booking : bookings) {
            longest = Math.max(longest, booking.getEnd() - booking.getStart());
        }
        longestOccupancy = longest;
        for (int i = 0; i < indexedSeating.length; i++) {
            reindex(i);
        }
        initialized = true;
    }

    /** Re-reads every booking's seating, updating the tables of those that changed. */
    void refresh() {
        for (int i = 0; i < indexedSeating.length; i++) {
            if (bookings.get(i).getSeating() != indexedSeating[i]) {
                reindex(i);
            }
        }
    }

    /** Indexes one booking whose seating just changed, without a pass over the day. */
    void update(PlannedBooking booking) {
        reindex(booking.getPosition());
    }

    /** A new, empty move draft that this index can test membership of in constant time. */
    MoveDraft newDraft() {
        lastDraftStamp++;
        return new MoveDraft(draftStamps, lastDraftStamp);
    }

    private void reindex(int i) {
        PlannedBooking booking = bookings.get(i);
        Seating current = booking.getSeating();
        Seating indexed = indexedSeating[i];
        if (indexed != null) {
            for (int table : indexed.tableIndexArray()) {
                remove(bookingsByTable.get(table), booking);
            }
        } else if (initialized) {
            remove(unseated, booking);
        }
        if (current != null) {
            for (int table : current.tableIndexArray()) {
                insert(bookingsByTable.get(table), booking);
            }
        } else {
            insert(unseated, booking);
        }
        indexedSeating[i] = current;
    }

    /** Unseated bookings whose occupancy overlaps [start, end). */
    List<PlannedBooking> unseatedDuring(int start, int end) {
        List<PlannedBooking> found = new ArrayList<>();
        for (int i = firstStartingAtOrAfter(unseated, start - longestOccupancy); i < unseated.size(); i++) {
            PlannedBooking booking = unseated.get(i);
            if (booking.getStart() >= end) {
                break;
            }
            if (booking.getEnd() > start) {
                found.add(booking);
            }
        }
        return found;
    }

    /**
     * Minutes the seating's tables stand idle right before {@code start}: since the latest end of a
     * booking on any of them that ends by then, or since {@code start - horizon} if none does.
     */
    int idleBefore(Seating seating, int start, int horizon) {
        int latestEnd = start - horizon;
        for (int table : seating.tableIndexArray()) {
            List<PlannedBooking> onTable = bookingsByTable.get(table);
            for (int i = firstStartingAtOrAfter(onTable, start - longestOccupancy); i < onTable.size(); i++) {
                PlannedBooking other = onTable.get(i);
                if (other.getStart() >= start) {
                    break;
                }
                if (other.getEnd() <= start) {
                    latestEnd = Math.max(latestEnd, other.getEnd());
                }
            }
        }
        return start - latestEnd;
    }

    /** Bookings other than {@code self} seated on a table of {@code seating} during [start, end). */
    public List<PlannedBooking> occupants(Seating seating, int start, int end, PlannedBooking self) {
        List<PlannedBooking> occupants = new ArrayList<>(2);
        for (int table : seating.tableIndexArray()) {
            List<PlannedBooking> onTable = bookingsByTable.get(table);
            for (int i = firstStartingAtOrAfter(onTable, start - longestOccupancy); i < onTable.size(); i++) {
                PlannedBooking other = onTable.get(i);
                if (other.getStart() >= end) {
                    break;
                }
                if (other != self && other.getEnd() > start && !containsIdentity(occupants, other)) {
                    occupants.add(other);
                }
            }
        }
        return occupants;
    }

    /**
     * True when nobody outside {@code draft} sits on the seating's tables during [start, end). Bookings in
     * the draft are being reseated by the same move, so their current seats do not count.
     */
    boolean isFreeExcept(Seating seating, int start, int end, MoveDraft draft) {
        for (int table : seating.tableIndexArray()) {
            List<PlannedBooking> onTable = bookingsByTable.get(table);
            for (int i = firstStartingAtOrAfter(onTable, start - longestOccupancy); i < onTable.size(); i++) {
                PlannedBooking other = onTable.get(i);
                if (other.getStart() >= end) {
                    break;
                }
                if (other.getEnd() > start && (draft == null || !draft.contains(other))) {
                    return false;
                }
            }
        }
        return true;
    }

    boolean isHeld(Seating seating, int start, int end) {
        if (!anyHolds) {
            return false;
        }
        for (int table : seating.tableIndexArray()) {
            for (TableBlock block : holdsByTable.get(table)) {
                if (block.start() < end && start < block.end()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Holds on a table of {@code seating} during [start, end). */
    public List<TableBlock> holdsOn(Seating seating, int start, int end) {
        List<TableBlock> holds = new ArrayList<>(1);
        for (int table : seating.tableIndexArray()) {
            for (TableBlock block : holdsByTable.get(table)) {
                if (block.start() < end && start < block.end() && !holds.contains(block)) {
                    holds.add(block);
                }
            }
        }
        return holds;
    }

    private static void insert(List<PlannedBooking> onTable, PlannedBooking booking) {
        onTable.add(positionOf(onTable, booking), booking);
    }

    /** Binary search by (start, id), so removal stays logarithmic on the long lists of unseated bookings. */
    private static void remove(List<PlannedBooking> onTable, PlannedBooking booking) {
        int i = positionOf(onTable, booking);
        if (i >= onTable.size() || onTable.get(i) != booking) {
            throw new IllegalStateException("Booking " + booking.getId() + " is not indexed on its former table");
        }
        onTable.remove(i);
    }

    /** Where {@code booking} is, or would be inserted, in a list sorted by (start, id). */
    private static int positionOf(List<PlannedBooking> sorted, PlannedBooking booking) {
        int low = 0;
        int high = sorted.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (BY_START.compare(sorted.get(middle), booking) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    static boolean containsIdentity(List<PlannedBooking> list, PlannedBooking booking) {
        for (PlannedBooking element : list) {
            if (element == booking) {
                return true;
            }
        }
        return false;
    }

    private static int firstStartingAtOrAfter(List<PlannedBooking> sortedByStart, int start) {
        int low = 0;
        int high = sortedByStart.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (sortedByStart.get(middle).getStart() < start) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }
}
