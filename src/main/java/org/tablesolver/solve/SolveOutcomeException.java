package org.tablesolver.solve;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.tablesolver.web.ApiException;

/**
 * A synchronous solve that ended without committing: 409 when it kept conflicting with concurrent changes
 * or was cancelled, 500 when it failed (the day unchanged either way); 503 when its outcome could not be learnt
 * (the database unreachable: the solve runs again by itself and commits at most once). The detail names the solve.
 */
class SolveOutcomeException extends ApiException {

    SolveOutcomeException(SolveView view) {
        super(status(view), view.status().finished()
                        ? "Solve " + view.solveId() + " of " + view.restaurantId() + " on " + view.date() + " ended "
                        + view.status() + ": " + view.error() + " See GET /api/solves/" + view.solveId() + "."
                        : "Solve " + view.solveId() + " of " + view.restaurantId() + " on " + view.date() + " has not "
                        + "ended (" + view.status() + "). " + (view.error() == null ? "" : view.error() + " ")
                        + "See GET /api/solves/" + view.solveId() + ".",
                List.of());
        withProperty("solveId", view.solveId());
        if (!view.status().finished()) {
            retryAfter(10);
        }
    }

    private static HttpStatus status(SolveView view) {
        if (!view.status().finished()) {
            return HttpStatus.SERVICE_UNAVAILABLE; // outcome unknown for now; the solve carries on by itself
        }
        return view.status() == SolveStatus.FAILED ? HttpStatus.INTERNAL_SERVER_ERROR : HttpStatus.CONFLICT;
    }
}
