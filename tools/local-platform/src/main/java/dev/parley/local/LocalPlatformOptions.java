package dev.parley.local;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Command-line options of the local platform. */
record LocalPlatformOptions(Path repoRoot, Path stateDir, Map<String, Integer> ports, boolean help) {

    /** Every service the local run starts, with its default port; {@code --<name>-port N} moves one. */
    static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    static final String USAGE = """
            usage: ./parley-local [options]
              --state-dir DIR              demo credentials and service logs (default .parley)
              --gateway-port N             public Bot Runtime API, widget and webhooks (default 8080)
              --runtime-port N             internal (default 8081)
              --session-store-port N       internal (default 8082)
              --registry-port N            admin API for bot uploads (default 8083)
              --callout-port N             internal (default 8084)
              --events-consumer-port N     internal: debug logs and metrics (default 8085)
              --log-uploader-port N        internal (default 8086)
              --demo-apex-port N           the demo org's stand-in Apex REST endpoint (default 8090)
              --repo-root DIR              the Parley checkout holding the built service jars (default .)
            """;

    LocalPlatformOptions {
        ports = Collections.unmodifiableMap(new LinkedHashMap<>(ports));
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("gateway", 8080);
        ports.put("runtime", 8081);
        ports.put("session-store", 8082);
        ports.put("registry", 8083);
        ports.put("callout", 8084);
        ports.put("events-consumer", 8085);
        ports.put("log-uploader", 8086);
        ports.put("demo-apex", 8090);
        return Collections.unmodifiableMap(ports);
    }

    /** The port the named service listens on. */
    int port(String service) {
        Integer port = ports.get(service);
        if (port == null) {
            throw new IllegalArgumentException("no port for unknown service '" + service + "'");
        }
        return port;
    }

    /** {@code http://localhost:<port>} of the named service. */
    String url(String service) {
        return "http://localhost:" + port(service);
    }

    static LocalPlatformOptions parse(String[] args) {
        Path repoRoot = Path.of(".");
        Path stateDir = Path.of(".parley");
        Map<String, Integer> ports = new LinkedHashMap<>(DEFAULT_PORTS);
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String service = arg.startsWith("--") && arg.endsWith("-port") ? arg.substring(2, arg.length() - 5) : null;
            if (service != null && ports.containsKey(service)) {
                ports.put(service, port(value(args, ++i, arg), arg));
                continue;
            }
            switch (arg) {
                case "--state-dir" -> stateDir = Path.of(value(args, ++i, arg));
                case "--repo-root" -> repoRoot = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new LocalPlatformOptions(repoRoot.toAbsolutePath().normalize(), stateDir.toAbsolutePath().normalize(),
                ports, help);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int port(String value, String option) {
        int port;
        try {
            port = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be a port number, was '" + value + "'");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + " must be between 1 and 65535, was " + port);
        }
        return port;
    }
}
