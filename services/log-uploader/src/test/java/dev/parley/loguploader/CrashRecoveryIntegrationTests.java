package dev.parley.loguploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.loguploader.FakeDestination.Receipt;
import dev.parley.runtime.api.Topics;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.KafkaBroker;
import dev.parley.testkit.PostgresServer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service killed with SIGKILL while a batch is on its way, then started again: no event is lost and the
 * deduping destination gets none twice. The first instance is a separate JVM so that the kill is real; the second
 * runs in this JVM. Both use their own database and Kafka prefix, apart from the other tests' context.
 */
class CrashRecoveryIntegrationTests {

    private static final String CREDENTIAL = "crash-credential";
    private static final String PREFIX = "crash.";
    private static final String ORG = "orgcrash";

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aServiceKilledMidBatchLosesNoEventAndDuplicatesNone() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        KafkaBroker kafka = Infrastructure.kafka();
        String jdbcUrl = postgres.createDatabase("loguploader_crash");
        kafka.createTopic(PREFIX + Topics.TURN_EVENTS, 3);
        List<TurnEvent> events = TurnEventsProducer.steps(ORG, "bot-1", 8, 400);
        try (FakeDestination destination = FakeDestination.start().delay(Duration.ofMillis(300));
                TurnEventsProducer producer = new TurnEventsProducer(kafka.bootstrapServers(),
                        PREFIX + Topics.TURN_EVENTS, json)) {
            int port = freePort();
            Process first = start(arguments(jdbcUrl, postgres, kafka, port));
            try {
                await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(500)).until(() -> healthy(port));
                AdminApi firstApi = new AdminApi(port, CREDENTIAL, json);
                firstApi.createDestination(ORG, Map.of("name", "crash", "url", destination.url(), "batchSize", 25,
                        "lingerMillis", 200));
                // the third request is killed in flight: the destination takes it, the service never hears back
                AtomicInteger received = new AtomicInteger();
                destination.onReceipt(receipt -> {
                    if (received.incrementAndGet() == 3) {
                        first.destroyForcibly();
                    }
                });
                producer.sendAll(events.subList(0, 200));
                assertThat(first.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            } finally {
                first.destroyForcibly();
            }
            producer.sendAll(events.subList(200, 400));

            List<String> args = new ArrayList<>(arguments(jdbcUrl, postgres, kafka, 0));
            try (ConfigurableApplicationContext second = new SpringApplicationBuilder(LogUploaderApplication.class).main(LogUploaderApplication.class)
                    .run(args.toArray(String[]::new))) {
                await().atMost(Duration.ofSeconds(90)).until(() -> destination.processedEventIds().size() >= 400);

                assertThat(destination.processedEventIds()).hasSize(400).doesNotHaveDuplicates()
                        .containsExactlyInAnyOrderElementsOf(events.stream().map(e -> e.eventId().toString()).toList());
                Map<String, Integer> sends = new HashMap<>();
                destination.raw().forEach(r -> sends.merge(r.idempotencyKey(), 1, Integer::sum));
                assertThat(sends).as("the batch in flight at the kill was sent again under its id")
                        .containsValue(2);
                int secondPort = Integer.parseInt(second.getEnvironment().getProperty("local.server.port"));
                AdminApi api = new AdminApi(secondPort, CREDENTIAL, json);
                String id = api.get("/internal/v1/orgs/" + ORG + "/log-destinations").json().get("destinations")
                        .get(0).get("id").stringValue();
                await().atMost(Duration.ofSeconds(30)).until(() -> api.deliveries(ORG, id, "pending").isEmpty());
                JsonNode stored = api.deliveries(ORG, id, null);
                assertThat(stored.findValuesAsString("status")).containsOnly("delivered");
                assertThat(destination.processed()).extracting(Receipt::batchId)
                        .containsExactlyInAnyOrderElementsOf(stored.findValuesAsString("batchId"));
            }
        }
    }

    private static List<String> arguments(String jdbcUrl, PostgresServer postgres, KafkaBroker kafka, int port) {
        return List.of("--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + postgres.username(),
                "--spring.datasource.password=" + postgres.password(),
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                // a killed member must leave the group quickly for the restarted one to get its partitions
                "--spring.kafka.consumer.properties.session.timeout.ms=6000",
                "--spring.kafka.consumer.properties.heartbeat.interval.ms=1000",
                "--parley.platform.kafka-prefix=" + PREFIX,
                "--parley.platform.internal-credential=" + CREDENTIAL,
                "--parley.log-uploader.destinations.allow-http=true",
                "--parley.log-uploader.destinations.allow-private-network=true",
                "--parley.log-uploader.delivery.timeout-floor=200ms",
                "--parley.log-uploader.delivery.timeout-initial=2s",
                "--parley.log-uploader.delivery.timeout-ceiling=2s",
                "--parley.log-uploader.delivery.claim-lease=5s",
                "--parley.log-uploader.delivery.poll-interval=50ms",
                "--parley.log-uploader.delivery.max-concurrent-per-destination=2",
                "--parley.log-uploader.ingest.max-poll-wait=50ms",
                "--parley.log-uploader.ingest.commit-interval=200ms");
    }

    private static Process start(List<String> arguments) throws IOException {
        String java = ProcessHandle.current().info().command()
                .orElse(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-Xmx512m", "-cp", classPath, LogUploaderApplication.class.getName()));
        command.addAll(arguments);
        Path log = Path.of("target", "crash-recovery-first-instance.log");
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("PARLEY_LOG_FORMAT", "text");
        return builder.start();
    }

    private static boolean healthy(int port) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
