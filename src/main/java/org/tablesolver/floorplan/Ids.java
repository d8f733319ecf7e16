package org.tablesolver.floorplan;

/** The shape of ids that appear in URLs: restaurants, bookings. */
public final class Ids {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._~-]{0,63}";
    public static final String MESSAGE =
            "must be 1 to 64 characters: letters, digits, '.', '_', '~' or '-', starting with a letter or digit";

    private Ids() {
    }

    public static boolean isValid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
