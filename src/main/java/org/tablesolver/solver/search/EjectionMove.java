package org.tablesolver.solver.search;

import org.tablesolver.solver.model.PlannedBooking;
import org.tablesolver.solver.model.Seating;
import org.tablesolver.solver.model.SeatingPlan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import ai.timefold.solver.core.api.score.director.ScoreDirector;
import ai.timefold.solver.core.impl.heuristic.move.AbstractMove;

/**
 * Seats one booking on a seating and reseats (or unseats) whoever sat on those tables at that time:
 * a compound change of several bookings at once. The solver evaluates it like any move and undoes it
 * automatically (Timefold 1.16+ records the variable changes).
 */
final class EjectionMove extends AbstractMove<SeatingPlan> {

    private final PlannedBooking[] bookings;
    private final Seating[] seatings;

    EjectionMove(List<PlannedBooking> bookings, List<Seating> seatings) {
        this.bookings = bookings.toArray(PlannedBooking[]::new);
        this.seatings = seatings.toArray(Seating[]::new);
    }

    @Override
    public boolean isMoveDoable(ScoreDirector<SeatingPlan> scoreDirector) {
        boolean changesSomething = false;
        for (int i = 0; i < bookings.length; i++) {
            if (bookings[i].isPinned()) {
                return false;
            }
            changesSomething |= bookings[i].getSeating() != seatings[i];
        }
        return changesSomething;
    }

    @Override
    protected void doMoveOnGenuineVariables(ScoreDirector<SeatingPlan> scoreDirector) {
        for (int i = 0; i < bookings.length; i++) {
            scoreDirector.beforeVariableChanged(bookings[i], PlannedBooking.SEATING);
            bookings[i].setSeating(seatings[i]);
            scoreDirector.afterVariableChanged(bookings[i], PlannedBooking.SEATING);
        }
    }

    @Override
    public Collection<PlannedBooking> getPlanningEntities() {
        return Arrays.asList(bookings);
    }

    @Override
    public Collection<Seating> getPlanningValues() {
        List<Seating> values = new ArrayList<>(seatings.length);
        for (Seating seating : seatings) {
            if (seating != null) {
                values.add(seating);
            }
        }
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EjectionMove move
                && Arrays.equals(bookings, move.bookings) && Arrays.equals(seatings, move.seatings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(bookings), Arrays.hashCode(seatings));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("Eject[");
        for (int i = 0; i < bookings.length; i++) {
            text.append(i == 0 ? "" : ", ").append(bookings[i].getId()).append(" -> ").append(seatings[i]);
        }
        return text.append(']').toString();
    }
}
