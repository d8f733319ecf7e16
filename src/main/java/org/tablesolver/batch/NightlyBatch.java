package org.tablesolver.batch;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The nightly batch ({@code tablesolver.schedule.nightly.cron}, Spring's six-field cron, in
 * {@code tablesolver.schedule.nightly.zone}, default the system's): a db-scheduler recurring task, so it runs
 * once per cluster, on whichever instance picks it, and an instance that dies while running it leaves it to
 * another. It accepts a batch for today + {@code tablesolver.schedule.nightly.days-ahead} (default 1) of every
 * restaurant with bookings that day; the batch id {@code nightly-<date>} makes a second run for the same date a
 * no-op.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("tablesolver.schedule.nightly.cron")
class NightlyBatch {

    private static final Logger log = LoggerFactory.getLogger(NightlyBatch.class);
    static final String TASK = "nightly-batch";

    /** How often this instance ran the schedule (tests count the runs of the whole cluster). */
    final AtomicInteger runs = new AtomicInteger();

    @Bean
    RecurringTask<Void> nightlyBatchTask(Environment environment, ObjectProvider<BatchService> batches) {
        String cron = environment.getRequiredProperty("tablesolver.schedule.nightly.cron");
        int daysAhead = environment.getProperty("tablesolver.schedule.nightly.days-ahead", Integer.class, 1);
        ZoneId zone = ZoneId.of(environment.getProperty("tablesolver.schedule.nightly.zone",
                ZoneId.systemDefault().getId()));
        if (daysAhead < 0 || daysAhead > 365) {
            throw new IllegalArgumentException("tablesolver.schedule.nightly.days-ahead must be 0-365, got "
                    + daysAhead);
        }
        log.info("nightly batch: '{}' ({}), {} day(s) ahead", cron, zone, daysAhead);
        return Tasks.recurring(TASK, Schedules.cron(cron, zone)).execute((instance, context) -> {
            runs.incrementAndGet();
            LocalDate date = LocalDate.now(zone).plusDays(daysAhead);
            batches.getObject().nightly(date).ifPresentOrElse(
                    batch -> log.info("nightly batch {}: {} solves accepted", batch.batchId(), batch.solves().size()),
                    () -> log.info("nightly batch of {} exists already", date));
        });
    }

    int runs() {
        return runs.get();
    }
}
