package org.tablesolver.availability;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of online booking ({@code tablesolver.booking.*}).
 *
 * @param exactBudget  the exact check's budget per slot, in CP-SAT deterministic seconds (about a second of
 *                     work each on this machine's class); a slot it cannot decide within it is NOT_PROVEN
 * @param searchNodes  nodes of the short reshuffle search before the exact check
 * @param exactNodes   nodes of the exact chronological search before CP-SAT takes over
 * @param maxAttempts  attempts of a confirmation or hold whose write met a concurrent change (a cancelled or
 *                     moved booking, a table taken on a neighbouring day) before it answers 409
 * @param availabilityCacheSize availability answers kept (by restaurant-day and question, for the latest version)
 * @param cellsKept    cells (a party at a start) kept by the digest of what they depend on
 * @param daysKept     restaurant-days kept loaded at their latest version
 * @param workers      threads that compute availability (0: the processors + 1)
 * @param maxQueued    availability computations waiting in all; beyond it a request is 503 with Retry-After
 * @param maxQueuedPerRestaurant availability computations of one restaurant waiting; beyond it 503 too
 * @param maxWait      longest a request waits for its answer; then 503 with Retry-After (the work stops when
 *                     nobody waits for it any more)
 * @param maxSlots     most start times one availability request may ask about (400 naming {@code to} beyond)
 * @param maxCalendarDays most dates of one calendar request (400 naming {@code to} beyond)
 */
@ConfigurationProperties("tablesolver.booking")
record OnlineBookingProperties(
        @DefaultValue("0.5") double exactBudget,
        @DefaultValue("4000") int searchNodes,
        @DefaultValue("50000") int exactNodes,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2000") int availabilityCacheSize,
        @DefaultValue("50000") int cellsKept,
        @DefaultValue("500") int daysKept,
        @DefaultValue("0") int workers,
        @DefaultValue("256") int maxQueued,
        @DefaultValue("32") int maxQueuedPerRestaurant,
        @DefaultValue("10s") Duration maxWait,
        @DefaultValue("200") int maxSlots,
        @DefaultValue("62") int maxCalendarDays) {

    OnlineBookingProperties {
        if (exactBudget <= 0 || searchNodes < 0 || exactNodes < 0 || maxAttempts < 1 || availabilityCacheSize < 0
                || cellsKept < 0 || daysKept < 0 || workers < 0 || maxQueued < 1 || maxQueuedPerRestaurant < 1
                || maxWait.isNegative() || maxWait.isZero() || maxSlots < 1 || maxCalendarDays < 1) {
            throw new IllegalArgumentException("tablesolver.booking.*: exact-budget > 0, search-nodes >= 0, "
                    + "max-attempts >= 1, cache sizes >= 0, workers >= 0, max-queued >= 1, max-wait > 0, "
                    + "max-slots >= 1 and max-calendar-days >= 1 required");
        }
    }

    SeatingCheck.Budget budget() {
        return new SeatingCheck.Budget(searchNodes, 3, exactNodes, exactBudget);
    }

    int workersOrDefault() {
        return workers > 0 ? workers : Runtime.getRuntime().availableProcessors() + 1;
    }
}
