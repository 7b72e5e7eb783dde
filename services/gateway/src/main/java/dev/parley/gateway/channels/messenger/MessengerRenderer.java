package dev.parley.gateway.channels.messenger;

import java.util.ArrayList;
import java.util.List;

import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.NumberedChoices;
import dev.parley.gateway.channels.TextChunks;
import dev.parley.runtime.api.OutboundMessage;

/**
 * Renders the bot's messages as Send API message bodies: texts (split at Messenger's 2000 characters), choices as
 * quick replies on the text before them (at most 13, titles cut to 20 characters; more choices become a numbered
 * list, answered by number), escalation and session end as the configured texts.
 */
final class MessengerRenderer {

    static final int MAX_TEXT = 2000;

    static final int MAX_QUICK_REPLIES = 13;

    static final int MAX_TITLE = 20;

    static final String CHOICE_PAYLOAD_PREFIX = "choice:";

    private MessengerRenderer() {
    }

    static List<MessengerSendRequest.Body> render(List<OutboundMessage> messages, ChannelsProperties.Texts texts) {
        List<MessengerSendRequest.Body> bodies = new ArrayList<>();
        String pending = null;
        for (OutboundMessage message : messages) {
            switch (message.type()) {
                case "text" -> {
                    flush(bodies, pending);
                    pending = message.text() == null || message.text().isBlank() ? null : message.text();
                }
                case "choices" -> {
                    List<OutboundMessage.Choice> choices = message.choices() == null ? List.of() : message.choices();
                    if (choices.isEmpty()) {
                        continue;
                    }
                    if (choices.size() <= MAX_QUICK_REPLIES) {
                        String text = pending != null && pending.length() <= MAX_TEXT ? pending : null;
                        if (text == null) {
                            flush(bodies, pending);
                            text = texts.choicePrompt();
                        }
                        bodies.add(new MessengerSendRequest.Body(text, quickReplies(choices)));
                    }
                    else {
                        flush(bodies, pending);
                        flush(bodies, NumberedChoices.render(choices));
                    }
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
                    // a message type newer than this gateway: nothing sensible to show
                }
            }
        }
        flush(bodies, pending);
        return bodies;
    }

    private static List<MessengerSendRequest.QuickReply> quickReplies(List<OutboundMessage.Choice> choices) {
        return choices.stream()
                .map(choice -> new MessengerSendRequest.QuickReply("text", title(choice.label()),
                        CHOICE_PAYLOAD_PREFIX + choice.id()))
                .toList();
    }

    static String title(String label) {
        return TextChunks.cut(label == null || label.isBlank() ? "?" : label.strip(), MAX_TITLE);
    }

    private static void flush(List<MessengerSendRequest.Body> bodies, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String piece : TextChunks.split(text, MAX_TEXT)) {
            bodies.add(new MessengerSendRequest.Body(piece, null));
        }
    }
}
