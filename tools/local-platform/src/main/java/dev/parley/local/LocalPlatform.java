package dev.parley.local;

import dev.parley.registry.api.RegistryTopics;
import dev.parley.runtime.api.Topics;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.PostgresServer;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the whole platform on one machine: real embedded Redis and Kafka, every service as a child JVM, and a demo
 * org with a bot and a connected app. Prints where to reach it and stops everything cleanly on Ctrl-C.
 */
public final class LocalPlatform {

    /** Printed once every service is ready; tests wait for this line. */
    public static final String READY_LINE = "Parley is up.";

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(300);

    private LocalPlatform() {
    }

    public static void main(String[] args) throws Exception {
        LocalPlatformOptions options;
        try {
            options = LocalPlatformOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LocalPlatformOptions.USAGE);
            return;
        }
        long began = System.nanoTime();
        String gatewayUrl = options.url("gateway");
        Path logDir = options.stateDir().resolve("logs");

        System.out.println("Starting embedded PostgreSQL, Redis and Kafka ...");
        PostgresServer postgres = Infrastructure.postgres();
        String redisUrl = Infrastructure.redis().redisUrl();
        String kafka = Infrastructure.kafka().bootstrapServers();
        createTopics();
        DemoTenant demo = DemoTenant.prepare(options.stateDir(), gatewayUrl);
        String internalCredential = randomHex(24);

        Map<String, String> common = new LinkedHashMap<>();
        common.put("PARLEY_INTERNAL_CREDENTIAL", internalCredential);
        common.put("PARLEY_REGION", "local");
        common.put("REDIS_URL", redisUrl);
        common.put("KAFKA_URL", "kafka://" + kafka);

        List<ServiceProcess> services = new ArrayList<>();
        CountDownLatch stopped = new CountDownLatch(1);
        // Runs at exit before the embedded Redis and Kafka stop, so the services shut down gracefully against them.
        Infrastructure.beforeServersStop(() -> {
            System.out.println("\nStopping Parley ...");
            // Reverse start order: the edge stops taking traffic first, storage-facing services last.
            for (int i = services.size() - 1; i >= 0; i--) {
                services.get(i).stop();
            }
            stopped.countDown();
            System.out.println("Parley stopped.");
            // What follows is the embedded brokers' own teardown: Kafka's exit hook deletes its temporary log
            // directory while the broker still writes checkpoints, which it reports loudly. Nothing is lost then.
            System.setErr(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        });

        System.out.println("Starting services ...");
        DemoOrderSystem orderSystem = DemoOrderSystem.start(options.port("demo-apex"));
        // storage-facing services first; runtime and gateway once the registry and callout are configured
        services.add(ServiceProcess.start(options.repoRoot(), logDir, "session-store", options.port("session-store"),
                common));
        ServiceProcess registry = ServiceProcess.start(options.repoRoot(), logDir, "registry",
                options.port("registry"), with(common, database(postgres, "registry"), registrySettings(demo)));
        services.add(registry);
        ServiceProcess callout = ServiceProcess.start(options.repoRoot(), logDir, "callout", options.port("callout"),
                with(common, database(postgres, "callout"), Map.of("SPRING_APPLICATION_JSON", Json.write(Map.of(
                        "parley", Map.of("callout", Map.of("targets", Map.of("private-network-allowed", true))))))));
        services.add(callout);
        services.add(ServiceProcess.start(options.repoRoot(), logDir, "events-consumer",
                options.port("events-consumer"), with(common, database(postgres, "events_consumer"))));
        // local destinations (a developer's own endpoint on localhost) are allowed here, never in a deployed region
        services.add(ServiceProcess.start(options.repoRoot(), logDir, "log-uploader",
                options.port("log-uploader"), with(common, database(postgres, "log_uploader"),
                        Map.of("SPRING_APPLICATION_JSON", Json.write(Map.of("parley", Map.of("log-uploader",
                                Map.of("destinations", Map.of("allow-http", true,
                                        "allow-private-network", true)))))))));
        registry.awaitReady(READY_TIMEOUT);
        callout.awaitReady(READY_TIMEOUT);
        DemoSetup setup = new DemoSetup();
        DemoSetup.UploadedBot orderBot = setup.uploadAndActivate(options.url("registry"), demo.orgId(),
                demo.adminToken(), options.repoRoot().resolve("samples/bots/order-status/Order_Status.bot"));
        setup.registerOrderStatusEndpoint(options.url("callout"), demo.orgId(), internalCredential,
                orderSystem.url());
        services.add(ServiceProcess.start(options.repoRoot(), logDir, "runtime", options.port("runtime"),
                with(common, runtimeSettings(options, demo))));
        services.add(ServiceProcess.start(options.repoRoot(), logDir, "gateway", options.port("gateway"),
                with(common, gatewaySettings(options, demo, gatewayUrl))));
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
            System.out.printf("  %-16s %s   (log: %s)%n", service.name(), service.url(), service.logFile());
        }
        demo.recordLocalRun(internalCredential, orderBot.botId());

        System.out.printf("""

                Bot Runtime API (v5.1.0):  %s
                  demo org id:             %s
                  demo bot id:             %s   (configured; the SDK check and bin/load-test use it)
                  order-status bot id:     %s   (uploaded to the registry; its invocation calls the demo Apex org)
                  connected app key:       %s   secret: %s   user: %s
                  JWT-bearer private key:  %s
                Registry (admin API):      %s   (admin token: admin-token in credentials.properties)
                Debug logs and metrics:    %s   (internal: internal-credential in credentials.properties)
                Log delivery (uploader):   %s   (internal, same credential)
                Chat widget demo page:     %s/widget/demo   (open it in a browser)
                All of the above:          %s
                Try it:  the tour in README.md, docs/api/bot-runtime-api.md (curl), or bin/load-test.
                Started in %.1f s. Ctrl-C stops everything.
                %s
                """, gatewayUrl, demo.orgId(), demo.botId(), orderBot.botId(), demo.consumerKey(),
                demo.consumerSecret(), demo.username(), demo.privateKeyFile(), options.url("registry"),
                options.url("events-consumer"), options.url("log-uploader"), gatewayUrl, demo.directory().resolve("credentials.properties"),
                (System.nanoTime() - began) / 1e9, READY_LINE);

        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> runtimeSettings(LocalPlatformOptions options, DemoTenant demo) {
        Path bot = options.repoRoot().resolve("samples").resolve("bots").resolve("demo");
        Map<String, Object> settings = Map.of("parley", Map.of("runtime", Map.of(
                "session-store-url", options.url("session-store"),
                "registry-url", options.url("registry"),
                "callout", Map.of("url", options.url("callout")),
                "bots", List.of(Map.of(
                        "org-id", demo.orgId(),
                        "bot-id", demo.botId(),
                        "version-id", demo.botVersionId(),
                        "location", bot.toString())))));
        return Map.of("SPRING_APPLICATION_JSON", Json.write(settings));
    }

    private static Map<String, String> registrySettings(DemoTenant demo) {
        Map<String, Object> settings = Map.of("parley", Map.of("registry", Map.of("admins", List.of(Map.of(
                "org-id", demo.orgId(),
                "token-sha256", demo.adminTokenSha256(),
                "name", "demo-admin")))));
        return Map.of("SPRING_APPLICATION_JSON", Json.write(settings));
    }

    private static Map<String, String> gatewaySettings(LocalPlatformOptions options, DemoTenant demo,
            String gatewayUrl) {
        Map<String, Object> settings = Map.of("parley", Map.of("gateway", Map.of(
                "public-url", gatewayUrl,
                "runtime-url", options.url("runtime"),
                "oauth", Map.of(
                        "audience", gatewayUrl,
                        "token-signing-secret", demo.tokenSigningSecret()),
                "connected-apps", List.of(Map.of(
                        "consumer-key", demo.consumerKey(),
                        "consumer-secret", demo.consumerSecret(),
                        "org-id", demo.orgId(),
                        "public-key-pem", demo.publicKeyPem(),
                        "usernames", List.of(demo.username()))),
                // limits sized for bin/load-test (thousands of turns a minute from one org and session), so it
                // measures the platform rather than the limiter; the limiter still runs. Regions keep the defaults.
                "rate-limits", Map.of("org-limit", 1_000_000, "session-limit", 1_000_000),
                // the demo bot on the web chat widget, embeddable from the gateway's own demo page
                "widget", Map.of(
                        "demo-page", true,
                        "bots", List.of(Map.of(
                                "org-id", demo.orgId(),
                                "bot-id", demo.botId(),
                                "allowed-origins", List.of(gatewayUrl,
                                        "http://127.0.0.1:" + options.port("gateway"))))))));
        return Map.of("SPRING_APPLICATION_JSON", Json.write(settings));
    }

    /**
     * The shared topics with a region's partition counts, before any service starts, as their owners (runtime,
     * registry) would create them; consumers wait for a topic rather than create it, and this way find it at once.
     */
    private static void createTopics() {
        Infrastructure.kafka().createTopic(Topics.TURN_EVENTS, 6);
        Infrastructure.kafka().createTopic(RegistryTopics.BOT_DEFINITIONS, 3);
    }

    /** A fresh database of the service's own on the shared server, as Heroku's {@code DATABASE_URL}. */
    private static Map<String, String> database(PostgresServer postgres, String name) {
        postgres.createDatabase(name);
        return Map.of("DATABASE_URL", "postgres://" + postgres.username() + ":" + postgres.password() + "@"
                + postgres.host() + ":" + postgres.port() + "/" + name);
    }

    @SafeVarargs
    private static Map<String, String> with(Map<String, String> base, Map<String, String>... extras) {
        Map<String, String> merged = new LinkedHashMap<>(base);
        for (Map<String, String> extra : extras) {
            merged.putAll(extra);
        }
        return merged;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
