package org.tablesolver.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook delivery ({@code tablesolver.webhooks.*}).
 *
 * @param allowPrivateTargets allow URLs whose host resolves to a loopback, private, link-local or unique-local
 *                            address (tests, receivers on the same premises); refused by default
 * @param senders             messages sent at once by this instance (a bounded pool: a slow receiver holds one
 *                            sender, never a request thread or a database connection)
 * @param pollInterval        how often this instance looks for messages that are due
 * @param timeout             a receiver's time to answer (connect and response); longer is a failed attempt
 * @param lease               how long a claimed attempt is this instance's; an instance that died while sending
 *                            leaves it to another after this
 * @param retryDelays         the wait after the 1st, 2nd, … failed attempt; the last one repeats (±20% jitter)
 * @param retryFor            how long a message is retried before it is FAILED (and its subscription disabled
 *                            when nothing was delivered to it for as long)
 * @param keep                how long delivered and failed messages stay listed
 */
@ConfigurationProperties("tablesolver.webhooks")
record WebhookProperties(
        @DefaultValue("false") boolean allowPrivateTargets,
        @DefaultValue("4") int senders,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("60s") Duration lease,
        @DefaultValue({"5s", "30s", "2m", "10m", "30m", "1h"}) List<Duration> retryDelays,
        @DefaultValue("24h") Duration retryFor,
        @DefaultValue("30d") Duration keep) {

    WebhookProperties {
        if (senders < 1 || pollInterval.isNegative() || pollInterval.isZero() || timeout.isNegative()
                || timeout.isZero() || lease.compareTo(timeout) <= 0 || retryDelays.isEmpty()
                || retryDelays.stream().anyMatch(Duration::isNegative) || retryFor.isNegative() || keep.isNegative()) {
            throw new IllegalArgumentException("tablesolver.webhooks.*: senders >= 1, poll-interval > 0, "
                    + "timeout > 0, lease > timeout, at least one retry delay (none negative), retry-for and keep "
                    + ">= 0 required");
        }
        retryDelays = List.copyOf(retryDelays);
    }

    /** The wait after the {@code attempts}-th failed attempt, before jitter. */
    Duration delayAfter(int attempts) {
        return retryDelays.get(Math.min(Math.max(attempts, 1), retryDelays.size()) - 1);
    }
}
