package org.tablesolver.floorplan;

import java.net.URI;
import java.util.List;

import org.tablesolver.security.RestaurantAccess;
import org.springframework.http.ResponseEntity;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.web.Statuses;

@RestController
@RequestMapping("/api/restaurants")
@Tag(name = "Restaurants", description = "Floor plans: zones, tables, combinations")
class FloorPlanController {

    private final FloorPlanService service;
    private final PlanReseater reseater;

    FloorPlanController(FloorPlanService service, PlanReseater reseater) {
        this.service = service;
        this.reseater = reseater;
    }

    @GetMapping
    @Operation(operationId = "listRestaurants", summary = "List restaurants")
    List<RestaurantSummary> list() {
        return service.list().stream().filter(restaurant -> RestaurantAccess.allows(restaurant.id())).toList();
    }

    @GetMapping("/{restaurantId}")
    @Operation(operationId = "getFloorPlan", summary = "Get a restaurant's floor plan")
    FloorPlan get(@PathVariable String restaurantId) {
        return service.get(restaurantId);
    }

    @PutMapping("/{restaurantId}")
    @Operation(operationId = "putFloorPlan", summary = "Create a restaurant (201) or replace its floor plan (200)",
            description = "409 (nothing changed) when a CONFIRMED or SEATED booking would lose its seating "
                    + "(removed, other member tables, out of service, or too small/large for the party), or when "
                    + "the time zone changes while bookings exist that are not cancelled. With reseat=true, future "
                    + "CONFIRMED bookings that would lose their seating are re-seated in the same transaction "
                    + "(409 naming those that cannot be).")
    @Statuses(success = {200, 201}, errors = 409)
    ResponseEntity<FloorPlan> put(@PathVariable String restaurantId, @RequestBody FloorPlan plan,
                                  @RequestParam(defaultValue = "false") boolean reseat) {
        FloorPlanService.Replaced replaced = reseat ? reseater.replaceReseating(restaurantId, plan)
                : service.replace(restaurantId, plan);
        if (replaced.created()) {
            return ResponseEntity.created(URI.create("/api/restaurants/" + restaurantId)).body(replaced.plan());
        }
        return ResponseEntity.ok(replaced.plan());
    }
}
