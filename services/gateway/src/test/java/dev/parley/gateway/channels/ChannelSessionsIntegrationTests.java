package dev.parley.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** {@link RedisChannelSessions} against a real Redis. */
class ChannelSessionsIntegrationTests {

    static ChannelsProperties properties(Duration claimTtl) {
        return new ChannelsProperties(new ChannelsProperties.ApiUrls(java.net.URI.create("https://graph.example"),
                java.net.URI.create("https://slack.example"), java.net.URI.create("https://twilio.example")),
                DataSize.ofKilobytes(64), 2, 10, Duration.ofDays(1), Duration.ofHours(1), claimTtl,
                new ChannelsProperties.Outbound(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, Duration.ofMillis(1),
                        Duration.ofMillis(1)),
                new ChannelsProperties.Texts("p", "e", "s", "f"), List.of(), List.of(), List.of());
    }

    final RedisChannelSessions sessions = new RedisChannelSessions(TestRedis.template(),
            properties(Duration.ofSeconds(5)));

    ConversationRef conversation;

    @BeforeEach
    void newConversation() {
        conversation = new ConversationRef(new ChannelBinding(Channel.SMS, "b1", "org", "bot"),
                WebhookClient.unique("+1555"));
    }

    @Test
    void messagesGetIncreasingSequenceIdsAndTheFirstOpensTheGeneration() {
        Allocation first = sessions.allocate(conversation, "m1", true);
        Allocation second = sessions.allocate(conversation, "m2", true);

        assertThat(first.sequenceId()).isEqualTo(1);
        assertThat(first.firstOfGeneration()).isTrue();
        assertThat(first.retry()).isFalse();
        assertThat(first.claimed()).isTrue();
        assertThat(second.sequenceId()).isEqualTo(2);
        assertThat(second.firstOfGeneration()).isFalse();
        assertThat(second.generation()).isEqualTo(first.generation());
    }

    @Test
    void aRetryKeepsItsSequenceIdAndCannotTakeAHeldClaim() {
        Allocation first = sessions.allocate(conversation, "m1", true);

        Allocation retry = sessions.allocate(conversation, "m1", true);

        assertThat(retry.sequenceId()).isEqualTo(first.sequenceId());
        assertThat(retry.generation()).isEqualTo(first.generation());
        assertThat(retry.firstOfGeneration()).isTrue();
        assertThat(retry.retry()).isTrue();
        assertThat(retry.claimed()).isFalse();
        assertThat(retry.delivered()).isFalse();
    }

    @Test
    void aReleasedClaimCanBeTakenByTheRetryAndADeliveredMessageIsNotClaimedAgain() {
        sessions.allocate(conversation, "m1", true);
        sessions.releaseClaim(conversation, "m1");

        assertThat(sessions.allocate(conversation, "m1", true).claimed()).isTrue();

        sessions.markDelivered(conversation, "m1");
        Allocation afterDelivery = sessions.allocate(conversation, "m1", true);
        assertThat(afterDelivery.delivered()).isTrue();
        assertThat(afterDelivery.claimed()).isFalse();
    }

    @Test
    void concurrentAllocationsNeverShareASequenceId() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            Set<Long> seen = ConcurrentHashMap.newKeySet();
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String messageId = "m" + (i % 100); // every message twice
                futures.add(pool.submit(() -> seen.add(sessions.allocate(conversation, messageId, false)
                        .sequenceId())));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            assertThat(seen).hasSize(100).allMatch(seq -> seq >= 1 && seq <= 100);
        }
        finally {
            pool.shutdownNow();
        }
    }

    @Test
    void reallocatingAStaleMessageGivesItAHigherSequenceIdOnceEvenWhenAskedTwice() {
        Allocation stale = sessions.allocate(conversation, "m1", true);
        sessions.allocate(conversation, "m2", true);

        Allocation moved = sessions.reallocate(conversation, "m1", stale, false);
        Allocation again = sessions.reallocate(conversation, "m1", stale, false);

        assertThat(moved.sequenceId()).isEqualTo(3);
        assertThat(moved.generation()).isEqualTo(stale.generation());
        assertThat(moved.firstOfGeneration()).isFalse();
        assertThat(again.sequenceId()).isEqualTo(3);
        assertThat(sessions.allocate(conversation, "m1", false).sequenceId()).isEqualTo(3);
    }

    @Test
    void endingAGenerationMakesTheNextMessageOpenANewOneWithoutTheOldSessionOrChoices() {
        Allocation first = sessions.allocate(conversation, "m1", true);
        sessions.bindSession(conversation, first.generation(), "session-1");
        sessions.rememberChoices(conversation, first.generation(), List.of("a", "b"));
        assertThat(sessions.sessionId(conversation, first.generation())).contains("session-1");
        assertThat(sessions.rememberedChoices(conversation, first.generation())).containsExactly("a", "b");

        sessions.endGeneration(conversation, first.generation());
        Allocation next = sessions.allocate(conversation, "m2", true);

        assertThat(next.generation()).isNotEqualTo(first.generation());
        assertThat(next.firstOfGeneration()).isTrue();
        assertThat(next.sequenceId()).isEqualTo(2);
        assertThat(sessions.sessionId(conversation, next.generation())).isEmpty();
        assertThat(sessions.rememberedChoices(conversation, next.generation())).isEmpty();
        // writes for the closed generation are ignored
        sessions.bindSession(conversation, first.generation(), "late");
        assertThat(sessions.sessionId(conversation, next.generation())).isEmpty();
    }

    @Test
    void reallocatingAfterTheSessionEndedMovesTheMessageToTheNextGeneration() {
        Allocation stale = sessions.allocate(conversation, "m1", true);
        sessions.allocate(conversation, "m2", true);

        Allocation moved = sessions.reallocate(conversation, "m1", stale, true);

        assertThat(moved.generation()).isNotEqualTo(stale.generation());
        assertThat(moved.firstOfGeneration()).isTrue();
        assertThat(moved.sequenceId()).isEqualTo(3);
    }

    @Test
    void conversationsOfDifferentBindingsAreIndependent() {
        ConversationRef other = new ConversationRef(new ChannelBinding(Channel.SMS, "b2", "org", "bot"),
                conversation.conversationId());
        sessions.allocate(conversation, "m1", true);

        Allocation elsewhere = sessions.allocate(other, "m1", true);

        assertThat(elsewhere.retry()).isFalse();
        assertThat(elsewhere.sequenceId()).isEqualTo(1);
    }
}
