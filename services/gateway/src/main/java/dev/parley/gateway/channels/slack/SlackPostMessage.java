package dev.parley.gateway.channels.slack;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One {@code chat.postMessage} call: {@code text} is the notification fallback (and the whole message when there are
 * no blocks); {@code blocks} carry Block Kit buttons for choices.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SlackPostMessage(String channel, @JsonProperty("thread_ts") String threadTs, String text, List<Block> blocks) {

    /** A Block Kit layout block. */
    sealed interface Block permits Section, Actions {
    }

    /** A {@code section} block with mrkdwn text. */
    record Section(String type, TextObject text) implements Block {

        Section(String text) {
            this("section", new TextObject("mrkdwn", text));
        }
    }

    /** An {@code actions} block of buttons. */
    record Actions(String type, @JsonProperty("block_id") String blockId, List<Button> elements) implements Block {

        Actions(String blockId, List<Button> elements) {
            this("actions", blockId, elements);
        }
    }

    /** A button; {@code action_id} carries the choice id, as does {@code value}. */
    record Button(String type, TextObject text, @JsonProperty("action_id") String actionId, String value) {

        Button(String label, String actionId, String value) {
            this("button", new TextObject("plain_text", label), actionId, value);
        }
    }

    /** A text object. */
    record TextObject(String type, String text) {
    }
}
