package org.tablesolver.hold;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.web.Statuses;

@RestController
@RequestMapping("/api/restaurants/{restaurantId}/holds")
@Tag(name = "Holds", description = "Short-lived table holds placed by a booking flow; expired holds block nothing")
class HoldController {

    private final HoldService service;

    HoldController(HoldService service) {
        this.service = service;
    }

    @PostMapping
    @Operation(operationId = "placeHold", summary = "Hold a table for a few minutes",
            description = "409 when the table is out of service, assigned or held at that time.")
    @Statuses(success = 201, errors = 409)
    ResponseEntity<Hold> place(@PathVariable String restaurantId, @RequestBody HoldRequest request) {
        Hold hold = service.place(restaurantId, request);
        return ResponseEntity.created(URI.create("/api/restaurants/" + restaurantId + "/holds/" + hold.id()))
                .body(hold);
    }

    @GetMapping
    @Operation(operationId = "listHolds", summary = "List the active holds")
    List<Hold> list(@PathVariable String restaurantId) {
        return service.list(restaurantId);
    }

    @DeleteMapping("/{holdId}")
    @Operation(operationId = "releaseHold", summary = "Release a hold", description = "204; 404 when unknown or already expired.")
    @Statuses(success = 204)
    ResponseEntity<Void> release(@PathVariable String restaurantId, @PathVariable String holdId) {
        service.release(restaurantId, holdId);
        return ResponseEntity.noContent().build();
    }
}
