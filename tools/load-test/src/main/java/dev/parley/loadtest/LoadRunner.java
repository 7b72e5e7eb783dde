package dev.parley.loadtest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Runs a workload with N concurrent virtual users, each doing one open plus M turns, and times every request. */
final class LoadRunner {

    private final int users;
    private final int turnsPerUser;
    private final int thinkMillis;

    LoadRunner(int users, int turnsPerUser, int thinkMillis) {
        this.users = users;
        this.turnsPerUser = turnsPerUser;
        this.thinkMillis = thinkMillis;
    }

    LoadReport run(Workload workload) throws InterruptedException {
        CountDownLatch startGun = new CountDownLatch(1);
        List<Future<long[]>> results = new ArrayList<>();
        long[] errors = new long[users];
        long began;
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int u = 0; u < users; u++) {
                int user = u;
                results.add(executor.submit(() -> {
                    startGun.await();
                    return runUser(workload, user, errors);
                }));
            }
            began = System.nanoTime();
            startGun.countDown();
            executor.shutdown();
            if (!executor.awaitTermination(10, TimeUnit.MINUTES)) {
                executor.shutdownNow();
                throw new IllegalStateException("load run did not finish within 10 minutes");
            }
        }
        long elapsed = System.nanoTime() - began;
        List<long[]> latencies = new ArrayList<>();
        for (Future<long[]> result : results) {
            latencies.add(result.resultNow());
        }
        long errorCount = 0;
        for (long e : errors) {
            errorCount += e;
        }
        return LoadReport.of(latencies, errorCount, elapsed);
    }

    private long[] runUser(Workload workload, int user, long[] errors) throws InterruptedException {
        long[] latencies = new long[turnsPerUser + 1];
        int done = 0;
        Workload.Conversation conversation = null;
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        if (thinkMillis > 0) {
            // people do not all arrive in the same millisecond: spread the first messages over one think time
            Thread.sleep(random.nextLong(thinkMillis));
        }
        for (int turn = 0; turn <= turnsPerUser; turn++) {
            if (turn > 0 && thinkMillis > 0) {
                // 0.5x to 1.5x the think time, so sessions drift apart instead of sending in lock-step
                Thread.sleep(thinkMillis / 2 + random.nextLong(thinkMillis + 1));
            }
            long start = System.nanoTime();
            try {
                conversation = conversation == null ? workload.open() : conversation.next(turn);
                latencies[done++] = System.nanoTime() - start;
            } catch (Exception e) {
                errors[user]++;
                if (errors[user] <= 3) {
                    System.err.printf("user %d turn %d failed: %s%n", user, turn, e.getMessage());
                }
                conversation = null;
            }
        }
        return java.util.Arrays.copyOf(latencies, done);
    }
}
