package dev.parley.gateway.channels.slack;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Slack webhooks of one app binding: Events API ({@code url_verification}, {@code message} and
 * {@code app_mention} events) and interactivity (button clicks). Every request's v0 signature and its timestamp
 * (within 5 minutes) are checked before the body is parsed; events are queued and acknowledged at once, well inside
 * Slack's 3 seconds. The bot's own messages and edits are ignored; retries ({@code X-Slack-Retry-Num}) carry the
 * same message and are deduplicated by {@link ChannelDispatcher}.
 */
@RestController
class SlackController {

    static final String EVENTS = "/channels/slack/{bindingId}/events";

    static final String INTERACTIONS = "/channels/slack/{bindingId}/interactions";

    static final String SIGNATURE_HEADER = "X-Slack-Signature";

    static final String TIMESTAMP_HEADER = "X-Slack-Request-Timestamp";

    static final String RETRY_HEADER = "X-Slack-Retry-Num";

    static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");

    private static final Logger log = LoggerFactory.getLogger(SlackController.class);

    private final Map<String, ChannelsProperties.SlackBinding> bindings;

    private final long maxBodyBytes;

    private final JsonMapper json;

    private final ChannelDispatcher dispatcher;

    private final RateLimits rateLimits;

    private final SlackSender sender;

    private final Clock clock = Clock.systemUTC();

    SlackController(ChannelsProperties properties, JsonMapper json, ChannelDispatcher dispatcher,
            RateLimits rateLimits, SlackSender sender) {
        this.bindings = properties.slack().stream()
                .collect(Collectors.toUnmodifiableMap(ChannelsProperties.SlackBinding::id, Function.identity()));
        this.maxBodyBytes = properties.maxBodySize().toBytes();
        this.json = json;
        this.dispatcher = dispatcher;
        this.rateLimits = rateLimits;
        this.sender = sender;
    }

    @PostMapping(path = EVENTS)
    ResponseEntity<String> events(@PathVariable String bindingId, HttpServletRequest request) {
        ChannelsProperties.SlackBinding binding = binding(bindingId);
        byte[] body = WebhookInput.body(request, maxBodyBytes);
        verifySignature(binding, body, request.getHeader(TIMESTAMP_HEADER), request.getHeader(SIGNATURE_HEADER),
                clock.instant().getEpochSecond());
        SlackEvents.Envelope envelope = parse(body, SlackEvents.Envelope.class);
        if ("url_verification".equals(envelope.type())) {
            if (envelope.challenge() == null || envelope.challenge().isEmpty() || envelope.challenge().length() > 256) {
                throw new MalformedWebhookException("challenge must be 1-256 characters");
            }
            log.info("Slack events URL of binding {} verified", bindingId);
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body(envelope.challenge());
        }
        if (!"event_callback".equals(envelope.type())) {
            log.info("Ignoring Slack request of type {}", WebhookInput.abbreviate(envelope.type()));
            return ResponseEntity.ok().build();
        }
        requireSameApp(binding, envelope.teamId(), envelope.apiAppId());
        InboundMessage message = normalise(binding, envelope.event());
        if (message == null) {
            return ResponseEntity.ok().build();
        }
        if (request.getHeader(RETRY_HEADER) != null) {
            log.info("Slack retry {} of message {}", WebhookInput.abbreviate(request.getHeader(RETRY_HEADER)),
                    message.messageId());
        }
        rateLimits.enforce(binding.orgId(), ConversationRef.of(message).key());
        dispatcher.dispatch(message, (inbound, replies) -> sender.send(binding, inbound, replies));
        return ResponseEntity.ok().build();
    }

    @PostMapping(path = INTERACTIONS)
    ResponseEntity<String> interactions(@PathVariable String bindingId, HttpServletRequest request) {
        ChannelsProperties.SlackBinding binding = binding(bindingId);
        byte[] body = WebhookInput.body(request, maxBodyBytes);
        verifySignature(binding, body, request.getHeader(TIMESTAMP_HEADER), request.getHeader(SIGNATURE_HEADER),
                clock.instant().getEpochSecond());
        String payload = WebhookInput.field(WebhookInput.form(body), "payload");
        if (payload == null) {
            throw new MalformedWebhookException("Form field 'payload' is required");
        }
        SlackEvents.Interaction interaction = parse(payload.getBytes(StandardCharsets.UTF_8),
                SlackEvents.Interaction.class);
        if (!"block_actions".equals(interaction.type())) {
            log.info("Ignoring Slack interaction of type {}", WebhookInput.abbreviate(interaction.type()));
            return ResponseEntity.ok().build();
        }
        requireSameApp(binding, interaction.team() == null ? null : interaction.team().id(), interaction.apiAppId());
        InboundMessage message = normalise(binding, interaction);
        if (message == null) {
            return ResponseEntity.ok().build();
        }
        rateLimits.enforce(binding.orgId(), ConversationRef.of(message).key());
        dispatcher.dispatch(message, (inbound, replies) -> sender.send(binding, inbound, replies));
        return ResponseEntity.ok().build();
    }

    private ChannelsProperties.SlackBinding binding(String bindingId) {
        ChannelsProperties.SlackBinding binding = bindings.get(bindingId);
        if (binding == null) {
            throw new UnknownBindingException(Channel.SLACK, bindingId);
        }
        return binding;
    }

    /** Slack's v0 scheme: HMAC-SHA256 of {@code v0:{timestamp}:{body}}, timestamp within five minutes of now. */
    static void verifySignature(ChannelsProperties.SlackBinding binding, byte[] body, String timestamp,
            String presented, long nowEpochSeconds) {
        if (timestamp == null || timestamp.isBlank()) {
            throw new InvalidSignatureException("Header '" + TIMESTAMP_HEADER + "' is required");
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        }
        catch (NumberFormatException e) {
            throw new InvalidSignatureException("Header '" + TIMESTAMP_HEADER + "' must be epoch seconds, was '"
                    + WebhookInput.abbreviate(timestamp) + "'");
        }
        if (Math.abs(nowEpochSeconds - seconds) > REPLAY_WINDOW.toSeconds()) {
            throw new InvalidSignatureException("Header '" + TIMESTAMP_HEADER + "' is more than "
                    + REPLAY_WINDOW.toMinutes() + " minutes away from now");
        }
        if (presented == null || presented.isBlank()) {
            throw new InvalidSignatureException("Header '" + SIGNATURE_HEADER + "' is required");
        }
        byte[] prefix = ("v0:" + seconds + ":").getBytes(StandardCharsets.UTF_8);
        byte[] signed = new byte[prefix.length + body.length];
        System.arraycopy(prefix, 0, signed, 0, prefix.length);
        System.arraycopy(body, 0, signed, prefix.length, body.length);
        String expected = "v0=" + HexFormat.of().formatHex(Signatures.hmacSha256(binding.signingSecret(), signed));
        if (!Signatures.matches(expected, presented.strip())) {
            throw new InvalidSignatureException("Header '" + SIGNATURE_HEADER + "' does not match the request");
        }
    }

    private static void requireSameApp(ChannelsProperties.SlackBinding binding, String teamId, String appId) {
        if (!binding.teamId().equals(teamId)) {
            throw new BindingMismatchException("team_id '" + WebhookInput.abbreviate(teamId)
                    + "' is not the workspace of binding '" + binding.id() + "'");
        }
        if (binding.appId() != null && !binding.appId().isBlank() && !binding.appId().equals(appId)) {
            throw new BindingMismatchException("api_app_id '" + WebhookInput.abbreviate(appId)
                    + "' is not the app of binding '" + binding.id() + "'");
        }
    }

    private <T> T parse(byte[] body, Class<T> type) {
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw new MalformedWebhookException("The body must be a JSON object");
            }
            return value;
        }
        catch (JacksonException e) {
            throw new MalformedWebhookException("The body is not a Slack request: " + e.getOriginalMessage());
        }
    }

    private static InboundMessage normalise(ChannelsProperties.SlackBinding binding, SlackEvents.Event event) {
        if (event == null || !("message".equals(event.type()) || "app_mention".equals(event.type()))) {
            return null;
        }
        if (event.botId() != null || event.subtype() != null || event.user() == null) {
            return null; // the bot's own (or another bot's) message, an edit, a join: not a user's turn
        }
        String text = event.text() == null ? "" : MENTION.matcher(event.text()).replaceAll("").strip();
        if (text.isEmpty()) {
            return null;
        }
        String channel = WebhookInput.requireId("event.channel", event.channel());
        String ts = WebhookInput.requireId("event.ts", event.ts());
        SlackConversation conversation = new SlackConversation(channel, event.threadTs());
        // message and app_mention events of one message share channel and ts: one turn
        return new InboundMessage(binding.binding(), WebhookInput.requireId("conversation", conversation.id()),
                "msg:" + channel + ":" + ts, new InboundContent.Text(text));
    }

    private static InboundMessage normalise(ChannelsProperties.SlackBinding binding,
            SlackEvents.Interaction interaction) {
        List<SlackEvents.Action> actions = interaction.actions() == null ? List.of() : interaction.actions();
        SlackEvents.Action action = actions.isEmpty() ? null : actions.getFirst();
        if (action == null || action.actionId() == null || !action.actionId().startsWith(SlackRenderer.ACTION_PREFIX)) {
            return null; // not one of our choice buttons
        }
        String channel = WebhookInput.requireId("channel.id",
                interaction.channel() == null ? null : interaction.channel().id());
        String threadTs = interaction.message() == null ? null : interaction.message().threadTs();
        String choiceId = WebhookInput.requireId("actions[0].value", action.value());
        String actionTs = WebhookInput.requireId("actions[0].action_ts", action.actionTs());
        String user = interaction.user() == null ? "unknown" : interaction.user().id();
        return new InboundMessage(binding.binding(),
                WebhookInput.requireId("conversation", new SlackConversation(channel, threadTs).id()),
                "action:" + channel + ":" + user + ":" + actionTs, new InboundContent.ChoiceSelected(choiceId));
    }
}
