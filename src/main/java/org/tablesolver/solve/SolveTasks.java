package org.tablesolver.solve;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The db-scheduler task that runs solves: one execution per solve, its instance id the solve id. An execution
 * whose instance died (no heartbeat for {@code db-scheduler.heartbeat-interval} × {@code missed-heartbeats-limit})
 * is revived and runs again from the load; a solve id commits at most once, so that is safe. An execution whose
 * outcome could not be learnt (the database unreachable) fails and is retried after {@link #RETRY_AFTER_FAILURE}.
 */
@Configuration(proxyBeanMethods = false)
class SolveTasks {

    static final String SOLVE = "solve";
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

    static TaskInstance<Void> instance(String solveId) {
        return new TaskInstance<>(SOLVE, solveId);
    }

    @Bean
    CustomTask<Void> solveTask(SolveWorker worker) {
        return Tasks.custom(SOLVE, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(RETRY_AFTER_FAILURE))
                .onDeadExecutionRevive()
                .execute((instance, context) -> worker.execute(instance.getId(), context));
    }
}
