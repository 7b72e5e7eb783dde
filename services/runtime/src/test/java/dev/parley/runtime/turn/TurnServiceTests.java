package dev.parley.runtime.turn;

import dev.parley.engine.EffectResult;
import dev.parley.runtime.callout.CalloutProperties;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.Topics;
import dev.parley.runtime.api.TurnErrorCode;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.runtime.api.TurnReply;
import dev.parley.runtime.api.Variable;
import dev.parley.runtime.bot.TestBots;
import dev.parley.runtime.events.TestRelays;
import dev.parley.runtime.events.TurnEventPublisher;
import dev.parley.runtime.sessionstore.InMemorySessionStore;
import dev.parley.runtime.sessionstore.SessionBusyException;
import dev.parley.runtime.sessionstore.SessionStoreUnavailableException;
import dev.parley.sessionstore.api.CommitRequest;
import dev.parley.sessionstore.api.LeaseRequest;
import dev.parley.sessionstore.api.OutboxEntry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.parley.runtime.bot.TestBots.BOT;
import static dev.parley.runtime.bot.TestBots.ORG;
import static dev.parley.runtime.bot.TestBots.VERSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class TurnServiceTests {

    private static final String OTHER_ORG = "00D000000000002AAA";

    private final InMemorySessionStore store = new InMemorySessionStore();
    private final List<OutboxEntry> published = new CopyOnWriteArrayList<>();
    private final TurnEventPublisher publisher = entry -> {
        published.add(entry);
        return CompletableFuture.completedFuture(null);
    };
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final JsonMapper json = JsonMapper.builder().build();
    private final TurnService turns = new TurnService(TestBots.demoCatalog(), store,
            TestRelays.relay(publisher, store, meters), json,
            new TurnProperties(Duration.ofSeconds(10), Duration.ofSeconds(5), Duration.ofSeconds(20), 200),
            new TurnMetrics(meters), (org, effect, budget) -> EffectResult.failure(effect.id(), "TEST", "no callouts"),
            new CalloutProperties(null, Duration.ofSeconds(5), Duration.ofSeconds(1)));

    @Test
    void startShowsTheWelcomeAndTheMainMenu() {
        TurnReply reply = start("visitor-1");

        assertThat(reply.sessionId()).isEqualTo(TurnService.sessionIdFor(ORG, BOT, "visitor-1"));
        assertThat(reply.botVersion()).isEqualTo(VERSION);
        assertThat(reply.processedSequenceIds()).isEmpty();
        assertThat(reply.messages()).extracting(OutboundMessage::type).containsExactly("text", "text", "choices");
        assertThat(reply.messages().getFirst().text()).contains("Parley demo assistant");
        assertThat(reply.messages().getFirst().responseDelayMilliseconds()).isEqualTo(300);
        assertThat(reply.messages().get(2).choices()).extracting(OutboundMessage.Choice::label)
                .containsExactly("Order Status", "Account Issues", "Frequently Asked Questions", "End Chat");
        assertThat(store.session(reply.sessionId()).status()).isEqualTo("ACTIVE");
        assertThat(store.leased(reply.sessionId())).isFalse();
    }

    @Test
    void repeatedStartAnswersTheRecordedReplyAndCommitsOnce() {
        TurnReply first = start("visitor-1");
        TurnReply again = start("visitor-1");

        assertThat(again).isEqualTo(first);
        assertThat(store.commits()).hasSize(1);
        assertThat(meters.get("parley.runtime.turns").tags("operation", "start", "outcome", "replayed").counter()
                .count()).isEqualTo(1);
    }

    @Test
    void differentExternalKeysStartDifferentSessions() {
        assertThat(start("visitor-1").sessionId()).isNotEqualTo(start("visitor-2").sessionId());
    }

    @Test
    void choosingByIndexRunsTheChosenDialog() {
        String sessionId = start("visitor-1").sessionId();

        TurnReply reply = turns.message(ORG, sessionId, choice(1, 2, null));

        assertThat(reply.processedSequenceIds()).containsExactly(1L);
        assertThat(texts(reply)).anyMatch(t -> t.contains("reset your password"));
    }

    @Test
    void choosingByIdRunsTheChosenDialog() {
        TurnReply started = start("visitor-1");
        String faqId = started.messages().get(2).choices().get(2).id();

        TurnReply reply = turns.message(ORG, started.sessionId(), choice(1, null, faqId));

        assertThat(texts(reply)).anyMatch(t -> t.contains("Monday to Friday"));
    }

    @Test
    void typingAChoiceLabelOrAliasRunsTheChosenDialog() {
        String first = start("visitor-1").sessionId();
        String second = start("visitor-2").sessionId();

        TurnReply byLabel = turns.message(ORG, first, text(1, "order status"));
        TurnReply byAlias = turns.message(ORG, second, text(1, "3"));

        assertThat(texts(byLabel)).containsExactly("What is your order number?");
        assertThat(texts(byAlias)).anyMatch(t -> t.contains("Monday to Friday"));
    }

    @Test
    void collectedAnswersBecomeTypedVariables() {
        String sessionId = start("visitor-1").sessionId();
        turns.message(ORG, sessionId, text(1, "Order Status"));

        TurnReply reply = turns.message(ORG, sessionId, text(2, "A-42"));

        assertThat(texts(reply)).anyMatch(t -> t.contains("Order A-42 has shipped"));
        assertThat(reply.variables()).contains(new Variable("Order_Number", "text", "A-42"));
    }

    @Test
    void whatTheCustomerTypedNeverLeavesTheRuntimeWhenTheBotKeepsPrivateDataOutOfLogs() {
        String sessionId = start("visitor-1").sessionId();
        turns.message(ORG, sessionId, text(1, "Order Status"));
        turns.message(ORG, sessionId, text(2, "A-42 my secret order"));

        assertThat(published).isNotEmpty().allSatisfy(entry -> {
            assertThat(entry.payloadJson()).doesNotContain("secret");
            assertThat(entry.payloadJson()).contains("\"logPrivateConversationData\":false");
        });
    }

    @Test
    void theReplyNamesJustTheVariablesTheTurnChanged() {
        String sessionId = start("visitor-1").sessionId();
        TurnReply asked = turns.message(ORG, sessionId, text(1, "Order Status"));
        TurnReply answered = turns.message(ORG, sessionId, text(2, "A-42"));

        assertThat(asked.changedVariables()).isEmpty();
        assertThat(answered.changedVariables()).containsExactly("Order_Number");
    }

    @Test
    void freeTextThatMatchesNothingRunsConfused() {
        String sessionId = start("visitor-1").sessionId();

        TurnReply reply = turns.message(ORG, sessionId, text(1, "purple elephants"));

        assertThat(texts(reply)).singleElement().asString().startsWith("Sorry, I didn't understand");
    }

    @Test
    void choiceIndexOutOfRangeIsInvalidInputAndCommitsNothing() {
        String sessionId = start("visitor-1").sessionId();
        long version = store.session(sessionId).version();

        assertThatThrownBy(() -> turns.message(ORG, sessionId, choice(1, 9, null)))
                .isInstanceOf(InvalidTurnInputException.class)
                .hasMessageContaining("out of range");

        assertThat(store.session(sessionId).version()).isEqualTo(version);
        assertThat(store.leased(sessionId)).isFalse();
        assertThat(meters.get("parley.runtime.turns").tags("operation", "message", "outcome", "invalid_input")
                .counter().count()).isEqualTo(1);
        // the sequence id was not used up: the corrected message runs
        assertThat(texts(turns.message(ORG, sessionId, choice(1, 2, null))))
                .anyMatch(t -> t.contains("reset your password"));
    }

    @Test
    void malformedMessagesAreInvalidInputBeforeAnyLease() {
        String sessionId = start("visitor-1").sessionId();
        int commits = store.attempts().size();

        assertThatThrownBy(() -> turns.message(ORG, sessionId,
                new MessageCommand(null, 1, "hi", null, null, null, null, null)))
                .isInstanceOf(InvalidTurnInputException.class).hasMessageContaining("type");
        assertThatThrownBy(() -> turns.message(ORG, sessionId, choice(1, null, null)))
                .isInstanceOf(InvalidTurnInputException.class).hasMessageContaining("choiceIndex or choiceId");
        assertThatThrownBy(() -> turns.message(ORG, sessionId, text(-1, "hi")))
                .isInstanceOf(InvalidTurnInputException.class).hasMessageContaining("sequenceId");
        assertThatThrownBy(() -> turns.end(ORG, sessionId, new EndSessionCommand("Bored")))
                .isInstanceOf(InvalidTurnInputException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> turns.start(ORG, BOT, new StartSessionCommand(" ", null, null, List.of(), null)))
                .isInstanceOf(InvalidTurnInputException.class).hasMessageContaining("externalSessionKey");

        assertThat(store.attempts()).hasSize(commits);
    }

    @Test
    void repeatedSequenceIdAnswersTheRecordedReplyAndRunsNothing() {
        String sessionId = start("visitor-1").sessionId();
        TurnReply first = turns.message(ORG, sessionId, choice(7, 2, null));

        TurnReply again = turns.message(ORG, sessionId, choice(7, 2, null));

        assertThat(again).isEqualTo(first);
        assertThat(store.commits()).hasSize(2);
    }

    @Test
    void sequenceIdNotAboveTheHighestProcessedIsStale() {
        String sessionId = start("visitor-1").sessionId();
        turns.message(ORG, sessionId, text(5, "purple elephants"));

        assertThatThrownBy(() -> turns.message(ORG, sessionId, text(4, "hello")))
                .isInstanceOf(StaleSequenceException.class)
                .satisfies(e -> assertThat(TurnErrors.codeOf(e)).contains(TurnErrorCode.STALE_SEQUENCE));
        assertThat(store.leased(sessionId)).isFalse();
    }

    @Test
    void anotherOrgCannotSeeOrTouchTheSession() {
        String sessionId = start("visitor-1").sessionId();
        turns.message(ORG, sessionId, text(1, "purple elephants"));
        long version = store.session(sessionId).version();

        assertThatThrownBy(() -> turns.message(OTHER_ORG, sessionId, text(2, "hello")))
                .isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> turns.message(OTHER_ORG, sessionId, text(1, "purple elephants")))
                .as("a recorded reply is not revealed to another org")
                .isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> turns.end(OTHER_ORG, sessionId, new EndSessionCommand(null)))
                .isInstanceOf(SessionNotFoundException.class);

        assertThat(store.session(sessionId).version()).isEqualTo(version);
        assertThat(store.session(sessionId).status()).isEqualTo("ACTIVE");
    }

    @Test
    void unknownOrMalformedSessionIdsAreNotFound() {
        assertThatThrownBy(() -> turns.message(ORG, UUID.randomUUID().toString(), text(1, "hi")))
                .isInstanceOf(SessionNotFoundException.class);
        assertThatThrownBy(() -> turns.message(ORG, "not-a-session", text(1, "hi")))
                .isInstanceOf(SessionNotFoundException.class);
    }

    @Test
    void unknownBotIsBotNotFound() {
        assertThatThrownBy(() -> turns.start(ORG, "nope", new StartSessionCommand("k", null, null, null, null)))
                .isInstanceOf(BotNotFoundException.class);
        assertThatThrownBy(() -> turns.start(OTHER_ORG, BOT, new StartSessionCommand("k", null, null, null, null)))
                .as("another org's bot does not exist for this org")
                .isInstanceOf(BotNotFoundException.class);
    }

    @Test
    void endEndsTheSessionThenRefusesNewMessagesButReplaysOldOnes() {
        String sessionId = start("visitor-1").sessionId();
        TurnReply message = turns.message(ORG, sessionId, text(1, "purple elephants"));

        TurnReply ended = turns.end(ORG, sessionId, new EndSessionCommand("UserRequest"));

        assertThat(ended.messages()).extracting(OutboundMessage::type).containsExactly("sessionEnded");
        assertThat(ended.messages().getFirst().reason()).isEqualTo("ClientRequest");
        assertThat(store.session(sessionId).status()).isEqualTo("ENDED");
        assertThat(turns.end(ORG, sessionId, new EndSessionCommand("UserRequest"))).isEqualTo(ended);
        assertThat(turns.message(ORG, sessionId, text(1, "purple elephants"))).isEqualTo(message);
        assertThatThrownBy(() -> turns.message(ORG, sessionId, text(2, "hello")))
                .isInstanceOf(SessionAlreadyEndedException.class)
                .satisfies(e -> assertThat(TurnErrors.codeOf(e)).contains(TurnErrorCode.SESSION_ENDED));
    }

    @Test
    void aSessionTheBotEndedRefusesAnEndRequest() {
        String sessionId = start("visitor-1").sessionId();
        TurnReply bye = turns.message(ORG, sessionId, text(1, "End Chat"));
        assertThat(bye.messages()).extracting(OutboundMessage::type).contains("sessionEnded");

        assertThatThrownBy(() -> turns.end(ORG, sessionId, new EndSessionCommand(null)))
                .isInstanceOf(SessionAlreadyEndedException.class);
    }

    @Test
    void aBusySessionIsReportedAndNotRun() {
        String sessionId = start("visitor-1").sessionId();
        store.lease(sessionId, new LeaseRequest("someone else", 10_000, 0, "other"));

        assertThatThrownBy(() -> turns.message(ORG, sessionId, text(1, "hello")))
                .isInstanceOf(SessionBusyException.class)
                .satisfies(e -> assertThat(TurnErrors.codeOf(e)).contains(TurnErrorCode.SESSION_BUSY));
    }

    @Test
    void turnEventsDescribeTheTurnAndArePublishedAndAcknowledged() {
        TurnReply reply = start("visitor-1");
        CommitRequest commit = store.commits().getFirst();

        List<TurnEvent> events = commit.events().stream()
                .map(e -> json.readValue(e.payloadJson(), TurnEvent.class))
                .toList();
        assertThat(events.getFirst().type()).isEqualTo("SessionStarted");
        assertThat(events.getLast().type()).isEqualTo("TurnCompleted");
        assertThat(events.getLast().data()).containsKey("latencyMs");
        assertThat(events).extracting(TurnEvent::type).contains("DialogEntered", "MessageSent");
        assertThat(events).extracting(TurnEvent::eventId).doesNotHaveDuplicates();
        assertThat(events).allSatisfy(e -> {
            assertThat(e.sessionId()).isEqualTo(reply.sessionId());
            assertThat(e.orgId()).isEqualTo(ORG);
            assertThat(e.botVersion()).isEqualTo(VERSION);
            assertThat(e.turn()).isEqualTo(1);
        });
        assertThat(commit.events()).allSatisfy(e -> {
            assertThat(e.topic()).isEqualTo(Topics.TURN_EVENTS);
            assertThat(e.key()).isEqualTo(reply.sessionId());
        });

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            assertThat(published).extracting(OutboxEntry::eventId)
                    .containsExactlyInAnyOrderElementsOf(events.stream().map(TurnEvent::eventId).toList());
            assertThat(store.outbox()).isEmpty();
        });
    }

    @Test
    void aTurnRetriedAfterAFailedCommitRepeatsItsEventIds() {
        String sessionId = start("visitor-1").sessionId();
        store.failNextCommits(1);

        assertThatThrownBy(() -> turns.message(ORG, sessionId, text(1, "purple elephants")))
                .isInstanceOf(SessionStoreUnavailableException.class)
                .satisfies(e -> assertThat(TurnErrors.codeOf(e)).contains(TurnErrorCode.UNAVAILABLE));
        assertThat(store.leased(sessionId)).isFalse();
        turns.message(ORG, sessionId, text(1, "purple elephants"));

        List<CommitRequest> attempts = store.attempts();
        assertThat(eventIds(attempts.getLast())).isEqualTo(eventIds(attempts.get(attempts.size() - 2)));
    }

    @Test
    void runtimeCrcIsTheChecksumOfTheCommittedState() {
        TurnReply reply = start("visitor-1");

        assertThat(reply.runtimeCrc()).matches("[0-9a-f]{8}")
                .isEqualTo(TurnService.crc32(store.session(reply.sessionId()).stateJson()));
    }

    private TurnReply start(String externalKey) {
        return turns.start(ORG, BOT, new StartSessionCommand(externalKey, "https://example.my.salesforce.com", null,
                List.of(), "Europe/Paris"));
    }

    private static MessageCommand text(long sequenceId, String text) {
        return new MessageCommand(InboundType.TEXT, sequenceId, text, null, null, null, null, null);
    }

    private static MessageCommand choice(long sequenceId, Integer index, String id) {
        return new MessageCommand(InboundType.CHOICE, sequenceId, null, index, id, null, null, null);
    }

    private static List<String> texts(TurnReply reply) {
        return reply.messages().stream().filter(m -> m.type().equals("text")).map(OutboundMessage::text).toList();
    }

    private static List<UUID> eventIds(CommitRequest commit) {
        return commit.events().stream().map(OutboxEntry::eventId).toList();
    }
}
