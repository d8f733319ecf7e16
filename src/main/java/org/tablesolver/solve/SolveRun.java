package org.tablesolver.solve;

import java.time.Instant;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;
import org.tablesolver.solver.EndedBy;
import org.tablesolver.solver.SolveMode;

/**
 * One row of the audit table {@code solve_run}: a finished solve, whatever its outcome. A COMMITTED row is
 * written in the same transaction as the plan; the others after the solve ended. Refused requests (400,
 * 404) leave no row.
 */
public record SolveRun(
        String solveId,
        String restaurantId,
        @Schema(example = "2026-12-04") LocalDate date,
        SolveMode mode,
        String config,
        SolveStatus status,
        @Schema(nullable = true) String score,
        Integer seated,
        Integer unseated,
        Integer newlyConfirmed,
        Integer moved,
        Long bound,
        Double gap,
        Boolean proven,
        @Schema(nullable = true) EndedBy endedBy,
        int attempts,
        @Schema(nullable = true) String error,
        Instant requestedAt,
        @Schema(nullable = true) Instant startedAt,
        @Schema(nullable = true) Instant finishedAt,
        @com.fasterxml.jackson.annotation.JsonIgnore @io.swagger.v3.oas.annotations.Hidden String stateAfter,
        @com.fasterxml.jackson.annotation.JsonIgnore @io.swagger.v3.oas.annotations.Hidden String blockers) {
}
