package org.tablesolver.changes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Change feed", description = "Every committed version of every booking, in commit order")
class ChangeController {

    private final ChangeFeed feed;

    ChangeController(ChangeFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/restaurants/{restaurantId}/changes")
    @Operation(operationId = "listChanges", summary = "The booking changes after a seq",
            description = "Every committed version of every booking of the restaurant (its creation included) "
                    + "appears once, seq increasing in commit order without gaps: a client that always asks after "
                    + "the last seq it saw (next) never misses one.")
    ChangePage changes(@PathVariable String restaurantId, @RequestParam(defaultValue = "0") long after,
                       @RequestParam(defaultValue = "500") int limit) {
        return feed.after(restaurantId, after, limit);
    }
}
