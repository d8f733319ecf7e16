package org.tablesolver.availability;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool for availability computations, fair across restaurants: each restaurant has a lane whose tasks
 * run one at a time, in order, and the workers take lanes in turn. So one large restaurant's recomputations hold at
 * most one worker while small restaurants' answers go on around them, and request threads (which hold no database
 * connection meanwhile) only wait.
 * <p>
 * Bounded: more than {@code maxQueued} tasks waiting in all, or {@code maxQueuedPerLane} in one lane, and a new task
 * is refused at once ({@link Overloaded}): overload is answered, never queued without end.
 */
final class FairExecutor implements AutoCloseable {

    /** Too much work waits already; nothing was queued. */
    static final class Overloaded extends RuntimeException {
        Overloaded(String message) {
            super(message);
        }
    }

    private final ExecutorService workers;
    private final int maxQueued;
    private final int maxQueuedPerLane;
    private final Map<String, Lane> lanes = new HashMap<>();
    private int queued;

    private final class Lane {
        final String name;
        final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
        boolean running;

        Lane(String name) {
            this.name = name;
        }
    }

    FairExecutor(int threads, int maxQueued, int maxQueuedPerLane) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "availability-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        this.workers = Executors.newFixedThreadPool(threads, factory);
        this.maxQueued = maxQueued;
        this.maxQueuedPerLane = maxQueuedPerLane;
    }

    /** Queues {@code task} in {@code lane}'s turn; {@link Overloaded} when the bounds are reached. */
    synchronized void execute(String lane, Runnable task) {
        Lane l = lanes.computeIfAbsent(lane, Lane::new);
        if (queued >= maxQueued) {
            throw new Overloaded(queued + " availability computations are waiting (at most " + maxQueued + ")");
        }
        if (l.tasks.size() >= maxQueuedPerLane) {
            throw new Overloaded(l.tasks.size() + " availability computations of " + lane + " are waiting (at most "
                    + maxQueuedPerLane + " per restaurant)");
        }
        l.tasks.add(task);
        queued++;
        if (!l.running) {
            l.running = true;
            workers.execute(() -> drain(l));
        }
    }

    /** Runs one task of the lane, then puts the lane back at the end of the workers' queue if it has more. */
    private void drain(Lane lane) {
        Runnable task;
        synchronized (this) {
            task = lane.tasks.poll();
            queued--;
        }
        try {
            task.run();
        } finally {
            synchronized (this) {
                if (lane.tasks.isEmpty()) {
                    lane.running = false;
                    lanes.remove(lane.name);
                } else {
                    workers.execute(() -> drain(lane));
                }
            }
        }
    }

    synchronized int queued() {
        return queued;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
