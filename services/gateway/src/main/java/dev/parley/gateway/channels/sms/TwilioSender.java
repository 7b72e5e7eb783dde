package dev.parley.gateway.channels.sms;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.parley.gateway.channels.Channel;
import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.InboundMessage;
import dev.parley.gateway.channels.OutboundHttp;
import dev.parley.runtime.api.OutboundMessage;
import org.springframework.stereotype.Component;

/** Sends SMS replies through Twilio's Messages API ({@code POST /Accounts/{sid}/Messages.json}, basic auth). */
@Component
class TwilioSender {

    private final OutboundHttp http;

    private final ChannelsProperties properties;

    TwilioSender(OutboundHttp http, ChannelsProperties properties) {
        this.http = http;
        this.properties = properties;
    }

    void send(ChannelsProperties.SmsBinding binding, InboundMessage inbound, List<OutboundMessage> messages) {
        URI uri = URI.create(ChannelsProperties.base(properties.apiUrls().twilio()) + "/Accounts/"
                + binding.accountSid() + "/Messages.json");
        String credentials = Base64.getEncoder().encodeToString(
                (binding.accountSid() + ":" + binding.authToken()).getBytes(StandardCharsets.UTF_8));
        Map<String, String> headers = Map.of("Authorization", "Basic " + credentials);
        for (String body : SmsRenderer.render(messages, properties.texts())) {
            String form = "To=" + encode(inbound.conversationId()) + "&From=" + encode(binding.phoneNumber())
                    + "&Body=" + encode(body);
            http.post(Channel.SMS, "messages", uri, headers, "application/x-www-form-urlencoded; charset=utf-8", form,
                    null);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
