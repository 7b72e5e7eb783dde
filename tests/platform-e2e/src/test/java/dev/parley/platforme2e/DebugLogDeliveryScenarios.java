package dev.parley.platforme2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platforme2e.BotApiClient.Reply;
import dev.parley.platforme2e.BotApiClient.Session;
import dev.parley.platforme2e.FakeLogDestination.Delivery;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * After a scripted conversation through the Bot Runtime API with the order-status bot (uploaded to the registry, its
 * Apex lookup answered by the local run's stand-in org), an admin reads that session's step-by-step debug log and the
 * bot's metrics through the events-consumer query API, and a log destination configured through the log-uploader's
 * admin API receives every event of the session exactly once, although it refused the first deliveries.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DebugLogDeliveryScenarios {

    /** The destination answers 503 to this many requests before it accepts. */
    private static final int FAILING_DELIVERIES = 2;

    private static final String ORDER_NUMBER = "A-1234";

    private E2ePlatform platform;
    private FakeLogDestination destination;
    private String destinationId;
    private String botId;
    private String metricsFrom;
    private JsonNode metricsBefore;
    private Session session;
    private final List<Reply> replies = new ArrayList<>();

    @BeforeAll
    void converse() throws Exception {
        platform = PlatformIntegrationTests.platform();
        botId = platform.credential("order-status-bot-id");
        destination = new FakeLogDestination(FAILING_DELIVERIES);
        JsonNode created = platform.expect(platform.internal("log-uploader", "POST",
                "/internal/v1/orgs/" + platform.orgId() + "/log-destinations", Map.of(
                        "name", "E2E log sink",
                        "url", destination.url(),
                        "authHeaderValue", FakeLogDestination.SECRET,
                        "botIds", List.of(botId),
                        "batchSize", 500,
                        "lingerMillis", 500)), 201);
        destinationId = created.path("id").asString();
        metricsFrom = Instant.now().minus(2, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES).toString();
        metricsBefore = metrics();

        BotApiClient api = platform.botApi(botId);
        session = api.open();
        replies.add(session.welcome());
        replies.add(session.choose(1));
        replies.add(session.say(ORDER_NUMBER));
        replies.add(session.end());
    }

    @AfterAll
    void stopTheDestination() {
        if (destination != null) {
            destination.close();
        }
    }

    @Test
    void theScriptedConversationRanThroughTheApexLookup() {
        assertThat(replies).extracting(Reply::status).containsOnly(200);
        assertThat(replies.get(0).texts()).containsExactly("Hi, I can look up your orders.", "Check an order",
                "End chat");
        assertThat(replies.get(1).texts()).containsExactly("What is your order number?");
        assertThat(replies.get(2).texts().getFirst())
                .matches("Order A-1234 is (being packed|shipped|out for delivery|delivered)\\.");
        assertThat(replies.get(3).texts()).containsExactly("[sessionEnded]");
    }

    @Test
    void anAdminReadsTheSessionsStepByStepDebugLog() {
        JsonNode log = endedDebugLog();

        List<String> types = types(log);
        assertThat(types.getFirst()).isEqualTo("SessionStarted");
        assertThat(types).containsSubsequence("SessionStarted", "DialogEntered", "MessageSent", "MessageReceived",
                "DialogEntered", "MessageReceived", "EffectRequested", "EffectCompleted", "MessageSent",
                "SessionEnded", "TurnCompleted");
        assertThat(log.path("totalSteps").asInt()).isEqualTo(types.size());
        List<Integer> turns = new ArrayList<>();
        log.path("steps").forEach(step -> turns.add(step.path("turn").asInt()));
        assertThat(turns).as("steps in execution order, turn by turn").isSorted();
        assertThat(turns.getLast()).isEqualTo(replies.size());
        assertThat(E2ePlatform.steps(log, "EffectCompleted")).singleElement().satisfies(effect -> {
            assertThat(effect.path("actionName").asString()).isEqualTo("OrderStatus");
            assertThat(effect.path("outcome").asString()).isEqualTo("SUCCEEDED");
        });
        JsonNode summary = log.path("session");
        assertThat(summary.path("botId").asString()).isEqualTo(botId);
        assertThat(summary.path("endReason").asString()).isEqualTo("ClientRequest");
        assertThat(summary.path("turns").asInt()).isEqualTo(replies.size());
        assertThat(summary.path("errors").asInt()).isZero();
        // the bot does not log private conversation data: what the user typed is not in the log
        assertThat(log.toString()).doesNotContain(ORDER_NUMBER);
    }

    @Test
    void theBotsMetricsCountTheSessionAndItsTurns() {
        int turns = E2ePlatform.steps(endedDebugLog(), "TurnCompleted").size();
        long sessionsBefore = metricsBefore.path("totals").path("sessions").asLong();
        long turnsBefore = metricsBefore.path("totals").path("turns").asLong();

        JsonNode after = platform.pollInternal("events-consumer", metricsPath(), Duration.ofSeconds(30),
                answer -> answer.path("totals").path("turns").asLong() >= turnsBefore + turns);

        assertThat(after.path("totals").path("sessions").asLong()).isEqualTo(sessionsBefore + 1);
        assertThat(after.path("totals").path("turns").asLong()).isEqualTo(turnsBefore + turns);
        assertThat(after.path("totals").path("latency").path("turns").asLong()).isEqualTo(turnsBefore + turns);
        assertThat(after.path("totals").path("errors").asLong())
                .isEqualTo(metricsBefore.path("totals").path("errors").asLong());
        assertThat(after.path("dialogs").findValuesAsString("dialog")).contains("Check_Order");
    }

    @Test
    void theDestinationReceivesTheSessionsLogExactlyOnceDespiteRefusingAtFirst() {
        List<String> logged = endedDebugLog().path("steps").valueStream()
                .map(step -> step.path("eventId").asString()).toList();

        // wait until the uploader has nothing left to send, and the destination accepted the whole session
        platform.pollInternal("log-uploader", "/internal/v1/orgs/" + platform.orgId() + "/log-destinations/"
                + destinationId + "/delivery-status", Duration.ofSeconds(60), status ->
                status.path("pending").asLong() == 0 && acceptedEventIds().containsAll(logged));

        List<Delivery> deliveries = destination.deliveries();
        assertThat(acceptedEventIds()).as("the session's events in accepted batches, each once")
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(logged);
        List<Delivery> refused = deliveries.stream().filter(delivery -> delivery.answered() == 503).toList();
        assertThat(refused).hasSize(FAILING_DELIVERIES);
        for (Delivery first : refused) {
            assertThat(deliveries).as("the accepted re-send of batch %s", first.idempotencyKey())
                    .filteredOn(delivery -> delivery.answered() == 200
                            && delivery.idempotencyKey().equals(first.idempotencyKey()))
                    .singleElement()
                    .satisfies(accepted -> {
                        assertThat(accepted.body()).as("the same bytes").isEqualTo(first.body());
                        assertThat(Integer.parseInt(accepted.attempt())).isGreaterThan(Integer.parseInt(first.attempt()));
                    });
        }
        for (Delivery delivery : deliveries) {
            JsonNode batch = platform.json().readTree(delivery.body());
            assertThat(delivery.idempotencyKey()).isEqualTo(batch.path("batchId").asString());
            assertThat(delivery.authorization()).isEqualTo(FakeLogDestination.SECRET);
            assertThat(delivery.contentType()).startsWith("application/json");
            assertThat(batch.path("orgId").asString()).isEqualTo(platform.orgId());
            // each session's events keep their order within a batch
            List<String> ofSession = sessionEventIds(batch);
            assertThat(logged).containsSubsequence(ofSession);
            assertThat(new String(delivery.body(), StandardCharsets.UTF_8)).doesNotContain(ORDER_NUMBER);
        }
    }

    private List<String> acceptedEventIds() {
        List<String> ids = new ArrayList<>();
        for (Delivery delivery : destination.deliveries()) {
            if (delivery.answered() == 200) {
                ids.addAll(sessionEventIds(platform.json().readTree(delivery.body())));
            }
        }
        return ids;
    }

    private List<String> sessionEventIds(JsonNode batch) {
        return batch.path("events").valueStream()
                .filter(event -> session.id().equals(event.path("sessionId").asString()))
                .map(event -> event.path("eventId").asString())
                .toList();
    }

    private JsonNode endedDebugLog() {
        return platform.debugLog(session.id(), log -> types(log).contains("SessionEnded")
                && types(log).getLast().equals("TurnCompleted")
                && log.path("session").path("turns").asInt() == replies.size());
    }

    private List<String> types(JsonNode log) {
        return log.path("steps").valueStream().map(step -> step.path("type").asString()).toList();
    }

    private JsonNode metrics() {
        return platform.internalGet("events-consumer", metricsPath());
    }

    private String metricsPath() {
        return "/internal/v1/orgs/" + platform.orgId() + "/bots/" + botId + "/metrics?granularity=minute&from="
                + metricsFrom;
    }
}
