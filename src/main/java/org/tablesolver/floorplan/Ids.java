package org.tablesolver.floorplan;

import java.util.ArrayList;
import java.util.List;

import org.tablesolver.web.Problems;

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

    /**
     * Checks a list of restaurant ids (each valid, none twice), reporting {@code field[i]}; returns the good ones.
     * A restaurant that does not exist yet is allowed: keys and subscriptions may be made before their restaurant.
     */
    public static List<String> checkRestaurants(List<String> ids, String field, Problems problems) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (problems.check(isValid(id), field + "[" + i + "]", MESSAGE)
                    && problems.check(!seen.contains(id), field + "[" + i + "]", "is given twice")) {
                seen.add(id);
            }
        }
        return seen;
    }
}
