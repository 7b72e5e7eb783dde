package dev.parley.gateway.channels.messenger;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import dev.parley.gateway.channels.Channel;
import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.InboundMessage;
import dev.parley.gateway.channels.OutboundHttp;
import dev.parley.runtime.api.OutboundMessage;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Sends replies through the Send API ({@code POST {api-url}/me/messages?access_token=...}), one call per body. */
@Component
class MessengerSender {

    private final OutboundHttp http;

    private final JsonMapper json;

    private final ChannelsProperties properties;

    MessengerSender(OutboundHttp http, JsonMapper json, ChannelsProperties properties) {
        this.http = http;
        this.json = json;
        this.properties = properties;
    }

    void send(ChannelsProperties.MessengerBinding binding, InboundMessage inbound, List<OutboundMessage> messages) {
        URI uri = URI.create(ChannelsProperties.base(properties.apiUrls().messenger()) + "/me/messages?access_token="
                + URLEncoder.encode(binding.pageAccessToken(), StandardCharsets.UTF_8));
        for (MessengerSendRequest.Body body : MessengerRenderer.render(messages, properties.texts())) {
            MessengerSendRequest request = new MessengerSendRequest(
                    new MessengerSendRequest.Recipient(inbound.conversationId()), MessengerSendRequest.RESPONSE, body);
            http.post(Channel.MESSENGER, "send-api", uri, Map.of(), "application/json",
                    json.writeValueAsString(request), null);
        }
    }
}
