package org.tablesolver.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The solves this instance holds in memory: those it accepted and not yet saw end, and those it runs. Finished
 * solves are not kept (the database answers for them), so memory does not grow with the number of solves.
 * Once a second a watcher writes the best plan so far of running solves to their rows (other instances answer
 * from them) and passes on stop requests that arrived at other instances.
 */
@Component
class LocalSolves implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LocalSolves.class);

    private final Map<String, SolveJob> jobs = new ConcurrentHashMap<>();
    private final SolveRuns runs;
    private final SolveProperties properties;
    private final ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "solve-watch");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean closing;

    LocalSolves(SolveRuns runs, SolveProperties properties) {
        this.runs = runs;
        this.properties = properties;
        watcher.scheduleWithFixedDelay(this::watch, 1, 1, TimeUnit.SECONDS);
    }

    SolveJob get(String id) {
        return jobs.get(id);
    }

    void add(SolveJob job) {
        jobs.put(job.id(), job);
    }

    void remove(String id) {
        jobs.remove(id);
    }

    /** The job of {@code id} on this instance, registered now when another instance accepted it. */
    SolveJob adopt(SolveRun run) {
        return jobs.computeIfAbsent(run.solveId(), id -> new SolveJob(id, new DayKey(run.restaurantId(), run.date()),
                run.mode(), run.config(), progress -> { }, run.requestedAt()));
    }

    boolean closing() {
        return closing;
    }

    private void watch() {
        try {
            List<SolveJob> running = new ArrayList<>();
            for (SolveJob job : jobs.values()) {
                if (job.status() == SolveStatus.SOLVING && !job.isFinished()) {
                    running.add(job);
                    SolveProgress progress = job.takeProgress();
                    if (progress != null) {
                        runs.progress(job.id(), progress.bestScore(), progress.seated());
                    }
                }
            }
            if (!running.isEmpty()) {
                Map<String, Boolean> stops = runs.stopRequests(running.stream().map(SolveJob::id).toList());
                for (SolveJob job : running) {
                    Boolean discard = stops.get(job.id());
                    if (discard != null && (!job.stopRequested() || discard && !job.discardRequested())) {
                        log.info("solve id={}: stop requested on another instance (discard={})", job.id(), discard);
                        job.requestStop(discard);
                    }
                }
            }
            // Accepted here, run elsewhere, ended: forget them (a waiting request holds its own reference).
            List<String> waiting = jobs.values().stream().filter(job -> job.status() == SolveStatus.QUEUED)
                    .map(SolveJob::id).toList();
            if (!waiting.isEmpty()) {
                runs.ended(waiting).forEach(jobs::remove);
            }
        } catch (RuntimeException e) {
            log.debug("solve watcher: {}", e.toString());
        }
    }

    /**
     * The instance is stopping: running solves stop at once. A service leaves them, unended, to the next
     * instance (their jobs run again from the load); a command-line process discards them, as its user expects of
     * an interrupted command.
     */
    @EventListener
    public void onClose(ContextClosedEvent event) {
        closing = true;
        for (SolveJob job : jobs.values()) {
            if (job.status() == SolveStatus.SOLVING) {
                if (properties.runOthers()) {
                    job.abandon();
                } else {
                    job.requestStop(true);
                }
            }
        }
    }

    @Override
    public void destroy() {
        watcher.shutdownNow();
    }
}
