package dev.parley.gateway.channels.sms;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.gateway.botapi.BotApiProperties;
import dev.parley.gateway.channels.BindingMismatchException;
import dev.parley.gateway.channels.Channel;
import dev.parley.gateway.channels.ChannelDispatcher;
import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.ConversationRef;
import dev.parley.gateway.channels.InboundContent;
import dev.parley.gateway.channels.InboundMessage;
import dev.parley.gateway.channels.UnknownBindingException;
import dev.parley.gateway.channels.WebhookInput;
import dev.parley.gateway.ratelimit.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Twilio SMS webhook of one phone number binding. The {@code X-Twilio-Signature} is checked against
 * {@code parley.gateway.public-url} + the request path (never the {@code Host} header, which a caller controls).
 * In {@code twiml} mode the turn runs at once and the reply is the TwiML answer (a Twilio retry of the same
 * {@code MessageSid} gets the recorded reply again); in {@code messages-api} mode the webhook is acknowledged with
 * empty TwiML and the reply follows through the Messages API.
 */
@RestController
class TwilioController {

    static final String PATH = "/channels/sms/{bindingId}";

    private static final MediaType TWIML = new MediaType("text", "xml", StandardCharsets.UTF_8);

    private final Map<String, ChannelsProperties.SmsBinding> bindings;

    private final long maxBodyBytes;

    private final String publicUrl;

    private final ChannelDispatcher dispatcher;

    private final RateLimits rateLimits;

    private final TwilioSender sender;

    private final ChannelsProperties.Texts texts;

    TwilioController(ChannelsProperties properties, BotApiProperties botApi, ChannelDispatcher dispatcher,
            RateLimits rateLimits, TwilioSender sender) {
        this.bindings = properties.sms().stream()
                .collect(Collectors.toUnmodifiableMap(ChannelsProperties.SmsBinding::id, Function.identity()));
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        this.publicUrl = ChannelsProperties.base(botApi.publicUrl());
        this.dispatcher = dispatcher;
        this.rateLimits = rateLimits;
        this.sender = sender;
        this.texts = properties.texts();
    }

    @PostMapping(path = PATH)
    ResponseEntity<String> receive(@PathVariable String bindingId, HttpServletRequest request) {
        ChannelsProperties.SmsBinding binding = bindings.get(bindingId);
        if (binding == null) {
            throw new UnknownBindingException(Channel.SMS, bindingId);
        }
        byte[] body = WebhookInput.body(request, maxBodyBytes);
        Map<String, List<String>> form = WebhookInput.form(body);
        String query = request.getQueryString();
        String url = publicUrl + request.getRequestURI() + (query == null ? "" : "?" + query);
        TwilioSignature.verify(binding.authToken(), url, form, request.getHeader(TwilioSignature.HEADER));
        String accountSid = WebhookInput.field(form, "AccountSid");
        if (!binding.accountSid().equals(accountSid)) {
            throw new BindingMismatchException("AccountSid '" + WebhookInput.abbreviate(accountSid)
                    + "' is not the account of binding '" + bindingId + "'");
        }
        String messageSid = WebhookInput.requireId("MessageSid", WebhookInput.field(form, "MessageSid"));
        String from = WebhookInput.requireId("From", WebhookInput.field(form, "From"));
        String text = WebhookInput.field(form, "Body");
        if (text == null || text.isBlank()) {
            return twiml(List.of()); // a picture without words: nothing for the bot
        }
        InboundMessage message = new InboundMessage(binding.binding(), from, messageSid,
                new InboundContent.Text(text));
        rateLimits.enforce(binding.orgId(), ConversationRef.of(message).key());
        if (binding.replyMode() == ChannelsProperties.SmsReplyMode.TWIML) {
            return twiml(SmsRenderer.render(dispatcher.reply(message), texts));
        }
        dispatcher.dispatch(message, (inbound, replies) -> sender.send(binding, inbound, replies));
        return twiml(List.of());
    }

    private static ResponseEntity<String> twiml(List<String> bodies) {
        return ResponseEntity.ok().contentType(TWIML).body(SmsRenderer.twiml(bodies));
    }
}
