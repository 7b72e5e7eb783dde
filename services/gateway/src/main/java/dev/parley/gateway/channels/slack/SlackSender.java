package dev.parley.gateway.channels.slack;

import java.net.URI;
import java.util.List;
import java.util.Map;

import dev.parley.gateway.channels.Channel;
import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.InboundMessage;
import dev.parley.gateway.channels.OutboundHttp;
import dev.parley.runtime.api.OutboundMessage;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends replies with {@code chat.postMessage} (bearer bot token), into the thread the user wrote in when there was
 * one. Slack reports refusals as 200 with {@code "ok": false}; those count as failed deliveries.
 */
@Component
class SlackSender {

    private final OutboundHttp http;

    private final JsonMapper json;

    private final ChannelsProperties properties;

    SlackSender(OutboundHttp http, JsonMapper json, ChannelsProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    void send(ChannelsProperties.SlackBinding binding, InboundMessage inbound, List<OutboundMessage> messages) {
        SlackConversation conversation = SlackConversation.parse(inbound.conversationId());
        URI uri = URI.create(ChannelsProperties.base(properties.apiUrls().slack()) + "/chat.postMessage");
        Map<String, String> headers = Map.of("Authorization", "Bearer " + binding.botToken());
        for (SlackPostMessage post : SlackRenderer.render(conversation.channel(), conversation.threadTs(), messages,
                properties.texts())) {
            http.post(Channel.SLACK, "chat.postMessage", uri, headers, "application/json; charset=utf-8",
                    json.writeValueAsString(post), this::slackError);
        }
    }

    /** Slack's own error code of an {@code "ok": false} answer, or {@code null} when the call succeeded. */
    private String slackError(String body) {
        try {
            JsonNode answer = json.readTree(body);
            if (answer != null && answer.path("ok").asBoolean(false)) {
                return null;
            }
            return answer == null ? "empty answer" : answer.path("error").asString("no error code");
        }
        catch (JacksonException e) {
            return "unreadable answer";
        }
    }
}
