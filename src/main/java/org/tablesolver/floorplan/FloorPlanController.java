package org.tablesolver.floorplan;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/restaurants")
@Tag(name = "Restaurants", description = "Floor plans: zones, tables, combinations")
class FloorPlanController {

    private final FloorPlanService service;

    FloorPlanController(FloorPlanService service) {
        this.service = service;
    }

    @GetMapping
    @Operation(summary = "List restaurants")
    List<RestaurantSummary> list() {
        return service.list();
    }

    @GetMapping("/{restaurantId}")
    @Operation(summary = "Get a restaurant's floor plan")
    FloorPlan get(@PathVariable String restaurantId) {
        return service.get(restaurantId);
    }

    @PutMapping("/{restaurantId}")
    @Operation(summary = "Create a restaurant or replace its floor plan",
            description = "409 (nothing changed) when a CONFIRMED or SEATED booking would lose its seating "
                    + "(removed, other member tables, out of service, or too small/large for the party), or when "
                    + "the time zone changes while bookings exist that are not cancelled.")
    FloorPlan put(@PathVariable String restaurantId, @RequestBody FloorPlan plan) {
        return service.replace(restaurantId, plan).plan();
    }
}
