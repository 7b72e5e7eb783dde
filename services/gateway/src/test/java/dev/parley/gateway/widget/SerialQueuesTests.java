package dev.parley.gateway.widget;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SerialQueuesTests {

    final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    final SerialQueues queues = new SerialQueues(executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void tasksOfOneKeyRunOneAtATimeInOrderEvenAfterAFailure() throws Exception {
        List<Integer> order = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Integer> first = queues.submit("a", () -> {
            await(release);
            order.add(1);
            throw new IllegalStateException("boom");
        });
        CompletableFuture<Integer> second = queues.submit("a", () -> {
            order.add(2);
            return 2;
        });
        Thread.sleep(50);
        assertThat(second).isNotDone();
        release.countDown();
        assertThat(second.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(first).isCompletedExceptionally();
        assertThat(order).containsExactly(1, 2);
        awaitEmpty();
    }

    @Test
    void differentKeysRunInParallel() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        queues.submit("a", () -> {
            await(release);
            return 1;
        });
        assertThat(queues.submit("b", () -> 2).get(5, TimeUnit.SECONDS)).isEqualTo(2);
        release.countDown();
    }

    private void awaitEmpty() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2000;
        while (queues.activeKeys() > 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(queues.activeKeys()).isZero();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
