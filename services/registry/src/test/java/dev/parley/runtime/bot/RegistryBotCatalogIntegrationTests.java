package dev.parley.runtime.bot;

import dev.parley.registry.RegistryApplication;
import dev.parley.registry.api.RegistryTopics;
import dev.parley.registry.api.VersionDetails;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RealInfrastructure;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runtime's registry-backed catalog (built as the runtime's configuration builds it) against a real registry and
 * real Kafka. It lives in the registry's module because a registry needs PostgreSQL on the classpath, which the
 * runtime's own tests must not have.
 */
@SpringBootTest(classes = RegistryApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@RealInfrastructure(database = "registry")
class RegistryBotCatalogIntegrationTests {

    private static final String ORG = "00D000000000001AAA";
    private static final String TOKEN = "registry-test-token-org-a";
    private static final String CREDENTIAL = "registry-test-credential";
    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<RegistrySync> syncs = new ArrayList<>();

    @LocalServerPort
    int port;

    @AfterEach
    void stop() {
        syncs.forEach(RegistrySync::stop);
    }

    @Test
    void loadsTheActiveVersionsAtStartAndSwitchesWithinASecondOfAnActivation() {
        String name = "Catalog_" + UUID.randomUUID().toString().substring(0, 8);
        VersionDetails v1 = upload(name, "");
        activate(v1);
        Replica replica = start(port);

        await().atMost(Duration.ofSeconds(15)).until(() -> replica.catalog().find(ORG, v1.botId()).isPresent());
        LoadedBot first = replica.catalog().find(ORG, v1.botId()).orElseThrow();
        assertThat(first.versionId()).isEqualTo(v1.versionId());
        assertThat(first.program().botName()).isEqualTo(name);
        await().atMost(Duration.ofSeconds(15)).until(() -> replica.sync().status().eventsFlowing());

        VersionDetails v2 = upload(name, "<!-- v2 -->");
        long activated = activate(v2);
        await().atMost(ONE_SECOND)
                .until(() -> replica.catalog().find(ORG, v1.botId()).map(LoadedBot::versionId),
                        v -> v.equals(Optional.of(v2.versionId())));
        System.out.printf("activation picked up after %d ms%n", (System.nanoTime() - activated) / 1_000_000);
        // a session that started on v1 keeps running v1
        assertThat(replica.catalog().find(ORG, v1.botId(), v1.versionId())).get()
                .extracting(LoadedBot::versionId).isEqualTo(v1.versionId());

        post("/admin/v1/orgs/" + ORG + "/bots/" + v1.botId() + "/rollback");
        await().atMost(ONE_SECOND)
                .until(() -> replica.catalog().find(ORG, v1.botId()).map(LoadedBot::versionId),
                        v -> v.equals(Optional.of(v1.versionId())));
    }

    @Test
    void everyReplicaSeesEveryActivation() {
        Replica one = start(port);
        Replica two = start(port);
        await().atMost(Duration.ofSeconds(15))
                .until(() -> one.sync().status().eventsFlowing() && two.sync().status().eventsFlowing());
        VersionDetails version = upload("Replicas_" + UUID.randomUUID().toString().substring(0, 8), "");

        activate(version);

        await().atMost(Duration.ofSeconds(5)).until(() -> one.catalog().find(ORG, version.botId()).isPresent()
                && two.catalog().find(ORG, version.botId()).isPresent());
    }

    @Test
    void aVersionNoLongerActiveIsFetchedAndCompiledOnDemandForItsOrgOnly() {
        String name = "OnDemand_" + UUID.randomUUID().toString().substring(0, 8);
        VersionDetails old = upload(name, "");
        VersionDetails current = upload(name, "<!-- current -->");
        activate(current);
        RegistryBotCatalog catalog = start(port).catalog();

        assertThat(catalog.find(ORG, old.botId(), old.versionId())).get()
                .satisfies(bot -> {
                    assertThat(bot.versionId()).isEqualTo(old.versionId());
                    assertThat(bot.program().botName()).isEqualTo(name);
                });
        assertThat(catalog.find("00D000000000002AAA", old.botId(), old.versionId())).isEmpty();
        assertThat(catalog.find(ORG, old.botId(), "0X9AAAAAAAAAAAAAAA")).isEmpty();
    }

    @Test
    void aReplicaStartsWhileTheRegistryIsDownAndCatchesUpWhenItIsBack() throws Exception {
        VersionDetails version = upload("Outage_" + UUID.randomUUID().toString().substring(0, 8), "");
        activate(version);
        try (TcpForwarder registry = new TcpForwarder(port)) {
            Replica replica = start(registry.port());
            RegistryCatalogHealthIndicator health = new RegistryCatalogHealthIndicator(replica.sync(),
                    replica.catalog());

            await().atMost(Duration.ofSeconds(5)).until(() -> replica.sync().status().lastError() != null);
            assertThat(health.health().getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.health().getDetails()).containsKey("lastError");
            assertThat(replica.catalog().find(ORG, version.botId())).isEmpty();

            registry.start();

            await().atMost(Duration.ofSeconds(10)).until(() -> health.health().getStatus().equals(Status.UP));
            assertThat(replica.catalog().find(ORG, version.botId())).isPresent();
        }
    }

    /** One runtime replica's catalog and its sync. */
    private record Replica(RegistryBotCatalog catalog, RegistrySync sync) {
    }

    private Replica start(int registryPort) {
        RegistryCatalogProperties properties = new RegistryCatalogProperties(
                URI.create("http://127.0.0.1:" + registryPort),
                new RegistryCatalogProperties.Registry(Duration.ofSeconds(2), Duration.ofMinutes(1),
                        Duration.ofMillis(100), Duration.ofMillis(500), 10, Duration.ofMillis(100)));
        RestClient.Builder rest = RestClient.builder().defaultHeader("X-Parley-Internal-Credential", CREDENTIAL);
        RegistryBotCatalog catalog = new RegistryBotCatalog(new HttpRegistryClient(rest.clone(), properties),
                Duration.ofMinutes(30), 10);
        Supplier<org.apache.kafka.clients.consumer.Consumer<String, String>> consumers =
                BotCatalogConfiguration.RegistrySyncConfiguration.consumers(new DefaultKafkaConsumerFactory<>(Map.of(
                        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                        ConsumerConfig.GROUP_ID_CONFIG, "ignored-the-catalog-uses-no-group")));
        RegistrySync sync = new RegistrySync(catalog, new HttpRegistryClient(rest.clone(), properties), consumers,
                RegistryTopics.BOT_DEFINITIONS, json, properties.registry());
        sync.start();
        syncs.add(sync);
        return new Replica(catalog, sync);
    }

    private VersionDetails upload(String name, String edit) {
        String bot = resource("bots/kovai/kovai.bot").replaceFirst("<name>kovai</name>", "<name>" + name + "</name>")
                + edit;
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/admin/v1/orgs/" + ORG + "/bots?filename="
                        + name + ".bot"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString(bot)));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readValue(response.body(), VersionDetails.class);
    }

    /** Activates the version; returns {@link System#nanoTime()} when the registry answered. */
    private long activate(VersionDetails version) {
        post("/admin/v1/orgs/" + ORG + "/bots/" + version.botId() + "/versions/" + version.versionId() + "/activate");
        return System.nanoTime();
    }

    private void post(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String resource(String name) {
        try (var in = RegistryBotCatalogIntegrationTests.class.getClassLoader().getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
