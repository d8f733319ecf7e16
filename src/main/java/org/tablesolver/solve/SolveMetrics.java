package org.tablesolver.solve;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.stereotype.Component;

/**
 * Micrometer meters of the solve pipeline (see {@code /actuator/metrics}):
 * {@code tablesolver.solve.duration} (timer, tags status and mode: request to final status),
 * {@code tablesolver.solve.seated} and {@code tablesolver.solve.unseated} (bookings per committed solve),
 * {@code tablesolver.solve.conflicts} (commits refused because the day changed or the database said so) and
 * {@code tablesolver.solve.retries} (attempts started again after a conflict).
 */
@Component
class SolveMetrics {

    static final String DURATION = "tablesolver.solve.duration";
    static final String SEATED = "tablesolver.solve.seated";
    static final String UNSEATED = "tablesolver.solve.unseated";
    static final String CONFLICTS = "tablesolver.solve.conflicts";
    static final String RETRIES = "tablesolver.solve.retries";
    static final String UNCHANGED = "tablesolver.solve.unchanged";

    private final MeterRegistry registry;
    private final DistributionSummary seated;
    private final DistributionSummary unseated;
    private final Counter conflicts;
    private final Counter retries;
    private final Counter unchanged;

    SolveMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.seated = DistributionSummary.builder(SEATED).description("Bookings seated by a committed solve")
                .baseUnit("bookings").register(registry);
        this.unseated = DistributionSummary.builder(UNSEATED).description("Bookings left unseated by a committed solve")
                .baseUnit("bookings").register(registry);
        this.conflicts = Counter.builder(CONFLICTS).description("Commits refused because the day changed meanwhile")
                .register(registry);
        this.retries = Counter.builder(RETRIES).description("Solve attempts started again after a conflict")
                .register(registry);
        this.unchanged = Counter.builder(UNCHANGED)
                .description("Solves answered from the last committed one: the day was as it left it").register(registry);
    }

    void finished(SolveView view) {
        Timer.builder(DURATION).description("Time from the solve request to its final status")
                .tag("status", view.status().name()).tag("mode", view.mode().name())
                .register(registry)
                .record(view.totalMillis(), TimeUnit.MILLISECONDS);
        if (view.status() == SolveStatus.COMMITTED) {
            seated.record(view.seated());
            unseated.record(view.unseated());
        }
    }

    void conflict() {
        conflicts.increment();
    }

    void retry() {
        retries.increment();
    }

    void unchanged() {
        unchanged.increment();
    }
}
