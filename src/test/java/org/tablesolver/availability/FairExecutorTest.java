package org.tablesolver.availability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The availability pool: bounded, and fair across restaurants (lanes). */
class FairExecutorTest {

    @Test
    void aFullQueueRefusesAtOnceAndQueuesNothing() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try (FairExecutor executor = new FairExecutor(1, 2, 10)) {
            executor.execute("a", () -> {
                running.countDown();
                await(release);
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            executor.execute("a", () -> { });
            executor.execute("b", () -> { });
            assertThat(executor.queued()).isEqualTo(2);
            assertThatThrownBy(() -> executor.execute("c", () -> { })).isInstanceOf(FairExecutor.Overloaded.class);
            assertThat(executor.queued()).as("the refused task was not queued").isEqualTo(2);
            release.countDown();
        }
    }

    @Test
    void oneRestaurantCannotQueueMoreThanItsShare() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch running = new CountDownLatch(1);
        try (FairExecutor executor = new FairExecutor(1, 100, 2)) {
            executor.execute("big", () -> {
                running.countDown();
                await(release);
            });
            assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
            executor.execute("big", () -> { });
            executor.execute("big", () -> { });
            assertThatThrownBy(() -> executor.execute("big", () -> { })).isInstanceOf(FairExecutor.Overloaded.class)
                    .hasMessageContaining("big");
            executor.execute("small", () -> { });
            release.countDown();
        }
    }

    @Test
    void aRestaurantWithLongWorkHoldsOneWorkerAndOthersGoOnAroundIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<String> done = new CopyOnWriteArrayList<>();
        CountDownLatch smallDone = new CountDownLatch(5);
        try (FairExecutor executor = new FairExecutor(2, 100, 100)) {
            for (int i = 0; i < 5; i++) {
                int n = i;
                executor.execute("big", () -> {
                    await(release);
                    done.add("big-" + n);
                });
            }
            for (int i = 0; i < 5; i++) {
                int n = i;
                executor.execute("small-" + i, () -> {
                    done.add("small-" + n);
                    smallDone.countDown();
                });
            }
            assertThat(smallDone.await(10, TimeUnit.SECONDS)).as("small restaurants answered while big blocks: %s",
                    done).isTrue();
            assertThat(done).noneMatch(s -> s.startsWith("big"));
            release.countDown();
        }
    }

    @Test
    void tasksOfOneLaneRunOneAtATimeInOrder() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch all = new CountDownLatch(20);
        try (FairExecutor executor = new FairExecutor(4, 100, 100)) {
            for (int i = 0; i < 20; i++) {
                int n = i;
                executor.execute("one", () -> {
                    order.add(n);
                    all.countDown();
                });
            }
            assertThat(all.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(order).isSorted().hasSize(20);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
