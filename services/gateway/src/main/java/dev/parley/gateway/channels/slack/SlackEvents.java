package dev.parley.gateway.channels.slack;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of Slack's Events API and interactivity bodies the gateway reads. */
final class SlackEvents {

    private SlackEvents() {
    }

    /** An Events API request: {@code url_verification} or {@code event_callback}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Envelope(String type, String challenge, @JsonProperty("team_id") String teamId,
            @JsonProperty("api_app_id") String apiAppId, @JsonProperty("event_id") String eventId, Event event) {
    }

    /** A {@code message} or {@code app_mention} event; messages of bots carry {@code bot_id}, edits a subtype. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Event(String type, String subtype, String user, @JsonProperty("bot_id") String botId, String text,
            String ts, @JsonProperty("thread_ts") String threadTs, String channel) {
    }

    /** An interactivity payload ({@code payload=} form field) of type {@code block_actions}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Interaction(String type, Ref team, @JsonProperty("api_app_id") String apiAppId, Ref user, Ref channel,
            Message message, List<Action> actions) {
    }

    /** An object reference ({@code {"id": ...}}). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Ref(String id) {
    }

    /** The message whose button was clicked. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String ts, @JsonProperty("thread_ts") String threadTs) {
    }

    /** A clicked button. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Action(@JsonProperty("action_id") String actionId, String value, @JsonProperty("action_ts") String actionTs) {
    }
}
