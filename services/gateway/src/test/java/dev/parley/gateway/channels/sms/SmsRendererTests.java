package dev.parley.gateway.channels.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.runtime.api.OutboundMessage;
import org.junit.jupiter.api.Test;

class SmsRendererTests {

    static final ChannelsProperties.Texts TEXTS = new ChannelsProperties.Texts("Reply with a number:", "Agent",
            "Ended", "Sorry");

    @Test
    void twimlEscapesMarkup() {
        assertThat(SmsRenderer.twiml(List.of("<b>Fish & Chips</b>")))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                        + "<Message>&lt;b&gt;Fish &amp; Chips&lt;/b&gt;</Message></Response>");
    }

    @Test
    void choicesWithoutTextGetThePromptAndLongTextsAreCut() {
        List<String> bodies = SmsRenderer.render(List.of(
                new OutboundMessage("text", "1", "y".repeat(2000), null, null, null, null, 0),
                new OutboundMessage("choices", "2", null, List.of(new OutboundMessage.Choice("Yes", null, "a"),
                        new OutboundMessage.Choice("No", null, "b")), "menu", null, null, 0)), TEXTS);

        assertThat(bodies).hasSize(1);
        assertThat(bodies.getFirst()).hasSize(SmsRenderer.MAX_BODY).endsWith("\u2026");

        assertThat(SmsRenderer.render(List.of(new OutboundMessage("choices", "2", null,
                List.of(new OutboundMessage.Choice("Yes", null, "a")), "menu", null, null, 0)), TEXTS))
                .containsExactly("Reply with a number:\n1. Yes");
    }
}
