package dev.parley.widgetload;

import java.net.URI;

/** Command-line options of {@code bin/widget-load}. */
record WidgetLoadOptions(URI gatewayUrl, String orgId, String botId, String origin, int connections, int active,
        int durationSeconds, int thinkMillis, int rampPerSecond, int clients, Long gatewayPid, String reportFile,
        boolean idleInChild, boolean idleChild, boolean help) {

    static final String DEMO_ORG_ID = "00DPD000000DEMO2AA";

    static final String DEMO_BOT_ID = "0XxPD000000DEMO1AA";

    static final String USAGE = """
            usage: bin/widget-load [options]      (start the platform first: ./parley-local; see docs/widget/load.md)
              --gateway-url URL        the gateway (default http://localhost:8080)
              --org-id ID --bot-id ID  the widget bot (default: the local demo bot)
              --origin ORIGIN          the Origin header sent (default: the gateway URL, which the local run allows)
              --connections N          concurrent widget WebSockets in all, idle and active (default 10000)
              --active N               of those, how many chat; the rest stay idle (default 100)
              --duration S             seconds the active ones chat once all are connected (default 60)
              --think-ms N             mean pause of an active visitor between messages, jittered 0.5-1.5x
                                       (default 3000)
              --ramp N                 new connections per second while opening (default 500)
              --clients N              HTTP clients (selector threads) the connections are spread over (default 4)
              --gateway-pid PID        the gateway process, for its RSS and a GC before heap readings
                                       (default: found by its port among local gateway-exec.jar processes)
              --report FILE            also write the figures as JSON
              --same-process           hold the idle connections in this process too (by default a child JVM holds
                                       them: thousands of sockets in the measuring process delay its own reads and
                                       inflate the latency it measures)
            """;

    static WidgetLoadOptions parse(String[] args) {
        URI gatewayUrl = URI.create("http://localhost:8080");
        String orgId = DEMO_ORG_ID;
        String botId = DEMO_BOT_ID;
        String origin = null;
        int connections = 10_000;
        int active = 100;
        int duration = 60;
        int think = 3000;
        int ramp = 500;
        int clients = 4;
        Long pid = null;
        String report = null;
        boolean idleInChild = true;
        boolean idleChild = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--gateway-url" -> gatewayUrl = url(value(args, ++i, arg), arg);
                case "--org-id" -> orgId = value(args, ++i, arg);
                case "--bot-id" -> botId = value(args, ++i, arg);
                case "--origin" -> origin = value(args, ++i, arg);
                case "--connections" -> connections = number(value(args, ++i, arg), arg, 1, 1_000_000);
                case "--active" -> active = number(value(args, ++i, arg), arg, 0, 1_000_000);
                case "--duration" -> duration = number(value(args, ++i, arg), arg, 1, 86_400);
                case "--think-ms" -> think = number(value(args, ++i, arg), arg, 0, 600_000);
                case "--ramp" -> ramp = number(value(args, ++i, arg), arg, 1, 100_000);
                case "--clients" -> clients = number(value(args, ++i, arg), arg, 1, 64);
                case "--gateway-pid" -> pid = (long) number(value(args, ++i, arg), arg, 1, Integer.MAX_VALUE);
                case "--report" -> report = value(args, ++i, arg);
                case "--same-process" -> idleInChild = false;
                // internal: the child JVM that holds idle connections for a measuring parent
                case "--idle-child" -> idleChild = true;
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (active > connections) {
            throw new IllegalArgumentException("--active " + active + " is more than --connections " + connections);
        }
        String base = gatewayUrl.toString().replaceAll("/+$", "");
        return new WidgetLoadOptions(URI.create(base), orgId, botId, origin == null ? base : origin, connections,
                active, duration, think, ramp, clients, pid, report, idleInChild, idleChild, help);
    }

    /** The widget WebSocket endpoint of the bot. */
    URI socketUri() {
        return URI.create(gatewayUrl.toString().replaceFirst("^http", "ws") + "/widget/v1/orgs/" + orgId + "/bots/"
                + botId + "/ws");
    }

    int idle() {
        return connections - active;
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int number(String value, String option, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value);
        }
        catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a whole number, was '" + value + "'");
        }
        if (n < min || n > max) {
            throw new IllegalArgumentException(option + " must be between " + min + " and " + max + ", was " + n);
        }
        return n;
    }

    private static URI url(String value, String option) {
        URI uri;
        try {
            uri = URI.create(value);
        }
        catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " must be an http(s) URL, was '" + value + "'");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException(option + " must be an http(s) URL, was '" + value + "'");
        }
        return uri;
    }
}
