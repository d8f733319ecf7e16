package org.tablesolver.floorplan;

/**
 * Replaces a floor plan and re-seats, in the same transaction, the future CONFIRMED bookings it would strand
 * ({@code PUT /api/restaurants/{id}?reseat=true}); implemented where the exact check lives (the host's
 * actions), so the floor plan does not depend on it.
 */
public interface PlanReseater {

    /**
     * @throws org.tablesolver.web.ConflictException naming the bookings that cannot be re-seated (nothing changed)
     */
    FloorPlanService.Replaced replaceReseating(String restaurantId, FloorPlan plan);
}
