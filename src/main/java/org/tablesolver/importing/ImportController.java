package org.tablesolver.importing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.tablesolver.web.Statuses;

@RestController
@Tag(name = "Import")
class ImportController {

    private final ImportService service;

    ImportController(ImportService service) {
        this.service = service;
    }

    @PostMapping("/api/import")
    @Operation(operationId = "importDocument", summary = "Create or replace floor plans and create PENDING bookings, all or nothing",
            description = "Body: {\"restaurant\": {...floor plan with id...}, \"bookings\": [...]} or "
                    + "{\"restaurants\": [{\"restaurant\": ..., \"bookings\": ...}, ...]}; other top-level "
                    + "properties (e.g. \"date\") are ignored. Same rules as PUT /api/restaurants/{id} and "
                    + "POST .../bookings; any refusal changes nothing.")
    @Statuses(errors = 409)
    ImportResult importDocument(@RequestBody ImportDocument document) {
        return service.importDocument(document);
    }
}
