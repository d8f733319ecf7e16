package org.tablesolver.solver.model;

import ai.timefold.solver.core.api.domain.lookup.PlanningId;

/**
 * An active hold: a booking flow keeps one table free during {@code [start, end)} (minutes from the
 * service date's local midnight) while a guest completes a booking. A problem fact.
 */
public record TableBlock(
        @PlanningId String id,
        String tableId,
        int tableIndex,
        int cluster,
        int start,
        int end,
        String reference) {
}
