package org.tablesolver.batch;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tablesolver.solver.SolveMode;
import org.tablesolver.web.InYears;

/** The body of {@code POST /api/batches}: one solve per restaurant of a date. */
record BatchRequest(
        @Schema(description = "Service date", example = "2026-12-04") @NotNull @InYears LocalDate date,
        @Schema(description = "Restaurants to solve; omitted: every restaurant with bookings that day (that the API "
                + "key may see)")
        @Size(min = 1, max = 10000) List<@NotBlank String> restaurants,
        @Schema(description = "PENDING_ONLY (default) or REOPTIMIZE, for every solve") SolveMode mode,
        @Schema(description = "Solver configuration name for every solve; default: \"default\"") String config) {
}
