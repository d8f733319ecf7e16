package org.tablesolver.batch;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.tablesolver.solve.SolveStatus;
import org.tablesolver.solver.SolveMode;

/**
 * A batch as it is now.
 *
 * @param counts   solves by status (every status, zeros included)
 * @param finished true once every solve has ended
 */
public record BatchView(String batchId, LocalDate date, String origin, SolveMode mode, String config,
                        Instant requestedAt, boolean finished, Map<SolveStatus, Integer> counts,
                        List<BatchSolve> solves) {

    /** One solve of a batch. */
    public record BatchSolve(String restaurantId, String solveId, SolveStatus status) {
    }
}
