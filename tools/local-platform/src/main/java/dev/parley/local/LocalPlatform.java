package dev.parley.local;

import dev.parley.testkit.Infrastructure;
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

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

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

        System.out.println("Starting embedded Redis and Kafka ...");
        String redisUrl = Infrastructure.redis().redisUrl();
        String kafka = Infrastructure.kafka().bootstrapServers();
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
        services.add(ServiceProcess.start(options.repoRoot(), logDir, "session-store", options.port("session-store"),
                common));
        services.add(ServiceProcess.start(options.repoRoot(), logDir, "runtime", options.port("runtime"),
                with(common, runtimeSettings(options, demo))));
        services.add(ServiceProcess.start(options.repoRoot(), logDir, "gateway", options.port("gateway"),
                with(common, gatewaySettings(options, demo, gatewayUrl))));
        for (ServiceProcess service : services) {
            service.awaitReady(READY_TIMEOUT);
            System.out.printf("  %-14s %s   (log: %s)%n", service.name(), service.url(), service.logFile());
        }

        System.out.printf("""

                Bot Runtime API (v5.1.0):  %s
                  demo org id:             %s
                  demo bot id:             %s
                  connected app key:       %s   secret: %s   user: %s
                  JWT-bearer private key:  %s
                  all of the above:        %s
                Try it:  docs/api/bot-runtime-api.md (curl), or bin/load-test for a load run.
                Started in %.1f s. Ctrl-C stops everything.
                %s
                """, gatewayUrl, demo.orgId(), demo.botId(), demo.consumerKey(), demo.consumerSecret(),
                demo.username(), demo.privateKeyFile(), demo.directory().resolve("credentials.properties"),
                (System.nanoTime() - began) / 1e9, READY_LINE);
        System.out.flush();
        stopped.await();
    }

    private static Map<String, String> runtimeSettings(LocalPlatformOptions options, DemoTenant demo) {
        Path bot = options.repoRoot().resolve("samples").resolve("bots").resolve("demo");
        Map<String, Object> settings = Map.of("parley", Map.of("runtime", Map.of(
                "session-store-url", options.url("session-store"),
                "bots", List.of(Map.of(
                        "org-id", demo.orgId(),
                        "bot-id", demo.botId(),
                        "version-id", demo.botVersionId(),
                        "location", bot.toString())))));
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
                        "usernames", List.of(demo.username()))))));
        return Map.of("SPRING_APPLICATION_JSON", Json.write(settings));
    }

    private static Map<String, String> with(Map<String, String> base, Map<String, String> extra) {
        Map<String, String> merged = new LinkedHashMap<>(base);
        merged.putAll(extra);
        return merged;
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
