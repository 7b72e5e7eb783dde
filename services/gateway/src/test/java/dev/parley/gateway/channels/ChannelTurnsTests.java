package dev.parley.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import dev.parley.gateway.runtime.RuntimeRejectedException;
import dev.parley.runtime.api.InboundType;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.StartSessionCommand;
import dev.parley.runtime.api.TurnErrorCode;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ChannelTurns} on real Redis sessions with a {@link ScriptedRuntime} in place of the runtime service. */
class ChannelTurnsTests {

    final ScriptedRuntime runtime = new ScriptedRuntime();

    final ChannelTurns turns = new ChannelTurns(new RedisChannelSessions(TestRedis.template(),
            ChannelSessionsIntegrationTests.properties(Duration.ofSeconds(5))), runtime, "https://gateway.test",
            new SimpleMeterRegistry());

    ChannelBinding binding;

    String conversation;

    @BeforeEach
    void setUp() {
        binding = new ChannelBinding(Channel.WEB, WebhookClient.unique("w"), "org1", "bot1");
        conversation = WebhookClient.unique("visitor");
    }

    @Test
    void theFirstMessageStartsTheSessionAndItsReplyIncludesTheWelcome() {
        List<OutboundMessage> reply = run("m1", new InboundContent.Text("hi"));

        assertThat(reply).extracting(OutboundMessage::text).containsExactly("Welcome to Acme", null, "You said: hi",
                null);
        StartSessionCommand start = (StartSessionCommand) runtime.executed().getFirst().command();
        assertThat(start.externalSessionKey()).startsWith("parley-channel:web:" + binding.id() + ":")
                .doesNotContain(conversation);
        assertThat(start.forceConfigEndpoint()).isEqualTo("https://gateway.test");
    }

    @Test
    void aMessageOvertakenByALaterOneGetsANewSequenceIdAndRunsOnce() {
        ChannelTurns.Ticket early = accept("m1", new InboundContent.Text("first"));
        ChannelTurns.Ticket late = accept("m2", new InboundContent.Text("second"));
        turns.run(late);

        List<OutboundMessage> reply = turns.run(early);

        assertThat(reply).extracting(OutboundMessage::text).contains("You said: first");
        List<Long> sequenceIds = runtime.executed().stream()
                .filter(e -> e.command() instanceof MessageCommand)
                .map(e -> ((MessageCommand) e.command()).sequenceId()).toList();
        assertThat(sequenceIds).containsExactly(2L, 3L);
    }

    @Test
    void aButtonPressOpeningAConversationOnlyStartsIt() {
        List<OutboundMessage> reply = run("m1", new InboundContent.ChoiceSelected(ScriptedRuntime.ORDER_STATUS));

        assertThat(reply).extracting(OutboundMessage::text).containsExactly("Welcome to Acme", null);
        assertThat(runtime.executed()).extracting(ScriptedRuntime.Executed::operation).containsExactly("start");
    }

    @Test
    void aPostbackInsideAConversationCountsAsTheTextOfItsTitle() {
        run("m1", new InboundContent.Text("hi"));

        run("m2", new InboundContent.Postback("MENU_HELP", "Help"));

        MessageCommand command = (MessageCommand) runtime.executed().getLast().command();
        assertThat(command.type()).isEqualTo(InboundType.TEXT);
        assertThat(command.text()).isEqualTo("Help");
    }

    @Test
    void refusalsOtherThanStaleOrEndedReachTheCaller() {
        run("m1", new InboundContent.Text("hi"));

        assertThatThrownBy(() -> run("m2", new InboundContent.ChoiceSelected("not-offered")))
                .isInstanceOfSatisfying(RuntimeRejectedException.class,
                        e -> assertThat(e.code()).isEqualTo(TurnErrorCode.INVALID_INPUT));
    }

    @Test
    void aDuplicateOfADeliveredMessageIsSkippedButReplayedWhenAskedTo() {
        ChannelTurns.Ticket ticket = accept("m1", new InboundContent.Text("hi"));
        List<OutboundMessage> first = turns.run(ticket);
        turns.delivered(ticket);

        assertThat(turns.accept(message("m1", new InboundContent.Text("hi")), ChannelTurns.Duplicates.SKIP))
                .isEmpty();
        ChannelTurns.Ticket replay = turns.accept(message("m1", new InboundContent.Text("hi")),
                ChannelTurns.Duplicates.REPLAY).orElseThrow();
        assertThat(turns.run(replay)).isEqualTo(first);
        assertThat(runtime.executed()).hasSize(2);
    }

    List<OutboundMessage> run(String messageId, InboundContent content) {
        return turns.run(accept(messageId, content));
    }

    ChannelTurns.Ticket accept(String messageId, InboundContent content) {
        return turns.accept(message(messageId, content), ChannelTurns.Duplicates.SKIP).orElseThrow();
    }

    InboundMessage message(String messageId, InboundContent content) {
        return new InboundMessage(binding, conversation, messageId, content);
    }
}
