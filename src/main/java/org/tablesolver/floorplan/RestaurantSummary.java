package org.tablesolver.floorplan;

/** One line of {@code GET /api/restaurants}. */
public record RestaurantSummary(String id, String name, String timeZone, int turnoverBufferMinutes,
                                int tables, int combinations) {
}
