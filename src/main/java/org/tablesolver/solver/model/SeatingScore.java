package org.tablesolver.solver.model;

import ai.timefold.solver.core.api.score.buildin.bendablelong.BendableLongScore;

/** The score levels of a {@link SeatingPlan}, named. */
public final class SeatingScore {

    public static final int HARD_LEVELS = 1;
    public static final int SOFT_LEVELS = 3;

    public static final int SEATED_BOOKINGS_LEVEL = 0;
    public static final int SEATED_GUESTS_LEVEL = 1;
    public static final int PREFERENCES_LEVEL = 2;

    /** One unit on the hard level. */
    public static final BendableLongScore ONE_HARD = BendableLongScore.ofHard(HARD_LEVELS, SOFT_LEVELS, 0, 1);
    /** One unit on the level that counts seated bookings (weighted by 1 + priority). */
    public static final BendableLongScore ONE_BOOKING =
            BendableLongScore.ofSoft(HARD_LEVELS, SOFT_LEVELS, SEATED_BOOKINGS_LEVEL, 1);
    /** One unit on the level that counts seated guests. */
    public static final BendableLongScore ONE_GUEST =
            BendableLongScore.ofSoft(HARD_LEVELS, SOFT_LEVELS, SEATED_GUESTS_LEVEL, 1);
    /** One unit on the preferences level. */
    public static final BendableLongScore ONE_PREFERENCE =
            BendableLongScore.ofSoft(HARD_LEVELS, SOFT_LEVELS, PREFERENCES_LEVEL, 1);

    private SeatingScore() {
    }

    public static long hard(BendableLongScore score) {
        return score.hardScore(0);
    }

    /** Minus the total weight (1 + priority) of the bookings left unseated. */
    public static long seatedBookings(BendableLongScore score) {
        return score.softScore(SEATED_BOOKINGS_LEVEL);
    }

    /** Minus the number of guests left unseated. */
    public static long seatedGuests(BendableLongScore score) {
        return score.softScore(SEATED_GUESTS_LEVEL);
    }

    public static long preferences(BendableLongScore score) {
        return score.softScore(PREFERENCES_LEVEL);
    }
}
