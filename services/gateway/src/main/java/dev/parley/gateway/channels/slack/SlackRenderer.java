package dev.parley.gateway.channels.slack;

import java.util.ArrayList;
import java.util.List;

import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.NumberedChoices;
import dev.parley.gateway.channels.TextChunks;
import dev.parley.runtime.api.OutboundMessage;

/**
 * Renders the bot's messages as {@code chat.postMessage} calls: texts as messages (split at 3000 characters), choices
 * as Block Kit buttons under the text before them (25 buttons per actions block, labels cut to 75 characters, a
 * numbered fallback text for notifications), escalation and session end as the configured texts.
 */
final class SlackRenderer {

    static final int MAX_TEXT = 3000;

    static final int BUTTONS_PER_BLOCK = 25;

    static final int MAX_LABEL = 75;

    static final String ACTION_PREFIX = "choice:";

    private SlackRenderer() {
    }

    static List<SlackPostMessage> render(String channel, String threadTs, List<OutboundMessage> messages,
            ChannelsProperties.Texts texts) {
        List<SlackPostMessage> posts = new ArrayList<>();
        String pending = null;
        for (OutboundMessage message : messages) {
            switch (message.type()) {
                case "text" -> {
                    flush(posts, channel, threadTs, pending);
                    pending = message.text() == null || message.text().isBlank() ? null : message.text();
                }
                case "choices" -> {
                    List<OutboundMessage.Choice> choices = message.choices() == null ? List.of() : message.choices();
                    if (choices.isEmpty()) {
                        continue;
                    }
                    String text = pending != null && pending.length() <= MAX_TEXT ? pending : null;
                    if (text == null) {
                        flush(posts, channel, threadTs, pending);
                        text = texts.choicePrompt();
                    }
                    posts.add(buttons(channel, threadTs, text, message, choices));
                    pending = null;
                }
                case "escalate" -> {
                    flush(posts, channel, threadTs, pending);
                    pending = texts.escalation();
                }
                case "sessionEnded" -> {
                    flush(posts, channel, threadTs, pending);
                    pending = texts.sessionEnded();
                }
                default -> {
                    // a message type newer than this gateway: nothing sensible to show
                }
            }
        }
        flush(posts, channel, threadTs, pending);
        return posts;
    }

    private static SlackPostMessage buttons(String channel, String threadTs, String text, OutboundMessage message,
            List<OutboundMessage.Choice> choices) {
        List<SlackPostMessage.Block> blocks = new ArrayList<>();
        blocks.add(new SlackPostMessage.Section(text));
        for (int from = 0; from < choices.size(); from += BUTTONS_PER_BLOCK) {
            List<SlackPostMessage.Button> buttons = choices.subList(from,
                    Math.min(choices.size(), from + BUTTONS_PER_BLOCK)).stream()
                    .map(choice -> new SlackPostMessage.Button(
                            TextChunks.cut(choice.label() == null || choice.label().isBlank() ? "?" : choice.label(),
                                    MAX_LABEL),
                            ACTION_PREFIX + choice.id(), choice.id()))
                    .toList();
            blocks.add(new SlackPostMessage.Actions("choices-" + message.id() + "-" + (from / BUTTONS_PER_BLOCK),
                    buttons));
        }
        return new SlackPostMessage(channel, threadTs, text + "\n" + NumberedChoices.render(choices), blocks);
    }

    private static void flush(List<SlackPostMessage> posts, String channel, String threadTs, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        for (String piece : TextChunks.split(text, MAX_TEXT)) {
            posts.add(new SlackPostMessage(channel, threadTs, piece, null));
        }
    }
}
