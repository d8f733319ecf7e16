package org.tablesolver.solve;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.tablesolver.web.ApiException;

/**
 * A synchronous solve that ended without committing: 409 when it kept conflicting with concurrent changes
 * or was cancelled, 500 when it failed. The day is unchanged either way; the detail names the solve.
 */
class SolveOutcomeException extends ApiException {

    SolveOutcomeException(SolveView view) {
        super(view.status() == SolveStatus.FAILED ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.CONFLICT,
                "Solve " + view.solveId() + " of " + view.restaurantId() + " on " + view.date() + " ended "
                        + view.status() + ": " + view.error() + " See GET /api/solves/" + view.solveId() + ".",
                List.of());
    }
}
