package dev.parley.loadtest;

import java.nio.file.Path;

/** Command-line options of the load test. */
record LoadTestOptions(String gatewayUrl, int sessions, int turns, int warmUpTurns, int thinkMillis, Path stateDir,
        boolean skipBaseline, boolean serveBaseline, int baselinePort, String reportFile, boolean help) {

    static final String USAGE = """
            usage: bin/load-test [options]      (the local platform must be running: ./parley-local)
              --gateway URL        gateway base URL (default http://localhost:8080)
              --sessions N         concurrent sessions (default 64)
              --turns N            turns per session after the start (default 50)
              --warm-up N          untimed turns in all, at full concurrency, before measuring (default 3000)
              --think-ms N         mean pause between a reply and the next message (0.5x-1.5x, like people; default 0: back to back)
              --state-dir DIR      where the local platform keeps the demo credentials (default .parley)
              --no-baseline        skip the bare Spring Boot baseline
              --report FILE        also write the platform figures as JSON
            """;

    static LoadTestOptions parse(String[] args) {
        String gateway = "http://localhost:8080";
        int sessions = 64;
        int turns = 50;
        int warmUp = 3000;
        int think = 0;
        Path stateDir = Path.of(".parley");
        boolean noBaseline = false;
        boolean serve = false;
        int baselinePort = 0;
        String report = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--gateway" -> gateway = value(args, ++i, arg);
                case "--sessions" -> sessions = positive(value(args, ++i, arg), arg);
                case "--turns" -> turns = positive(value(args, ++i, arg), arg);
                case "--warm-up" -> warmUp = Integer.parseInt(value(args, ++i, arg));
                case "--think-ms" -> think = Integer.parseInt(value(args, ++i, arg));
                case "--state-dir" -> stateDir = Path.of(value(args, ++i, arg));
                case "--no-baseline" -> noBaseline = true;
                case "--serve-baseline" -> serve = true;
                case "--port" -> baselinePort = Integer.parseInt(value(args, ++i, arg));
                case "--report" -> report = value(args, ++i, arg);
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new LoadTestOptions(gateway.replaceAll("/+$", ""), sessions, turns, warmUp, think, stateDir, noBaseline, serve, baselinePort, report, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String value, String option) {
        int n = Integer.parseInt(value);
        if (n < 1) {
            throw new IllegalArgumentException(option + " must be at least 1, was " + n);
        }
        return n;
    }
}
