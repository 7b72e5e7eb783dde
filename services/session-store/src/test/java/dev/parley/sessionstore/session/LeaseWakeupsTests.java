package dev.parley.sessionstore.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LeaseWakeupsTests {

    private final LeaseWakeups wakeups = new LeaseWakeups();

    @Test
    void releaseOfTheSessionWakesItsWaiterBeforeTheTimeout() throws Exception {
        try (LeaseWakeups.Waiter waiter = wakeups.register("s-1")) {
            CompletableFuture<Boolean> woken = CompletableFuture.supplyAsync(() -> {
                try {
                    return waiter.await(Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(20);

            wakeups.wake("s-1");

            assertThat(woken.get(2, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void releaseOfAnotherSessionLeavesTheWaiterToItsTimeout() throws InterruptedException {
        try (LeaseWakeups.Waiter waiter = wakeups.register("s-1")) {
            wakeups.wake("s-2");

            assertThat(waiter.await(Duration.ofMillis(20))).isFalse();
        }
    }

    @Test
    void manyWakeupsCountAsOne() throws InterruptedException {
        try (LeaseWakeups.Waiter waiter = wakeups.register("s-1")) {
            wakeups.wake("s-1");
            wakeups.wake("s-1");

            assertThat(waiter.await(Duration.ofMillis(20))).isTrue();
            assertThat(waiter.await(Duration.ofMillis(20))).isFalse();
        }
    }

    @Test
    void closedWaitersAreForgotten() {
        wakeups.register("s-1").close();
        try (LeaseWakeups.Waiter first = wakeups.register("s-2"); LeaseWakeups.Waiter second = wakeups.register("s-2")) {
            assertThat(wakeups.waitingSessions()).isEqualTo(1);
        }

        assertThat(wakeups.waitingSessions()).isZero();
    }
}
