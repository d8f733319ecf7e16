package org.tablesolver.availability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of online booking ({@code tablesolver.booking.*}).
 *
 * @param exactBudget  the exact check's budget per slot, in CP-SAT deterministic seconds (about a second of
 *                     work each on this machine's class); a slot it cannot decide within it is NOT_PROVEN
 * @param searchNodes  nodes of the short reshuffle search before the exact check
 * @param exactNodes   nodes of the exact chronological search before CP-SAT takes over
 * @param availabilityCacheSize availability answers kept for reuse while the day's stored state is unchanged
 *                     (0: none)
 * @param maxAttempts  attempts of a confirmation or hold whose write met a concurrent change (a cancelled or
 *                     moved booking, a table taken on a neighbouring day) before it answers 409
 */
@ConfigurationProperties("tablesolver.booking")
record OnlineBookingProperties(
        @DefaultValue("0.5") double exactBudget,
        @DefaultValue("4000") int searchNodes,
        @DefaultValue("50000") int exactNodes,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("2000") int availabilityCacheSize) {

    OnlineBookingProperties {
        if (exactBudget <= 0 || searchNodes < 0 || exactNodes < 0 || maxAttempts < 1 || availabilityCacheSize < 0) {
            throw new IllegalArgumentException("tablesolver.booking.*: exact-budget > 0, search-nodes >= 0 and "
                    + "max-attempts >= 1 required");
        }
    }

    SeatingCheck.Budget budget() {
        return new SeatingCheck.Budget(searchNodes, 3, exactNodes, exactBudget);
    }
}
