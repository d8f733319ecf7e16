package org.tablesolver.solve;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tablesolver.solver.SolveMode;

/** The optional body of {@code POST /api/restaurants/{id}/days/{date}/solve}. */
record SolveRequest(
        @Schema(description = "PENDING_ONLY (default): seat pending bookings around confirmed ones; REOPTIMIZE: "
                + "confirmed bookings may move to other tables, never losing their seat")
        SolveMode mode,
        @Schema(description = "Solver configuration name (a file in solver-config/); default: \"default\"",
                example = "default")
        String config) {
}
