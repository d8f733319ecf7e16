package org.tablesolver.batch;

import java.net.URI;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.security.RestaurantAccess;
import org.tablesolver.web.NotFoundException;
import org.tablesolver.web.RequestValidator;
import org.tablesolver.web.Statuses;

@RestController
@Tag(name = "Batches", description = "Solve many restaurants of a date together (a night's run)")
class BatchController {

    private final BatchService batches;
    private final RequestValidator validator;

    BatchController(BatchService batches, RequestValidator validator) {
        this.batches = batches;
        this.validator = validator;
    }

    @PostMapping("/api/batches")
    @Operation(operationId = "createBatch", summary = "Accept one solve per restaurant of a date",
            description = "All or none: every solve is persisted before the 202. Omitted restaurants: every "
                    + "restaurant with bookings that day that the API key may see. Follow it with GET "
                    + "/api/batches/{batchId}.")
    @Statuses(success = 202, errors = {404, 429, 503})
    ResponseEntity<BatchView> create(@RequestBody BatchRequest request) {
        validator.validate(request, "");
        if (request.restaurants() != null) {
            request.restaurants().forEach(r -> RestaurantAccess.check(r, "restaurants"));
        }
        BatchView batch = batches.create(request.date(), request.restaurants(), RestaurantAccess.visibleRestaurants(),
                request.mode(), request.config(), BatchService.Origin.API);
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/batches/" + batch.batchId()))
                .body(batch);
    }

    @GetMapping("/api/batches/{batchId}")
    @Operation(operationId = "getBatch", summary = "A batch: its solves and how many are in each status")
    BatchView get(@PathVariable String batchId) {
        BatchView batch = batches.find(batchId).orElseThrow(() -> new NotFoundException("batchId",
                "Batch '" + batchId + "' does not exist."));
        batch.solves().forEach(solve -> RestaurantAccess.check(solve.restaurantId(), "batchId"));
        return batch;
    }
}
