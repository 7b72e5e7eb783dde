package dev.parley.local;

import java.nio.file.Path;

/** Command-line options of the local platform. */
record LocalPlatformOptions(Path repoRoot, Path stateDir, int gatewayPort, int runtimePort, int sessionStorePort,
        boolean help) {

    static final String USAGE = """
            usage: ./parley-local [options]
              --state-dir DIR          demo credentials and service logs (default .parley)
              --gateway-port N         public Bot Runtime API port (default 8080)
              --runtime-port N         internal runtime port (default 8081)
              --session-store-port N   internal session-store port (default 8082)
              --repo-root DIR          the Parley checkout holding the built service jars (default .)
            """;

    static LocalPlatformOptions parse(String[] args) {
        Path repoRoot = Path.of(".");
        Path stateDir = Path.of(".parley");
        int gateway = 8080;
        int runtime = 8081;
        int sessionStore = 8082;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--state-dir" -> stateDir = Path.of(value(args, ++i, arg));
                case "--gateway-port" -> gateway = port(value(args, ++i, arg), arg);
                case "--runtime-port" -> runtime = port(value(args, ++i, arg), arg);
                case "--session-store-port" -> sessionStore = port(value(args, ++i, arg), arg);
                case "--repo-root" -> repoRoot = Path.of(value(args, ++i, arg));
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new LocalPlatformOptions(repoRoot.toAbsolutePath().normalize(), stateDir.toAbsolutePath().normalize(),
                gateway, runtime, sessionStore, help);
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
