package dev.parley.runtime.bot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CompiledVersionsTests {

    private final LoadedBot demo = TestBots.demoCatalog().find(TestBots.ORG, TestBots.BOT).orElseThrow();

    @Test
    void keepsTheMostRecentlyUsedVersionsUpToItsCapacity() {
        CompiledVersions cache = new CompiledVersions(2);
        cache.put(version("a"));
        cache.put(version("b"));
        cache.cached("a");
        cache.put(version("c"));

        assertThat(cache.cached("a")).isPresent();
        assertThat(cache.cached("b")).isEmpty();
        assertThat(cache.cached("c")).isPresent();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void concurrentAsksForOneVersionLoadItOnce() throws Exception {
        CompiledVersions cache = new CompiledVersions(10);
        AtomicInteger loads = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Optional<LoadedBot>>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> cache.get("v", () -> {
                    loads.incrementAndGet();
                    await(release);
                    return Optional.of(version("v"));
                })));
            }
            Thread.sleep(100);
            release.countDown();
            for (Future<Optional<LoadedBot>> result : results) {
                assertThat(result.get(5, TimeUnit.SECONDS)).isPresent();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void failedAndEmptyLoadsAreNotCached() {
        CompiledVersions cache = new CompiledVersions(10);

        assertThatThrownBy(() -> cache.get("v", () -> {
            throw new BotRegistryUnavailableException("down", null);
        })).isInstanceOf(BotRegistryUnavailableException.class);
        assertThat(cache.get("v", Optional::empty)).isEmpty();

        assertThat(cache.get("v", () -> Optional.of(version("v")))).isPresent();
    }

    private LoadedBot version(String id) {
        return new LoadedBot(demo.orgId(), demo.botId(), id, demo.program(), demo.responseDelay(),
                demo.idleTimeout());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
