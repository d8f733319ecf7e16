package org.tablesolver.solve;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.tablesolver.web.InYears;
import org.tablesolver.security.RestaurantAccess;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.web.Statuses;

@RestController
@Tag(name = "Solving", description = "Seat a restaurant's day: load, solve, commit all or nothing")
class SolveController {

    private final SolveService service;

    SolveController(SolveService service) {
        this.service = service;
    }

    @PostMapping("/api/restaurants/{restaurantId}/days/{date}/solve")
    @Operation(operationId = "solveDay", summary = "Solve a restaurant-day and commit the plan",
            description = "Default: waits and answers 200 with the COMMITTED solve; 409 when it kept conflicting "
                    + "with concurrent changes (the day unchanged). With wait=false: 202 and Location "
                    + "/api/solves/{solveId} at once.")
    @Statuses(success = {200, 202}, errors = {409, 429, 500, 503})
    ResponseEntity<SolveView> solve(@PathVariable String restaurantId,
                                    @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @InYears LocalDate date,
                                    @RequestParam(defaultValue = "true") boolean wait,
                                    @RequestBody(required = false) SolveRequest request) {
        SolveRequest body = request == null ? new SolveRequest(null, null) : request;
        SolveJob job = service.submit(restaurantId, date, body.mode(), body.config(), null);
        if (!wait) {
            return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create("/api/solves/" + job.id()))
                    .body(job.view());
        }
        SolveView result = service.await(job);
        if (result.status() != SolveStatus.COMMITTED) {
            throw new SolveOutcomeException(result);
        }
        return ResponseEntity.ok(result);
    }

    @GetMapping("/api/solves/{solveId}")
    @Operation(operationId = "getSolve", summary = "A solve: status, best score so far and elapsed time; the full result once committed")
    SolveView get(@PathVariable String solveId) {
        return visible(solveId);
    }

    @GetMapping("/api/solves/{solveId}/unseated/{bookingId}/blockers")
    @Operation(operationId = "listUnseatedBlockers", summary = "Every blocker of a booking a solve left unseated, a page at a time",
            description = "A solve answer shows the first five blockers of each unseated booking and blockersTotal; "
                    + "this pages through all of them (limit 1-1000, default 100). Ask again with cursor=nextCursor; "
                    + "nextCursor is null on the last page. 404 when the solve left no such booking unseated.")
    SolveService.BlockerPage blockers(@PathVariable String solveId, @PathVariable String bookingId,
                                      @RequestParam(required = false) String cursor,
                                      @RequestParam(required = false) Integer limit) {
        return service.blockers(visible(solveId), bookingId, cursor, limit);
    }

    @DeleteMapping("/api/solves/{solveId}")
    @Operation(operationId = "stopSolve", summary = "Stop a solve early",
            description = "A running solve stops and commits its best plan so far (discard=true: commits nothing); "
                    + "a queued one is cancelled. Answers the solve once it ended; a finished solve is unchanged.")
    SolveView stop(@PathVariable String solveId, @RequestParam(defaultValue = "false") boolean discard) {
        visible(solveId);
        return service.stop(solveId, discard);
    }

    /** The solve, when it exists (404) and the request's key may see its restaurant (403). */
    private SolveView visible(String solveId) {
        SolveView solve = service.find(solveId).orElseThrow(() -> SolveService.unknownSolve(solveId));
        RestaurantAccess.check(solve.restaurantId(), "solveId");
        return solve;
    }

    @GetMapping("/api/solves")
    @Operation(operationId = "listSolves", summary = "Past solves from the audit table, latest first",
            description = "404 when restaurantId names no restaurant.")
    @Statuses(errors = 404)
    List<SolveRun> list(@RequestParam(required = false) String restaurantId,
                        @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @InYears LocalDate date,
                        @RequestParam(defaultValue = "100") int limit) {
        if (restaurantId != null) {
            RestaurantAccess.check(restaurantId, "restaurantId");
        }
        return service.list(restaurantId, RestaurantAccess.visibleRestaurants(), date, limit);
    }
}
