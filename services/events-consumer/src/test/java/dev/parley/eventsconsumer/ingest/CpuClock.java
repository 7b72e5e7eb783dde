package dev.parley.eventsconsumer.ingest;

import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Locale;

/**
 * CPU time used by this JVM and by the PostgreSQL server (postmaster and its children, read from /proc), so that
 * figures taken on a busy shared machine can be turned into what two idle cores would do.
 */
record CpuClock(long postmaster, long jvmNanos, long postgresTicks) {

    static CpuClock of(JdbcClient jdbc) {
        long backend = jdbc.sql("SELECT pg_backend_pid()").query(Long.class).single();
        long postmaster = Long.parseLong(stat(backend)[3]);
        return new CpuClock(postmaster, jvmCpu(), postgresTicks(postmaster));
    }

    /** CPU seconds of this JVM and of PostgreSQL since this clock was read. */
    double[] seconds() {
        return new double[] {(jvmCpu() - jvmNanos) / 1e9, (postgresTicks(postmaster) - postgresTicks) / 100.0};
    }

    void report(long events) {
        double[] used = seconds();
        double jvm = used[0];
        double postgres = used[1];
        System.out.printf(Locale.ROOT, "%-78s JVM %.2f s + PostgreSQL %.2f s CPU = %.1f us/event -> %,.0f events/s"
                + " on 2 idle cores%n", "  CPU used", jvm, postgres, (jvm + postgres) * 1e6 / events,
                2 * events / (jvm + postgres));
    }

    /** CPU ticks (1/100 s) per thread name of this JVM, for a breakdown when {@code BENCH_THREADS} is set. */
    static java.util.Map<String, Long> threadTicks() {
        java.util.Map<String, Long> ticks = new java.util.TreeMap<>();
        try (var tasks = java.nio.file.Files.list(java.nio.file.Path.of("/proc/self/task"))) {
            for (var task : tasks.toList()) {
                try {
                    String stat = java.nio.file.Files.readString(task.resolve("stat"));
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'))
                            .replaceAll("[0-9]+", "#");
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
                } catch (java.io.IOException | RuntimeException e) {
                    // the thread ended
                }
            }
        } catch (java.io.IOException e) {
            return ticks;
        }
        return ticks;
    }

    /** Prints the threads that used the most CPU since {@code before}. */
    static void printThreads(java.util.Map<String, Long> before) {
        if (System.getenv("BENCH_THREADS") == null) {
            return;
        }
        java.util.Map<String, Long> after = threadTicks();
        after.entrySet().stream().map(e -> java.util.Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0).sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15).forEach(e -> System.out.printf(Locale.ROOT, "    %-24s %6.2f s%n", e.getKey(), e.getValue() / 100.0));
    }

    /**
     * Waits (at most 30 s) until the JIT compilers went quiet, so that a measured phase does not pay for compiling
     * what start-up, data generation and warm-up queued: a running service has long compiled its hot code.
     */
    static void awaitJitQuiet() {
        var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        long deadline = System.nanoTime() + 30_000_000_000L;
        long last = jit.getTotalCompilationTime();
        while (System.nanoTime() < deadline) {
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long now = jit.getTotalCompilationTime();
            if (now - last < 50) {
                return;
            }
            last = now;
        }
    }

    /** The machine's 1-minute load average (other processes compete for the two cores). */
    static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    private static long jvmCpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long postgresTicks(long postmaster) {
        long ticks = 0;
        try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
            for (var dir : processes.toList()) {
                String name = dir.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String[] stat = stat(Long.parseLong(name));
                if (stat.length > 15 && (name.equals(String.valueOf(postmaster))
                        || stat[3].equals(String.valueOf(postmaster)))) {
                    ticks += Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
                }
            }
        } catch (java.io.IOException e) {
            return 0;
        }
        return ticks;
    }

    private static String[] stat(long pid) {
        try {
            String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc", String.valueOf(pid), "stat"));
            // the command name is in parentheses and may hold spaces: split after it
            return ("x x " + stat.substring(stat.lastIndexOf(')') + 2)).split(" ");
        } catch (java.io.IOException | RuntimeException e) {
            return new String[0];
        }
    }
}
