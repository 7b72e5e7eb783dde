package dev.parley.gateway.channels.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.runtime.api.OutboundMessage;
import org.junit.jupiter.api.Test;

class SlackRendererTests {

    static final ChannelsProperties.Texts TEXTS = new ChannelsProperties.Texts("Please choose:", "Agent coming",
            "Ended", "Sorry");

    @Test
    void choicesWithoutATextBeforeThemGetThePrompt() {
        List<SlackPostMessage> posts = SlackRenderer.render("C1", "1.5", List.of(choices(2)), TEXTS);

        assertThat(posts).hasSize(1);
        assertThat(posts.getFirst().threadTs()).isEqualTo("1.5");
        assertThat(((SlackPostMessage.Section) posts.getFirst().blocks().getFirst()).text().text())
                .isEqualTo("Please choose:");
    }

    @Test
    void moreThanTwentyFiveChoicesSpreadOverSeveralActionsBlocksWithCutLabels() {
        List<SlackPostMessage> posts = SlackRenderer.render("C1", null, List.of(choices(30)), TEXTS);

        List<SlackPostMessage.Block> blocks = posts.getFirst().blocks();
        assertThat(blocks).hasSize(3);
        assertThat(((SlackPostMessage.Actions) blocks.get(1)).elements()).hasSize(25);
        assertThat(((SlackPostMessage.Actions) blocks.get(2)).elements()).hasSize(5);
        assertThat(((SlackPostMessage.Actions) blocks.get(1)).elements().getFirst().text().text()).hasSize(75)
                .endsWith("\u2026");
    }

    @Test
    void escalationAndSessionEndFallBackToText() {
        List<SlackPostMessage> posts = SlackRenderer.render("C1", null, List.of(
                new OutboundMessage("escalate", "e", null, null, null, null,
                        List.of(new OutboundMessage.EscalationTarget("Queue", "Support")), 0),
                new OutboundMessage("sessionEnded", "s", null, null, null, "Action", null, 0)), TEXTS);

        assertThat(posts).extracting(SlackPostMessage::text).containsExactly("Agent coming", "Ended");
        assertThat(posts).allSatisfy(post -> assertThat(post.blocks()).isNull());
    }

    static OutboundMessage choices(int count) {
        return new OutboundMessage("choices", "m1", null, IntStream.rangeClosed(1, count)
                .mapToObj(i -> new OutboundMessage.Choice("Option " + i + " " + "x".repeat(80), null, "id-" + i))
                .toList(), "buttons", null, null, 0);
    }
}
