package dev.parley.gateway.channels.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;

import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.runtime.api.OutboundMessage;
import org.junit.jupiter.api.Test;

class MessengerRendererTests {

    static final ChannelsProperties.Texts TEXTS = new ChannelsProperties.Texts("Please choose:", "Agent coming",
            "Ended", "Sorry");

    @Test
    void quickReplyTitlesAreCutToTwentyCharacters() {
        List<MessengerSendRequest.Body> bodies = MessengerRenderer.render(List.of(text("Pick"),
                choices(2, "A rather long option label")), TEXTS);

        assertThat(bodies).hasSize(1);
        assertThat(bodies.getFirst().text()).isEqualTo("Pick");
        assertThat(bodies.getFirst().quickReplies()).extracting(MessengerSendRequest.QuickReply::title)
                .allSatisfy(title -> assertThat(title).hasSize(20).endsWith("\u2026"));
        assertThat(bodies.getFirst().quickReplies().getFirst().payload()).isEqualTo("choice:id-1");
    }

    @Test
    void thirteenChoicesAreQuickRepliesFourteenBecomeANumberedList() {
        assertThat(MessengerRenderer.render(List.of(text("Pick"), choices(13, "Option")), TEXTS).getFirst()
                .quickReplies()).hasSize(13);

        List<MessengerSendRequest.Body> bodies = MessengerRenderer.render(List.of(text("Pick"),
                choices(14, "Option")), TEXTS);

        assertThat(bodies).extracting(MessengerSendRequest.Body::quickReplies).containsOnlyNulls();
        assertThat(bodies).extracting(MessengerSendRequest.Body::text).hasSize(2).first().isEqualTo("Pick");
        assertThat(bodies.get(1).text()).startsWith("1. Option 1\n2. Option 2").endsWith("14. Option 14");
    }

    @Test
    void choicesWithoutTextGetThePromptAndLongTextsAreSplit() {
        List<MessengerSendRequest.Body> bodies = MessengerRenderer.render(List.of(text("z".repeat(4100)),
                choices(1, "Again"), new OutboundMessage("sessionEnded", "s", null, null, null, "Action", null, 0)),
                TEXTS);

        assertThat(bodies).extracting(MessengerSendRequest.Body::text)
                .containsExactly("z".repeat(2000), "z".repeat(2000), "z".repeat(100), "Please choose:", "Ended");
        assertThat(bodies.get(3).quickReplies()).hasSize(1);
        assertThat(bodies.get(4).quickReplies()).isNull();
    }

    static OutboundMessage text(String text) {
        return new OutboundMessage("text", "t", text, null, null, null, null, 0);
    }

    static OutboundMessage choices(int count, String label) {
        return new OutboundMessage("choices", "c", null, IntStream.rangeClosed(1, count)
                .mapToObj(i -> new OutboundMessage.Choice(label + " " + i, null, "id-" + i)).toList(), "menu", null,
                null, 0);
    }
}
