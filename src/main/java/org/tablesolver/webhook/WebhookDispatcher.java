package org.tablesolver.webhook;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sends the recorded messages (V11's outbox), on every web instance. Each poll claims the due head of each
 * subscription's queue per restaurant (the oldest PENDING delivery, so one restaurant's messages go in commit
 * order and a later one waits while an earlier one is retried) with a lease ({@code claimed_until}): while it runs,
 * no instance attempts that delivery again; an instance that dies mid-attempt leaves it to any other when the
 * lease ends. Attempts run on a bounded pool of senders, outside every request and transaction.
 */
@Component
@ConditionalOnWebApplication
class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
    private static final Duration CLEAN_EVERY = Duration.ofHours(1);

    private final JdbcClient jdbc;
    private final Messages messages;
    private final WebhookProperties properties;
    private final HttpClient http;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicInteger claims = new AtomicInteger();
    private final Semaphore free;
    private volatile ScheduledExecutorService poller;
    private volatile ExecutorService senders;
    private volatile boolean running;
    private long lastSweep;
    private long lastClean;

    WebhookDispatcher(JdbcClient jdbc, Messages messages, WebhookProperties properties) {
        this.jdbc = jdbc;
        this.messages = messages;
        this.properties = properties;
        this.free = new Semaphore(properties.senders());
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void start() {
        AtomicInteger threads = new AtomicInteger();
        senders = new ThreadPoolExecutor(properties.senders(), properties.senders(), 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), r -> daemon(r, "webhook-sender-" + threads.incrementAndGet()));
        ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "webhook-poller"));
        poller = scheduler;
        running = true;
        long every = properties.pollInterval().toMillis();
        scheduler.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        poller.shutdownNow();
        senders.shutdown();
        try {
            if (!senders.awaitTermination(properties.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS)) {
                senders.shutdownNow(); // their leases end; another instance or the next start sends them
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started after the database and its migrations, stopped before them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    /** One poll: housekeeping, then claim as many due deliveries as there are free senders and send them. */
    void poll() {
        try {
            long now = System.nanoTime();
            if (now - lastSweep >= SWEEP_EVERY.toNanos()) {
                lastSweep = now;
                sweepLapsedHolds();
            }
            if (lastClean == 0 || now - lastClean >= CLEAN_EVERY.toNanos()) {
                lastClean = now;
                clean();
            }
            int wanted = free.availablePermits();
            if (wanted == 0) {
                return;
            }
            for (Claimed claimed : claim(wanted)) {
                free.acquireUninterruptibly();
                try {
                    senders.execute(() -> {
                        try {
                            send(claimed);
                        } catch (RuntimeException e) {
                            log.warn("Webhook delivery {} could not be attempted: {}", claimed.id(), e.toString());
                        } finally {
                            free.release();
                        }
                    });
                } catch (RuntimeException rejected) {
                    free.release(); // shutting down: the lease ends and the attempt is made later
                }
            }
        } catch (RuntimeException e) {
            if (running) {
                log.warn("Webhook poll failed (tried again in {}): {}", properties.pollInterval(), e.toString());
            }
        }
    }

    /**
     * Marks holds whose expiry has passed (as answering availability does), so that a lapsed hold is told as
     * {@code hold.released} even when nobody asks for availability. Per restaurant, one statement each.
     */
    private void sweepLapsedHolds() {
        boolean anyone = jdbc.sql("select exists (select 1 from webhook_subscription where enabled)")
                .query(Boolean.class).single();
        if (!anyone) {
            return;
        }
        List<String> restaurants = jdbc.sql("""
                        select distinct restaurant_id from table_hold
                        where not lapsed and expires_at <= clock_timestamp()
                        order by restaurant_id
                        """)
                .query(String.class).list();
        for (String restaurant : restaurants) {
            jdbc.sql("""
                            update table_hold set lapsed = true
                            where restaurant_id = :r and not lapsed and expires_at <= clock_timestamp()
                            """)
                    .param("r", restaurant).update();
        }
    }

    /** Forgets delivered and failed messages older than {@code keep}. */
    private void clean() {
        double keep = properties.keep().toMillis() / 1000.0;
        int deliveries = jdbc.sql("""
                        delete from webhook_delivery
                        where status <> 'PENDING'
                          and coalesce(delivered_at, created_at) < clock_timestamp() - make_interval(secs => :keep)
                        """)
                .param("keep", keep).update();
        int events = jdbc.sql("""
                        delete from webhook_event e
                        where e.created_at < clock_timestamp() - make_interval(secs => :keep)
                          and not exists (select 1 from webhook_delivery d where d.event_id = e.id)
                        """)
                .param("keep", keep).update();
        if (deliveries + events > 0) {
            log.info("Webhooks: forgot {} deliveries and {} events older than {}", deliveries, events,
                    properties.keep());
        }
    }

    record Claimed(String id, String claim, String subscriptionId, String eventId, int attempts) {
    }

    /**
     * Claims up to {@code limit} due deliveries: each the oldest PENDING one of its subscription and restaurant,
     * of an enabled subscription, not under another sender's lease. Two instances claiming at once never both get
     * one: the second's update waits for the first's and then finds the lease taken.
     */
    private List<Claimed> claim(int limit) {
        String claim = instance + ":" + claims.incrementAndGet();
        return jdbc.sql("""
                        with heads as (
                            select distinct on (d.subscription_id, d.restaurant_id)
                                   d.id, d.subscription_id, d.next_attempt_at, d.claimed_until
                            from webhook_delivery d
                            where d.status = 'PENDING'
                            order by d.subscription_id, d.restaurant_id, d.ordinal
                        ), due as (
                            select h.id
                            from heads h
                            join webhook_subscription s on s.id = h.subscription_id and s.enabled
                            where h.next_attempt_at <= clock_timestamp()
                              and (h.claimed_until is null or h.claimed_until < clock_timestamp())
                            order by h.next_attempt_at, h.id
                            limit :limit
                        )
                        update webhook_delivery d
                        set claim = :claim, claimed_until = clock_timestamp() + make_interval(secs => :lease),
                            attempts = d.attempts + 1
                        from due
                        where d.id = due.id and d.status = 'PENDING'
                          and (d.claimed_until is null or d.claimed_until < clock_timestamp())
                        returning d.id, d.subscription_id, d.event_id, d.attempts
                        """)
                .param("limit", limit).param("claim", claim)
                .param("lease", properties.lease().toMillis() / 1000.0)
                .query((rs, n) -> new Claimed(rs.getString("id"), claim, rs.getString("subscription_id"),
                        rs.getString("event_id"), rs.getInt("attempts")))
                .list();
    }

    private record Target(String url, String secret) {
    }

    /** One attempt of one delivery. */
    void send(Claimed claimed) {
        Optional<Target> target = jdbc.sql("select url, secret from webhook_subscription where id = :id and enabled")
                .param("id", claimed.subscriptionId())
                .query((rs, n) -> new Target(rs.getString("url"), rs.getString("secret"))).optional();
        if (target.isEmpty()) {
            release(claimed); // deleted (its deliveries are gone) or disabled meanwhile
            return;
        }
        String body = messages.body(claimed.eventId());
        if (!properties.allowPrivateTargets()) {
            Optional<String> forbidden = Targets.forbidden(target.get().url());
            if (forbidden.isPresent()) {
                failed(claimed, null, "not sent: the URL's host " + forbidden.get());
                return;
            }
        }
        long timestamp = Instant.now().getEpochSecond(); // the attempt's real time: receivers check it against theirs
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.get().url()))
                .timeout(properties.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "table-solver-webhooks")
                .header("webhook-id", claimed.eventId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature",
                        WebhookSigner.signature(target.get().secret(), claimed.eventId(), timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                delivered(claimed, status);
            } else {
                failed(claimed, status, "the receiver answered " + status);
            }
        } catch (HttpTimeoutException e) {
            failed(claimed, null, "no answer within " + properties.timeout().toSeconds() + " s");
        } catch (IOException e) {
            failed(claimed, null, "cannot reach the receiver: " + describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            release(claimed);
        }
    }

    private void delivered(Claimed claimed, int status) {
        int rows = jdbc.sql("""
                        update webhook_delivery
                        set status = 'DELIVERED', last_status_code = :status, last_error = null,
                            delivered_at = clock_timestamp(), claim = null, claimed_until = null
                        where id = :id and claim = :claim
                        """)
                .param("status", status).param("id", claimed.id()).param("claim", claimed.claim()).update();
        if (rows == 0) {
            log.info("Webhook delivery {} was delivered after its lease ended or its subscription was deleted",
                    claimed.id());
        }
    }

    /** A failed attempt: tried again after the next delay, or FAILED once it has been tried for retry-for. */
    private void failed(Claimed claimed, Integer status, String error) {
        double jitter = 0.8 + 0.4 * ThreadLocalRandom.current().nextDouble();
        double delay = properties.delayAfter(claimed.attempts()).toMillis() * jitter / 1000.0;
        String outcome = jdbc.sql("""
                        update webhook_delivery
                        set last_status_code = :status, last_error = :error, claim = null, claimed_until = null,
                            next_attempt_at = clock_timestamp() + make_interval(secs => :delay),
                            status = case when clock_timestamp() + make_interval(secs => :delay)
                                               > created_at + make_interval(secs => :retryFor)
                                          then 'FAILED' else 'PENDING' end
                        where id = :id and claim = :claim
                        returning status
                        """)
                .param("status", status).param("error", error).param("delay", delay)
                .param("retryFor", properties.retryFor().toMillis() / 1000.0)
                .param("id", claimed.id()).param("claim", claimed.claim())
                .query(String.class).optional().orElse(null);
        if ("FAILED".equals(outcome)) {
            log.warn("Webhook delivery {} FAILED after {} attempts: {}", claimed.id(), claimed.attempts(), error);
            int disabled = jdbc.sql("""
                            update webhook_subscription s
                            set enabled = false, updated_at = now(),
                                disabled_reason = 'every message failed for ' || :period || ' (last: ' || :error || ')'
                            where s.id = :s and s.enabled
                              and not exists (select 1 from webhook_delivery d
                                              where d.subscription_id = s.id
                                                and d.delivered_at > clock_timestamp() - make_interval(secs => :retryFor))
                            """)
                    .param("s", claimed.subscriptionId()).param("period", describe(properties.retryFor()))
                    .param("error", error).param("retryFor", properties.retryFor().toMillis() / 1000.0).update();
            if (disabled > 0) {
                log.warn("Webhook subscription {} disabled: every message failed for {}", claimed.subscriptionId(),
                        describe(properties.retryFor()));
            }
        }
    }

    /** Gives a claimed attempt back unattempted (not counted). */
    private void release(Claimed claimed) {
        jdbc.sql("""
                        update webhook_delivery set claim = null, claimed_until = null, attempts = attempts - 1
                        where id = :id and claim = :claim
                        """)
                .param("id", claimed.id()).param("claim", claimed.claim()).update();
    }

    /** An I/O failure in words: its innermost cause (the HTTP client wraps the one that tells). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.nio.channels.UnresolvedAddressException) {
            return "its host name does not resolve";
        }
        if (root instanceof java.net.ConnectException && root.getMessage() == null) {
            return "the connection was refused";
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    private static String describe(Duration duration) {
        return duration.toHours() >= 1 && duration.toMinutesPart() == 0 && duration.toSecondsPart() == 0
                ? duration.toHours() + " hours" : duration.toSeconds() + " s";
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }
}
