package org.tablesolver.solver.search;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;

import java.util.ArrayList;
import java.util.List;

/**
 * A compound move being built: the bookings it changes and where each goes. Bookings join unplaced, so
 * that their current seats count as free while the rest of the move is worked out.
 */
final class MoveDraft {

    static final Seating UNPLACED = new Seating("(unplaced)", -1, List.of("-"), new int[0], 0, 0, null,
            false, false, -1);

    private final List<PlannedBooking> bookings = new ArrayList<>();
    private final List<Seating> seatings = new ArrayList<>();
    private final int[] stamps;
    private final int stamp;

    /** Created by {@link OccupancyIndex#newDraft()}: {@code stamps[position] == stamp} marks a member. */
    MoveDraft(int[] stamps, int stamp) {
        this.stamps = stamps;
        this.stamp = stamp;
    }

    void add(PlannedBooking booking, Seating seating) {
        bookings.add(booking);
        seatings.add(seating);
        stamps[booking.getPosition()] = stamp;
    }

    void addUnplaced(PlannedBooking booking) {
        add(booking, UNPLACED);
    }

    void place(PlannedBooking booking, Seating seating) {
        for (int i = 0; i < bookings.size(); i++) {
            if (bookings.get(i) == booking) {
                seatings.set(i, seating);
                return;
            }
        }
        throw new IllegalStateException("Booking " + booking.getId() + " is not in the move");
    }

    boolean contains(PlannedBooking booking) {
        return stamps[booking.getPosition()] == stamp;
    }

    List<PlannedBooking> bookings() {
        return bookings;
    }

    int size() {
        return bookings.size();
    }

    void truncate(int size) {
        while (bookings.size() > size) {
            stamps[bookings.remove(bookings.size() - 1).getPosition()] = 0;
            seatings.remove(seatings.size() - 1);
        }
    }

    /** True when a booking already placed by this move uses a table of candidate at booking's time. */
    boolean clashesWithPlaced(Seating candidate, PlannedBooking booking) {
        for (int i = 0; i < bookings.size(); i++) {
            Seating placed = seatings.get(i);
            if (placed != UNPLACED && placed != null && placed.sharesTableWith(candidate)
                    && bookings.get(i).overlaps(booking)) {
                return true;
            }
        }
        return false;
    }

    /** The move; bookings still unplaced are unseated by it. */
    EjectionMove toMove() {
        List<Seating> destinations = new ArrayList<>(seatings.size());
        for (Seating seating : seatings) {
            destinations.add(seating == UNPLACED ? null : seating);
        }
        return new EjectionMove(bookings, destinations);
    }
}
