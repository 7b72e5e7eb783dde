package dev.parley.gateway.channels.messenger;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.parley.gateway.channels.BindingMismatchException;
import dev.parley.gateway.channels.Channel;
import dev.parley.gateway.channels.ChannelDispatcher;
import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.ConversationRef;
import dev.parley.gateway.channels.InboundContent;
import dev.parley.gateway.channels.InboundMessage;
import dev.parley.gateway.channels.InvalidSignatureException;
import dev.parley.gateway.channels.MalformedWebhookException;
import dev.parley.gateway.channels.Signatures;
import dev.parley.gateway.channels.UnknownBindingException;
import dev.parley.gateway.channels.WebhookInput;
import dev.parley.gateway.ratelimit.RateLimits;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Messenger Platform webhook of one page binding: the subscription handshake ({@code GET}) and events
 * ({@code POST}). The {@code X-Hub-Signature-256} HMAC of the raw body is checked before anything is parsed; texts,
 * quick-reply taps and postbacks are queued as turns and acknowledged at once with 200.
 */
@RestController
class MessengerController {

    static final String PATH = "/channels/messenger/{bindingId}";

    static final String SIGNATURE_HEADER = "X-Hub-Signature-256";

    private static final Logger log = LoggerFactory.getLogger(MessengerController.class);

    private final Map<String, ChannelsProperties.MessengerBinding> bindings;

    private final long maxBodyBytes;

    private final JsonMapper json;

    private final ChannelDispatcher dispatcher;

    private final RateLimits rateLimits;

    private final MessengerSender sender;

    MessengerController(ChannelsProperties properties, JsonMapper json, ChannelDispatcher dispatcher,
            RateLimits rateLimits, MessengerSender sender) {
        this.bindings = properties.messenger().stream()
                .collect(Collectors.toUnmodifiableMap(ChannelsProperties.MessengerBinding::id, Function.identity()));
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        this.json = json;
        this.dispatcher = dispatcher;
        this.rateLimits = rateLimits;
        this.sender = sender;
    }

    /** Facebook's subscription handshake: echo {@code hub.challenge} when the verify token is the binding's. */
    @GetMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> verify(@PathVariable String bindingId,
            @RequestParam(name = "hub.mode", required = false) String mode,
            @RequestParam(name = "hub.verify_token", required = false) String verifyToken,
            @RequestParam(name = "hub.challenge", required = false) String challenge) {
        ChannelsProperties.MessengerBinding binding = binding(bindingId);
        if (!"subscribe".equals(mode)) {
            throw new MalformedWebhookException("hub.mode must be 'subscribe', was '"
                    + WebhookInput.abbreviate(mode) + "'");
        }
        if (challenge == null || challenge.isEmpty() || challenge.length() > 256) {
            throw new MalformedWebhookException("hub.challenge must be 1-256 characters");
        }
        if (!Signatures.matches(binding.verifyToken(), verifyToken)) {
            throw new BindingMismatchException("hub.verify_token does not match binding '" + bindingId + "'");
        }
        log.info("Messenger webhook of binding {} verified", bindingId);
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(challenge);
    }

    @PostMapping(path = PATH, produces = MediaType.TEXT_PLAIN_VALUE)
    ResponseEntity<String> receive(@PathVariable String bindingId, HttpServletRequest request) {
        ChannelsProperties.MessengerBinding binding = binding(bindingId);
        byte[] body = WebhookInput.body(request, maxBodyBytes);
        verifySignature(binding, body, request.getHeader(SIGNATURE_HEADER));
        MessengerWebhook webhook = parse(body);
        if (!"page".equals(webhook.object())) {
            throw new MalformedWebhookException("object must be 'page', was '"
                    + WebhookInput.abbreviate(webhook.object()) + "'");
        }
        List<InboundMessage> messages = normalise(binding, webhook);
        for (InboundMessage message : messages) {
            rateLimits.enforce(binding.orgId(), ConversationRef.of(message).key());
        }
        for (InboundMessage message : messages) {
            dispatcher.dispatch(message, (inbound, replies) -> sender.send(binding, inbound, replies));
        }
        return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("EVENT_RECEIVED");
    }

    private ChannelsProperties.MessengerBinding binding(String bindingId) {
        ChannelsProperties.MessengerBinding binding = bindings.get(bindingId);
        if (binding == null) {
            throw new UnknownBindingException(Channel.MESSENGER, bindingId);
        }
        return binding;
    }

    static void verifySignature(ChannelsProperties.MessengerBinding binding, byte[] body, String presented) {
        if (presented == null || presented.isBlank()) {
            throw new InvalidSignatureException("Header '" + SIGNATURE_HEADER + "' is required");
        }
        String expected = "sha256=" + HexFormat.of().formatHex(Signatures.hmacSha256(binding.appSecret(), body));
        if (!Signatures.matches(expected, presented.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidSignatureException("Header '" + SIGNATURE_HEADER + "' does not match the body");
        }
    }

    private MessengerWebhook parse(byte[] body) {
        try {
            MessengerWebhook webhook = json.readValue(body, MessengerWebhook.class);
            if (webhook == null) {
                throw new MalformedWebhookException("The body must be a JSON object");
            }
            return webhook;
        }
        catch (JacksonException e) {
            throw new MalformedWebhookException("The body is not a Messenger webhook event: "
                    + e.getOriginalMessage());
        }
    }

    private static List<InboundMessage> normalise(ChannelsProperties.MessengerBinding binding,
            MessengerWebhook webhook) {
        List<InboundMessage> messages = new ArrayList<>();
        for (MessengerWebhook.Entry entry : webhook.entry() == null ? List.<MessengerWebhook.Entry>of()
                : webhook.entry()) {
            if (entry == null || !binding.pageId().equals(entry.id())) {
                log.warn("Ignoring a Messenger entry for page {} on the binding of page {}",
                        entry == null ? null : WebhookInput.abbreviate(entry.id()), binding.pageId());
                continue;
            }
            for (MessengerWebhook.Messaging event : entry.messaging() == null ? List.<MessengerWebhook.Messaging>of()
                    : entry.messaging()) {
                InboundMessage message = event == null ? null : normalise(binding, event);
                if (message != null) {
                    messages.add(message);
                }
            }
        }
        return messages;
    }

    private static InboundMessage normalise(ChannelsProperties.MessengerBinding binding,
            MessengerWebhook.Messaging event) {
        if (event.message() != null) {
            MessengerWebhook.Message message = event.message();
            if (Boolean.TRUE.equals(message.isEcho())) {
                return null; // the page's own message, echoed back
            }
            String sender = WebhookInput.requireId("sender.id", event.sender() == null ? null : event.sender().id());
            String mid = WebhookInput.requireId("message.mid", message.mid());
            InboundContent content;
            String payload = message.quickReply() == null ? null : message.quickReply().payload();
            if (payload != null && payload.startsWith(MessengerRenderer.CHOICE_PAYLOAD_PREFIX)) {
                content = new InboundContent.ChoiceSelected(
                        payload.substring(MessengerRenderer.CHOICE_PAYLOAD_PREFIX.length()));
            }
            else if (message.text() != null && !message.text().isBlank()) {
                content = new InboundContent.Text(message.text());
            }
            else {
                return null; // attachments, stickers: nothing the bot can read
            }
            return new InboundMessage(binding.binding(), sender, mid, content);
        }
        if (event.postback() != null) {
            MessengerWebhook.Postback postback = event.postback();
            String sender = WebhookInput.requireId("sender.id", event.sender() == null ? null : event.sender().id());
            String payload = postback.payload() == null ? "" : postback.payload();
            // older postbacks carry no mid: the sender and timestamp identify them, also on retries
            String mid = postback.mid() != null ? WebhookInput.requireId("postback.mid", postback.mid())
                    : "postback:" + sender + ":" + event.timestamp();
            InboundContent content = payload.startsWith(MessengerRenderer.CHOICE_PAYLOAD_PREFIX)
                    ? new InboundContent.ChoiceSelected(payload.substring(
                            MessengerRenderer.CHOICE_PAYLOAD_PREFIX.length()))
                    : new InboundContent.Postback(payload, postback.title());
            return new InboundMessage(binding.binding(), sender, mid, content);
        }
        return null; // deliveries, reads, reactions
    }
}
