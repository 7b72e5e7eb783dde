package dev.parley.gateway.channels.sms;

import java.util.ArrayList;
import java.util.List;

import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.NumberedChoices;
import dev.parley.gateway.channels.TextChunks;
import dev.parley.runtime.api.OutboundMessage;
import org.springframework.web.util.HtmlUtils;

/**
 * Renders the bot's messages as SMS bodies: choices as a numbered list under the text before them (a reply of just
 * the number picks the choice), escalation and session end as the configured texts, each body cut to Twilio's 1600
 * characters. Also writes them as TwiML.
 */
final class SmsRenderer {

    static final int MAX_BODY = 1600;

    private SmsRenderer() {
    }

    static List<String> render(List<OutboundMessage> messages, ChannelsProperties.Texts texts) {
        List<String> bodies = new ArrayList<>();
        String pending = null;
        for (OutboundMessage message : messages) {
            switch (message.type()) {
                case "text" -> {
                    flush(bodies, pending);
                    pending = message.text() == null || message.text().isBlank() ? null : message.text();
                }
                case "choices" -> {
                    if (message.choices() == null || message.choices().isEmpty()) {
                        continue;
                    }
                    String list = NumberedChoices.render(message.choices());
                    pending = (pending == null ? texts.choicePrompt() : pending) + "\n" + list;
                    flush(bodies, pending);
                    pending = null;
                }
                case "escalate" -> {
                    flush(bodies, pending);
                    pending = texts.escalation();
                }
                case "sessionEnded" -> {
                    flush(bodies, pending);
                    pending = texts.sessionEnded();
                }
                default -> {
                    // a message type newer than this gateway: nothing sensible to send
                }
            }
        }
        flush(bodies, pending);
        return bodies;
    }

    /** A TwiML document with one {@code <Message>} per body (none: an empty response, nothing is sent). */
    static String twiml(List<String> bodies) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>");
        for (String body : bodies) {
            xml.append("<Message>").append(HtmlUtils.htmlEscape(body, "UTF-8")).append("</Message>");
        }
        return xml.append("</Response>").toString();
    }

    private static void flush(List<String> bodies, String text) {
        if (text != null && !text.isBlank()) {
            bodies.add(TextChunks.cut(text, MAX_BODY));
        }
    }
}
