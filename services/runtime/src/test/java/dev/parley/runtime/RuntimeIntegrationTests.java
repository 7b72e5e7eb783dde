package dev.parley.runtime;

import dev.parley.platform.kafka.KafkaNames;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.Topics;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.runtime.api.TurnReply;
import dev.parley.runtime.sessionstore.SessionStore;
import dev.parley.sessionstore.SessionStoreApplication;
import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.LeaseGranted;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxEntry;
import dev.parley.sessionstore.api.SessionRecord;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RealInfrastructure;
import dev.parley.testkit.RedisServer;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The runtime against real Redis and Kafka (testkit) and a real session-store started in this JVM, driving the demo
 * bot over HTTP the way the gateway does.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.platform.internal-credential=" + RuntimeIntegrationTests.CREDENTIAL,
        "parley.runtime.bots[0].org-id=" + RuntimeIntegrationTests.ORG,
        "parley.runtime.bots[0].bot-id=demo",
        "parley.runtime.bots[0].version-id=" + RuntimeIntegrationTests.VERSION,
        "parley.runtime.bots[0].location=classpath:bots/demo",
        "parley.runtime.events.sweep-interval=300ms",
        "parley.runtime.events.sweep-min-age=1s"})
@RealInfrastructure(postgres = false)
class RuntimeIntegrationTests {

    static final String CREDENTIAL = "runtime-integration-credential";
    static final String ORG = "00D000000000001AAA";
    static final String OTHER_ORG = "00D000000000002AAA";
    static final String VERSION = "0X9000000000001AAA";

    private static ConfigurableApplicationContext sessionStoreApp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String testRun = UUID.randomUUID().toString();

    @LocalServerPort
    private int port;

    @Autowired
    private JsonMapper json;

    @Autowired
    private SessionStore sessionStore;

    @Autowired
    private KafkaNames kafkaNames;

    @Autowired
    private MeterRegistry meters;

    @DynamicPropertySource
    static void sessionStore(DynamicPropertyRegistry registry) {
        registry.add("parley.runtime.session-store-url", RuntimeIntegrationTests::startSessionStore);
    }

    /** A real session-store on a free port, on the testkit's Redis; stopped with the JVM. */
    private static synchronized String startSessionStore() {
        if (sessionStoreApp == null) {
            RedisServer redis = Infrastructure.redis();
            // command-line arguments outrank the runtime's application.yml, which is first on this classpath
            sessionStoreApp = new SpringApplicationBuilder(SessionStoreApplication.class)
                    .main(SessionStoreApplication.class)
                    .run(
                    "--spring.application.name=session-store",
                    "--server.port=0",
                    "--spring.data.redis.host=" + redis.host(),
                    "--spring.data.redis.port=" + redis.port(),
                    "--parley.platform.internal-credential=" + CREDENTIAL);
        }
        return "http://127.0.0.1:" + sessionStoreApp.getEnvironment().getProperty("local.server.port");
    }

    @Test
    void startShowsTheMainMenu() {
        Response started = start("visitor-menu");

        assertThat(started.status()).isEqualTo(200);
        TurnReply reply = started.as(TurnReply.class);
        assertThat(reply.botVersion()).isEqualTo(VERSION);
        assertThat(reply.messages()).extracting(OutboundMessage::type).containsExactly("text", "text", "choices");
        assertThat(reply.messages().get(2).choices()).extracting(OutboundMessage.Choice::label)
                .containsExactly("Order Status", "Account Issues", "Frequently Asked Questions", "End Chat");
        assertThat(reply.messages().get(2).choices()).extracting(OutboundMessage.Choice::alias)
                .containsExactly("1", "2", "3", "4");
    }

    @Test
    void aRepeatedStartAnswersTheSameSession() {
        TurnReply first = start("visitor-again").as(TurnReply.class);
        TurnReply again = start("visitor-again").as(TurnReply.class);

        assertThat(again).isEqualTo(first);
        assertThat(version(first.sessionId())).isEqualTo(1);
    }

    @Test
    void choicesCanBeMadeByIndexAliasIdOrLabelText() {
        TurnReply byIndex = message(session("by-index"), Map.of("type", "CHOICE", "sequenceId", 1, "choiceIndex", 3));
        TurnReply byAlias = message(session("by-alias"), Map.of("type", "TEXT", "sequenceId", 1, "text", "3"));
        TurnReply started = start("by-id").as(TurnReply.class);
        String faqId = started.messages().get(2).choices().get(2).id();
        TurnReply byId = message(started.sessionId(), Map.of("type", "CHOICE", "sequenceId", 1, "choiceId", faqId));
        TurnReply byLabel = message(session("by-label"),
                Map.of("type", "TEXT", "sequenceId", 1, "text", "frequently asked questions"));

        for (TurnReply reply : List.of(byIndex, byAlias, byId, byLabel)) {
            assertThat(texts(reply)).contains("Our support team is available Monday to Friday, 9am to 5pm.");
            assertThat(reply.processedSequenceIds()).containsExactly(1L);
        }
    }

    @Test
    void freeTextTheBotDoesNotUnderstandRunsConfused() {
        TurnReply reply = message(session("confused"), Map.of("type", "TEXT", "sequenceId", 1, "text", "zebra"));

        assertThat(texts(reply)).singleElement().asString().startsWith("Sorry, I didn't understand that.");
    }

    @Test
    void endEndsTheSessionAndRefusesLaterMessages() {
        String sessionId = session("ending");

        Response ended = post("/internal/v1/orgs/" + ORG + "/sessions/" + sessionId + "/end",
                Map.of("reason", "UserRequest"));
        Response endedAgain = post("/internal/v1/orgs/" + ORG + "/sessions/" + sessionId + "/end",
                Map.of("reason", "UserRequest"));
        Response later = post(messages(ORG, sessionId), Map.of("type", "TEXT", "sequenceId", 5, "text", "hi"));

        assertThat(ended.status()).isEqualTo(200);
        assertThat(ended.as(TurnReply.class).messages()).extracting(OutboundMessage::type)
                .containsExactly("sessionEnded");
        assertThat(endedAgain.as(TurnReply.class)).isEqualTo(ended.as(TurnReply.class));
        assertThat(later.status()).isEqualTo(410);
        assertThat(later.code()).isEqualTo("SESSION_ENDED");
    }

    @Test
    void aRepeatedSequenceIdAnswersTheSameReplyAndCommitsNothing() {
        String sessionId = session("repeat");
        Map<String, Object> command = Map.of("type", "TEXT", "sequenceId", 42, "text", "zebra");
        TurnReply first = message(sessionId, command);
        long version = version(sessionId);

        TurnReply again = message(sessionId, command);

        assertThat(again).isEqualTo(first);
        assertThat(version(sessionId)).isEqualTo(version);
    }

    @Test
    void anotherOrgCannotTouchTheSession() {
        String sessionId = session("private");
        TurnReply answered = message(sessionId, Map.of("type", "TEXT", "sequenceId", 1, "text", "zebra"));
        long version = version(sessionId);

        Response message = post(messages(OTHER_ORG, sessionId),
                Map.of("type", "TEXT", "sequenceId", 2, "text", "hello"));
        Response replay = post(messages(OTHER_ORG, sessionId),
                Map.of("type", "TEXT", "sequenceId", 1, "text", "zebra"));
        Response end = post("/internal/v1/orgs/" + OTHER_ORG + "/sessions/" + sessionId + "/end", Map.of());

        for (Response response : List.of(message, replay, end)) {
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.code()).isEqualTo("SESSION_NOT_FOUND");
            assertThat(response.body().toString()).doesNotContain(answered.runtimeCrc(), "zebra", ORG);
        }
        assertThat(version(sessionId)).isEqualTo(version);
    }

    @Test
    void aChoiceIndexOutOfRangeIsRefusedAndChangesNothing() {
        String sessionId = session("out-of-range");
        long version = version(sessionId);

        Response refused = post(messages(ORG, sessionId), Map.of("type", "CHOICE", "sequenceId", 1, "choiceIndex", 9));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("INVALID_INPUT");
        assertThat(version(sessionId)).isEqualTo(version);
        assertThat(texts(message(sessionId, Map.of("type", "CHOICE", "sequenceId", 1, "choiceIndex", 3))))
                .as("the refused message used up nothing").isNotEmpty();
    }

    @Test
    void unknownBotsAndSessionsAndUnauthenticatedCallsAreRefused() throws Exception {
        Response unknownBot = post("/internal/v1/orgs/" + ORG + "/bots/nope/sessions",
                Map.of("externalSessionKey", "k", "forceConfigEndpoint", "https://example.my.salesforce.com"));
        Response unknownSession = post(messages(ORG, UUID.randomUUID().toString()),
                Map.of("type", "TEXT", "sequenceId", 1, "text", "hi"));
        HttpResponse<String> anonymous = http.send(HttpRequest.newBuilder(uri(messages(ORG, UUID.randomUUID()
                        .toString())))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"TEXT\",\"sequenceId\":1,\"text\":\"hi\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(unknownBot.status()).isEqualTo(404);
        assertThat(unknownBot.code()).isEqualTo("BOT_NOT_FOUND");
        assertThat(unknownSession.status()).isEqualTo(404);
        assertThat(unknownSession.code()).isEqualTo("SESSION_NOT_FOUND");
        assertThat(anonymous.statusCode()).isEqualTo(401);
    }

    @Test
    void turnEventsArriveOnKafkaWithUniqueIds() {
        TurnReply started = start("events").as(TurnReply.class);
        message(started.sessionId(), Map.of("type", "TEXT", "sequenceId", 1, "text", "zebra"));

        Map<UUID, Set<String>> payloadsById = await().atMost(Duration.ofSeconds(30))
                .until(() -> payloadsById(started.sessionId()), byId -> byId.values().stream()
                        .map(this::event).filter(e -> e.type().equals("TurnCompleted")).count() == 2);

        assertThat(payloadsById.values()).as("one payload per event id, even if published twice")
                .allSatisfy(payloads -> assertThat(payloads).hasSize(1));
        List<TurnEvent> events = payloadsById.values().stream().map(this::event).toList();
        assertThat(events).extracting(TurnEvent::type)
                .contains("SessionStarted", "DialogEntered", "MessageSent", "MessageReceived", "InputNotUnderstood",
                        "TurnCompleted");
        assertThat(events).allSatisfy(e -> {
            assertThat(e.orgId()).isEqualTo(ORG);
            assertThat(e.botId()).isEqualTo("demo");
            assertThat(e.botVersion()).isEqualTo(VERSION);
            assertThat(e.schemaVersion()).isEqualTo(TurnEvent.SCHEMA_VERSION);
            assertThat(e.requestId()).isNotBlank();
        });
        assertThat(events).filteredOn(e -> e.type().equals("MessageReceived")).singleElement()
                .satisfies(e -> assertThat(e.sequenceId()).isEqualTo(1L));
    }

    @Test
    void eventsCommittedButNeverPublishedAreSweptToKafka() {
        // a turn committed through session-store by an instance that crashed before publishing
        String sessionId = UUID.randomUUID().toString();
        LeaseGranted lease = sessionStore.lease(sessionId,
                new LeaseRequest("crashing runtime", 10_000, 1_000, "start"));
        List<OutboxEntry> outbox = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TurnEvent event = new TurnEvent(UUID.randomUUID(), "StepExecuted", TurnEvent.SCHEMA_VERSION, ORG, "demo",
                    VERSION, sessionId, Instant.now(), 1, null, "crash-test", Map.of("index", i));
            outbox.add(new OutboxEntry(event.eventId(), Topics.TURN_EVENTS, sessionId, json.writeValueAsString(event),
                    0));
        }
        sessionStore.commit(sessionId, new CommitRequest(lease.fencingToken(),
                new SessionRecord(sessionId, ORG, "demo", VERSION, "ACTIVE", "{}", 0), "start", "{}", outbox, 60_000));
        double recoveredBefore = meters.get("parley.runtime.outbox.recovered").counter().count();

        Set<UUID> ids = outbox.stream().map(OutboxEntry::eventId).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(payloadsById(sessionId).keySet()).containsAll(ids));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(sessionStore.outboxOlderThan(Duration.ZERO, 1000)).extracting(OutboxEntry::eventId)
                        .doesNotContainAnyElementsOf(ids));
        assertThat(meters.get("parley.runtime.outbox.recovered").counter().count())
                .isGreaterThanOrEqualTo(recoveredBefore + 3);
    }

    @Test
    void concurrentTurnsOfOneSessionRunOneAtATimeInArrivalOrder() throws Exception {
        String sessionId = session("concurrent");
        long version = version(sessionId);
        // hold the session so both turns queue behind it, the lower sequence id first
        LeaseGranted held = sessionStore.lease(sessionId, new LeaseRequest("test", 10_000, 1_000, "hold"));
        CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> post(messages(ORG, sessionId),
                Map.of("type", "TEXT", "sequenceId", 1, "text", "Frequently Asked Questions")));
        Thread.sleep(300);
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> post(messages(ORG, sessionId),
                Map.of("type", "TEXT", "sequenceId", 2, "text", "zebra")));
        Thread.sleep(300);
        assertThat(first).isNotDone();
        sessionStore.release(sessionId, held.fencingToken());

        assertThat(first.get().status()).isEqualTo(200);
        assertThat(second.get().status()).as("had it run first, sequence id 1 would be stale").isEqualTo(200);
        assertThat(texts(second.get().as(TurnReply.class))).singleElement().asString().startsWith("Sorry");
        assertThat(version(sessionId)).isEqualTo(version + 2);

        // the same message twice at once runs once; the later one answers the recorded reply
        Map<String, Object> twice = Map.of("type", "TEXT", "sequenceId", 3, "text", "zebra");
        CompletableFuture<Response> a = CompletableFuture.supplyAsync(() -> post(messages(ORG, sessionId), twice));
        CompletableFuture<Response> b = CompletableFuture.supplyAsync(() -> post(messages(ORG, sessionId), twice));
        assertThat(a.get().status()).isEqualTo(200);
        assertThat(b.get().as(TurnReply.class)).isEqualTo(a.get().as(TurnReply.class));
        assertThat(version(sessionId)).isEqualTo(version + 3);
    }

    // --- helpers ---

    private record Response(int status, JsonNode body, JsonMapper json) {

        <T> T as(Class<T> type) {
            assertThat(status).as("status of %s", body).isEqualTo(200);
            return json.treeToValue(body, type);
        }

        String code() {
            return body.path("code").asString();
        }
    }

    /** Starts the session of this test with the external key; the same key gives the same session. */
    private Response start(String externalKey) {
        return post("/internal/v1/orgs/" + ORG + "/bots/demo/sessions", Map.of(
                "externalSessionKey", externalKey + "-" + testRun,
                "forceConfigEndpoint", "https://example.my.salesforce.com"));
    }

    /** A freshly started session of the demo bot. */
    private String session(String externalKey) {
        return start(externalKey).as(TurnReply.class).sessionId();
    }

    private TurnReply message(String sessionId, Map<String, Object> command) {
        return post(messages(ORG, sessionId), command).as(TurnReply.class);
    }

    private static String messages(String orgId, String sessionId) {
        return "/internal/v1/orgs/" + orgId + "/sessions/" + sessionId + "/messages";
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private Response post(String path, Object body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/json")
                    .header("X-Parley-Internal-Credential", CREDENTIAL)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), json.readTree(response.body()), json);
        } catch (Exception e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        }
    }

    /** The session's committed version, read under a lease of its own. */
    private long version(String sessionId) {
        LeaseGranted lease = sessionStore.lease(sessionId,
                new LeaseRequest("test probe", 5_000, 5_000, "probe:" + UUID.randomUUID()));
        sessionStore.release(sessionId, lease.fencingToken());
        return lease.session().version();
    }

    private static List<String> texts(TurnReply reply) {
        return reply.messages().stream().filter(m -> m.type().equals("text")).map(OutboundMessage::text).toList();
    }

    private TurnEvent event(Set<String> payloads) {
        return json.readValue(payloads.iterator().next(), TurnEvent.class);
    }

    /** Every turn event of the session on Kafka so far, by event id, with each distinct payload seen. */
    private Map<UUID, Set<String>> payloadsById(String sessionId) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.kafka().bootstrapServers(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        Map<UUID, Set<String>> byId = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            String topic = kafkaNames.topic(Topics.TURN_EVENTS);
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (sessionId.equals(record.key())) {
                        UUID eventId = UUID.fromString(json.readTree(record.value()).path("eventId").asString());
                        byId.computeIfAbsent(eventId, id -> new HashSet<>()).add(record.value());
                    }
                }
            }
        }
        return byId;
    }
}
