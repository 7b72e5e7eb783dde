package dev.parley.platforme2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.platforme2e.BotApiClient.Reply;
import dev.parley.platforme2e.BotApiClient.Session;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * A bot whose Invocation calls an Apex class converses end to end through the Bot Runtime API (gateway, runtime,
 * session-store, registry, callout, events-consumer), against a fake Salesforce org whose behaviour each test sets;
 * timeout, open breaker and full bulkhead each lead the user into the bot's ErrorHandling dialog within the turn's
 * callout budget (10 s), the fast failures without touching the org.
 *
 * <p>Each test registers the endpoint anew with its own resilience settings through callout's admin API: a changed
 * configuration rebuilds the endpoint's breaker and bulkhead, so every test starts from a closed breaker and a free
 * bulkhead.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class CalloutFailureScenarios {

    private static final String ACTION = "E2e_Parcel_Status";
    private static final String ASK = "Which parcel number?";
    private static final String ERROR_DIALOG = "Parcel tracking is unavailable right now (error dialog).";

    private E2ePlatform platform;
    private FakeApexOrg apex;
    private BotApiClient bot;

    @BeforeAll
    void uploadTheBotAndStartTheOrg() throws Exception {
        platform = PlatformIntegrationTests.platform();
        apex = new FakeApexOrg(ACTION);
        bot = platform.botApi(platform.uploadAndActivate("/bots/Parcel_Tracker.bot"));
    }

    @AfterAll
    void stopTheOrg() {
        if (apex != null) {
            apex.close();
        }
    }

    @Test
    @Order(1)
    void answersWithWhatTheApexClassReturns() {
        register(Map.of("timeouts", Map.of("connectMs", 1000, "callMs", 3000)));
        apex.behave(new FakeApexOrg.Answer("out for delivery"));

        Session session = bot.open();
        assertThat(session.welcome().texts()).containsExactly("Hi, I track parcels.", ASK);
        Reply reply = session.say("P-1001");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.texts()).containsExactly("Parcel P-1001 is out for delivery.", ASK);
        assertThat(apex.received()).last().satisfies(request -> {
            assertThat(request.authorization()).isEqualTo("Bearer " + FakeApexOrg.TOKEN);
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(platform.json().readTree(request.body()).path("parcelNumber").asString()).isEqualTo("P-1001");
        });
        assertThat(calloutOutcomes(session, 1)).containsExactly("SUCCEEDED");
    }

    @Test
    @Order(2)
    void aCallPastTheEndpointTimeLimitEndsInTheErrorDialog() {
        register(Map.of("timeouts", Map.of("connectMs", 1000, "callMs", 1000), "circuitBreaker", neverOpens()));
        apex.behave(new FakeApexOrg.Slow(Duration.ofSeconds(8), "late"));
        Session session = bot.open();
        int before = apex.requestCount();

        Reply reply = session.say("P-2002");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.texts()).containsExactly(ERROR_DIALOG, ASK);
        // the org would have answered after 8 s: the turn ended at the endpoint's 1 s limit, well within the budget
        assertThat(reply.took()).isLessThan(Duration.ofSeconds(6));
        assertThat(apex.requestCount()).isEqualTo(before + 1);
        assertThat(calloutOutcomes(session, 1)).containsExactly("TIMEOUT");
    }

    @Test
    @Order(3)
    void anOpenBreakerSendsTheUserToTheErrorDialogWithoutCallingTheOrg() {
        Duration callLimit = Duration.ofSeconds(3);
        register(Map.of("timeouts", Map.of("connectMs", 1000, "callMs", callLimit.toMillis()),
                "circuitBreaker", Map.of("failureRateThreshold", 50, "minimumNumberOfCalls", 2,
                        "slidingWindowSize", 2, "waitDurationInOpenStateMs", 600_000)));
        apex.behave(new FakeApexOrg.Fail());
        Session session = bot.open();
        for (String parcel : List.of("P-3001", "P-3002")) {
            assertThat(session.say(parcel).texts()).as("answer to %s", parcel).containsExactly(ERROR_DIALOG, ASK);
        }
        assertThat(health().path("circuitBreaker").path("state").asString()).isEqualTo("OPEN");

        // were the call let through, the org would now hold it for the whole call limit
        apex.behave(new FakeApexOrg.Slow(Duration.ofSeconds(8), "late"));
        int before = apex.requestCount();
        Reply reply = session.say("P-3003");

        assertThat(reply.texts()).containsExactly(ERROR_DIALOG, ASK);
        assertThat(apex.requestCount()).as("requests that reached the org").isEqualTo(before);
        assertThat(reply.took()).isLessThan(callLimit);
        assertThat(calloutOutcomes(session, 3)).containsExactly("HTTP_ERROR", "HTTP_ERROR", "CIRCUIT_OPEN");
        assertThat(health().path("circuitBreaker").path("notPermittedCalls").asLong()).isEqualTo(1);
    }

    @Test
    @Order(4)
    void aFullBulkheadSendsTheUserToTheErrorDialogWhileOtherTurnsHoldItsSlots() throws Exception {
        Duration callLimit = Duration.ofSeconds(8);
        register(Map.of("timeouts", Map.of("connectMs", 1000, "callMs", callLimit.toMillis()),
                "circuitBreaker", neverOpens(), "bulkhead", Map.of("maxConcurrentCalls", 2)));
        FakeApexOrg.Hold hold = FakeApexOrg.hold("out for delivery");
        apex.behave(hold);
        Session first = bot.open();
        Session second = bot.open();
        Session third = bot.open();
        int before = apex.requestCount();

        try (ExecutorService users = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<Reply> firstReply = users.submit(() -> first.say("P-4001"));
            Future<Reply> secondReply = users.submit(() -> second.say("P-4002"));
            Reply thirdReply;
            boolean othersStillHeld;
            try {
                assertThat(apex.awaitRequests(before + 2, Duration.ofSeconds(6)))
                        .as("both held turns reached the org").isTrue();
                assertThat(health().path("bulkhead").path("availableCalls").asInt()).isZero();

                thirdReply = third.say("P-4003");
                othersStillHeld = !firstReply.isDone() && !secondReply.isDone();
            } finally {
                hold.released().countDown();
            }

            assertThat(thirdReply.texts()).containsExactly(ERROR_DIALOG, ASK);
            assertThat(othersStillHeld).as("the two other turns were still held in the org").isTrue();
            assertThat(thirdReply.took()).isLessThan(Duration.ofSeconds(3));
            assertThat(apex.requestCount()).as("requests that reached the org").isEqualTo(before + 2);
            // released, the held turns finish normally
            assertThat(firstReply.get(20, TimeUnit.SECONDS).texts())
                    .containsExactly("Parcel P-4001 is out for delivery.", ASK);
            assertThat(secondReply.get(20, TimeUnit.SECONDS).texts())
                    .containsExactly("Parcel P-4002 is out for delivery.", ASK);
        }
        assertThat(calloutOutcomes(third, 1)).containsExactly("BULKHEAD_FULL");
    }

    @Test
    @Order(5)
    void theTurnBudgetEndsACallTheEndpointWouldWaitLongerFor() {
        // the endpoint allows 25 s, more than the runtime's callout budget of a turn (10 s)
        register(Map.of("timeouts", Map.of("connectMs", 1000, "callMs", 25_000), "circuitBreaker", neverOpens()));
        FakeApexOrg.Hold hold = FakeApexOrg.hold("out for delivery");
        apex.behave(hold);
        Session session = bot.open();
        Reply reply;
        try {
            reply = session.say("P-5005");
        } finally {
            hold.released().countDown();
        }

        assertThat(reply.status()).as("answer %s", reply.body()).isEqualTo(200);
        assertThat(reply.texts()).containsExactly(ERROR_DIALOG, ASK);
        assertThat(reply.took()).isLessThan(Duration.ofSeconds(14));
        assertThat(calloutOutcomes(session, 1)).containsExactly("TIMEOUT");
    }

    /** Registers (replaces) the action's endpoint: the fake org with the test's resilience settings. */
    private void register(Map<String, Object> settings) {
        Map<String, Object> endpoint = new LinkedHashMap<>(Map.of(
                "kind", "apex",
                "baseUrl", apex.url(),
                "authentication", Map.of("type", "bearer", "token", FakeApexOrg.TOKEN),
                "allowPrivateNetwork", true,
                "allowHttp", true));
        endpoint.putAll(settings);
        platform.expect(platform.internal("callout", "PUT", endpointPath(), endpoint), 200, 201);
    }

    private Map<String, Object> neverOpens() {
        return Map.of("minimumNumberOfCalls", 1000, "slidingWindowSize", 1000);
    }

    private JsonNode health() {
        return platform.internalGet("callout", endpointPath() + "/health");
    }

    private String endpointPath() {
        return "/internal/v1/orgs/" + platform.orgId() + "/endpoints/" + ACTION;
    }

    /**
     * How the session's callouts ended, as the admin's debug log tells: SUCCEEDED or the callout's error code, one
     * per Invocation, in order.
     */
    private List<String> calloutOutcomes(Session session, int callouts) {
        JsonNode log = platform.debugLog(session.id(),
                answer -> E2ePlatform.steps(answer, "EffectCompleted").size() >= callouts);
        return E2ePlatform.steps(log, "EffectCompleted").stream()
                .map(data -> "SUCCEEDED".equals(data.path("outcome").asString()) ? "SUCCEEDED"
                        : data.path("errorCode").asString())
                .toList();
    }
}
