package dev.parley.gateway.channels;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Messaging channels, bound from {@code parley.gateway.channels.*}: the bot bindings of each channel with their
 * credentials, the platforms' API base URLs, and the limits of webhook handling. Validated at startup; messages name
 * the property and its bad value, except for secrets, whose values never appear in messages or logs.
 *
 * @param apiUrls           outbound API base URLs of the platforms
 * @param maxBodySize       the largest webhook body accepted; larger ones are refused with 413 while reading
 * @param workerThreads     threads processing webhook turns after the platform has been acknowledged
 * @param queueCapacity     turns waiting for a worker; when full, webhooks answer 503 so the platform retries
 * @param conversationTtl   how long an idle conversation's mapping to its session is kept
 * @param messageTtl        how long a message id is remembered for deduplicating platform retries
 * @param claimTtl          how long one replica may process a message before a retry may take it over
 * @param outbound          timeouts and retries of calls to the platforms' APIs
 * @param texts             what to send where a channel has no native rendering
 * @param messenger         Facebook Messenger page bindings
 * @param slack             Slack app bindings
 * @param sms               Twilio phone number bindings
 */
@ConfigurationProperties("parley.gateway.channels")
public record ChannelsProperties(
        @DefaultValue ApiUrls apiUrls,
        @DefaultValue("64KB") DataSize maxBodySize,
        @DefaultValue("8") int workerThreads,
        @DefaultValue("1000") int queueCapacity,
        @DefaultValue("30d") Duration conversationTtl,
        @DefaultValue("24h") Duration messageTtl,
        @DefaultValue("60s") Duration claimTtl,
        @DefaultValue Outbound outbound,
        @DefaultValue Texts texts,
        List<MessengerBinding> messenger,
        List<SlackBinding> slack,
        List<SmsBinding> sms) {

    private static final String PREFIX = "parley.gateway.channels.";

    private static final Pattern BINDING_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** The same rule as the Bot API's path ids. */
    private static final Pattern ORG_OR_BOT_ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private static final Pattern PAGE_ID = Pattern.compile("[0-9]{1,32}");

    private static final Pattern SLACK_ID = Pattern.compile("[A-Z0-9]{2,32}");

    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{1,14}");

    public ChannelsProperties {
        messenger = messenger == null ? List.of() : List.copyOf(messenger);
        slack = slack == null ? List.of() : List.copyOf(slack);
        sms = sms == null ? List.of() : List.copyOf(sms);
        if (maxBodySize == null || maxBodySize.toBytes() < 1024 || maxBodySize.toBytes() > 1024 * 1024) {
            throw invalid("max-body-size", "must be between 1KB and 1MB", maxBodySize);
        }
        requireBetween("worker-threads", workerThreads, 1, 256);
        requireBetween("queue-capacity", queueCapacity, 1, 100_000);
        requireWithin("conversation-ttl", conversationTtl, Duration.ofHours(1), Duration.ofDays(365));
        requireWithin("message-ttl", messageTtl, Duration.ofMinutes(1), conversationTtl);
        requireWithin("claim-ttl", claimTtl, Duration.ofSeconds(5), Duration.ofMinutes(10));
        validateIds("messenger", messenger.stream().map(MessengerBinding::id).toList());
        validateIds("slack", slack.stream().map(SlackBinding::id).toList());
        validateIds("sms", sms.stream().map(SmsBinding::id).toList());
        for (int i = 0; i < messenger.size(); i++) {
            messenger.get(i).validate(PREFIX + "messenger[" + i + "].");
        }
        for (int i = 0; i < slack.size(); i++) {
            slack.get(i).validate(PREFIX + "slack[" + i + "].");
        }
        for (int i = 0; i < sms.size(); i++) {
            sms.get(i).validate(PREFIX + "sms[" + i + "].");
        }
    }

    /** The platforms' API base URLs (without trailing slash); tests point them at local fakes. */
    public record ApiUrls(
            @DefaultValue("https://graph.facebook.com/v21.0") URI messenger,
            @DefaultValue("https://slack.com/api") URI slack,
            @DefaultValue("https://api.twilio.com/2010-04-01") URI twilio) {

        public ApiUrls {
            requireHttpUrl("api-urls.messenger", messenger);
            requireHttpUrl("api-urls.slack", slack);
            requireHttpUrl("api-urls.twilio", twilio);
        }
    }

    /**
     * Calls to the platforms' APIs.
     *
     * @param connectTimeout how long to wait for a connection
     * @param readTimeout    how long to wait for an answer
     * @param maxAttempts    attempts per call; 5xx, 429 and I/O failures are retried
     * @param initialBackoff the pause before the first retry; doubles each time
     * @param maxBackoff     the longest pause, also the most of a {@code Retry-After} that is honoured
     */
    public record Outbound(
            @DefaultValue("2s") Duration connectTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("250ms") Duration initialBackoff,
            @DefaultValue("4s") Duration maxBackoff) {

        public Outbound {
            requireWithin("outbound.connect-timeout", connectTimeout, Duration.ofMillis(50), Duration.ofSeconds(30));
            requireWithin("outbound.read-timeout", readTimeout, Duration.ofMillis(100), Duration.ofSeconds(60));
            requireBetween("outbound.max-attempts", maxAttempts, 1, 10);
            requireWithin("outbound.initial-backoff", initialBackoff, Duration.ofMillis(1), Duration.ofSeconds(10));
            requireWithin("outbound.max-backoff", maxBackoff, initialBackoff, Duration.ofSeconds(60));
        }
    }

    /**
     * Texts sent where a channel has no native rendering.
     *
     * @param choicePrompt shown with a channel's buttons when the bot sent choices without a text before them
     * @param escalation   sent for an {@code escalate} message
     * @param sessionEnded sent for a {@code sessionEnded} message
     * @param failure      sent when the turn could not be run
     */
    public record Texts(
            @DefaultValue("Please choose:") String choicePrompt,
            @DefaultValue("Connecting you with an agent...") String escalation,
            @DefaultValue("This conversation has ended. Send a message to start a new one.") String sessionEnded,
            @DefaultValue("Sorry, something went wrong on our side. Please try again in a moment.") String failure) {

        public Texts {
            requireText("texts.choice-prompt", choicePrompt);
            requireText("texts.escalation", escalation);
            requireText("texts.session-ended", sessionEnded);
            requireText("texts.failure", failure);
        }
    }

    /**
     * One Facebook page bound to a bot. Webhook: {@code /channels/messenger/{id}}.
     *
     * @param id              the binding's id in the webhook URL
     * @param orgId           the bot's org
     * @param botId           the bot
     * @param pageId          the page's numeric id; events for other pages are ignored
     * @param appSecret       the Facebook app's secret: checks {@code X-Hub-Signature-256} (secret)
     * @param pageAccessToken the page access token for the Send API (secret)
     * @param verifyToken     the token Facebook echoes in the subscription handshake (secret)
     */
    public record MessengerBinding(String id, String orgId, String botId, String pageId, String appSecret,
            String pageAccessToken, String verifyToken) {

        void validate(String prefix) {
            requireOrgAndBot(prefix, orgId, botId);
            requireMatch(prefix + "page-id", pageId, PAGE_ID, "must be the page's numeric id");
            requireSecret(prefix + "app-secret", appSecret, 8);
            requireSecret(prefix + "page-access-token", pageAccessToken, 8);
            requireSecret(prefix + "verify-token", verifyToken, 8);
        }

        public ChannelBinding binding() {
            return new ChannelBinding(Channel.MESSENGER, id, orgId, botId);
        }

        @Override
        public String toString() {
            return "MessengerBinding[id=" + id + ", orgId=" + orgId + ", botId=" + botId + ", pageId=" + pageId
                    + ", secrets redacted]";
        }
    }

    /**
     * One Slack app in one workspace bound to a bot. Webhooks: {@code /channels/slack/{id}/events} (Events API)
     * and {@code /channels/slack/{id}/interactions} (interactivity).
     *
     * @param id            the binding's id in the webhook URLs
     * @param orgId         the bot's org
     * @param botId         the bot
     * @param teamId        the workspace id ({@code T...}); requests of other workspaces are refused
     * @param appId         the app id ({@code A...}); when set, requests of other apps are refused
     * @param signingSecret the app's signing secret (secret)
     * @param botToken      the bot token ({@code xoxb-...}) for {@code chat.postMessage} (secret)
     */
    public record SlackBinding(String id, String orgId, String botId, String teamId, String appId,
            String signingSecret, String botToken) {

        void validate(String prefix) {
            requireOrgAndBot(prefix, orgId, botId);
            requireMatch(prefix + "team-id", teamId, SLACK_ID, "must be a Slack team id such as T0123ABCD");
            if (appId != null && !appId.isBlank()) {
                requireMatch(prefix + "app-id", appId, SLACK_ID, "must be a Slack app id such as A0123ABCD");
            }
            requireSecret(prefix + "signing-secret", signingSecret, 16);
            requireSecret(prefix + "bot-token", botToken, 8);
        }

        public ChannelBinding binding() {
            return new ChannelBinding(Channel.SLACK, id, orgId, botId);
        }

        @Override
        public String toString() {
            return "SlackBinding[id=" + id + ", orgId=" + orgId + ", botId=" + botId + ", teamId=" + teamId
                    + ", appId=" + appId + ", secrets redacted]";
        }
    }

    /** How SMS replies leave: inline in the webhook's TwiML answer, or later through the Messages API. */
    public enum SmsReplyMode {
        TWIML, MESSAGES_API
    }

    /**
     * One Twilio phone number bound to a bot. Webhook: {@code /channels/sms/{id}}; Twilio signs
     * {@code parley.gateway.public-url} + that path, so the public URL must be exactly what Twilio is configured with.
     *
     * @param id          the binding's id in the webhook URL
     * @param orgId       the bot's org
     * @param botId       the bot
     * @param accountSid  the Twilio account ({@code AC} + 32 hex digits); requests of other accounts are refused
     * @param authToken   the account's auth token: checks {@code X-Twilio-Signature}, authenticates API calls (secret)
     * @param phoneNumber the number in E.164 form; replies are sent from it
     * @param replyMode   {@code twiml} (default) or {@code messages-api}
     */
    public record SmsBinding(String id, String orgId, String botId, String accountSid, String authToken,
            String phoneNumber, @DefaultValue("twiml") SmsReplyMode replyMode) {

        void validate(String prefix) {
            requireOrgAndBot(prefix, orgId, botId);
            requireMatch(prefix + "account-sid", accountSid, ACCOUNT_SID, "must be AC followed by 32 hex digits");
            requireSecret(prefix + "auth-token", authToken, 16);
            requireMatch(prefix + "phone-number", phoneNumber, E164, "must be an E.164 number such as +15551234567");
            if (replyMode == null) {
                throw new IllegalArgumentException(prefix + "reply-mode must be twiml or messages-api");
            }
        }

        public ChannelBinding binding() {
            return new ChannelBinding(Channel.SMS, id, orgId, botId);
        }

        @Override
        public String toString() {
            return "SmsBinding[id=" + id + ", orgId=" + orgId + ", botId=" + botId + ", accountSid=" + accountSid
                    + ", phoneNumber=" + phoneNumber + ", replyMode=" + replyMode + ", secrets redacted]";
        }
    }

    private static void validateIds(String channel, List<String> ids) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < ids.size(); i++) {
            String name = PREFIX + channel + "[" + i + "].id";
            requireMatch(name, ids.get(i), BINDING_ID, "must be 1-64 characters of [A-Za-z0-9_-]");
            if (!seen.add(ids.get(i))) {
                throw new IllegalArgumentException(name + " must be unique among the " + channel
                        + " bindings, was '" + ids.get(i) + "' twice");
            }
        }
    }

    private static void requireOrgAndBot(String prefix, String orgId, String botId) {
        requireMatch(prefix + "org-id", orgId, ORG_OR_BOT_ID, "must be 1-128 characters of [A-Za-z0-9_.-]");
        requireMatch(prefix + "bot-id", botId, ORG_OR_BOT_ID, "must be 1-128 characters of [A-Za-z0-9_.-]");
    }

    private static void requireMatch(String name, String value, Pattern pattern, String rule) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException(name + " " + rule + ", was " + (value == null ? "missing"
                    : "'" + value + "'"));
        }
    }

    /** Secrets are checked for presence and length only, and never echoed. */
    private static void requireSecret(String name, String value, int minLength) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required (a secret; set it from the environment)");
        }
        if (value.strip().length() < minLength) {
            throw new IllegalArgumentException(name + " must be at least " + minLength + " characters, was "
                    + value.strip().length() + " characters (value not shown)");
        }
    }

    private static void requireText(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(PREFIX + name + " must not be blank");
        }
    }

    private static void requireHttpUrl(String name, URI url) {
        if (url == null || !url.isAbsolute() || url.getHost() == null
                || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getQuery() != null || url.getFragment() != null) {
            throw invalid(name, "must be an absolute http(s) URL without query or fragment", url);
        }
    }

    private static void requireBetween(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw invalid(name, "must be between " + min + " and " + max, value);
        }
    }

    private static void requireWithin(String name, Duration value, Duration min, Duration max) {
        if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            throw invalid(name, "must be between " + min + " and " + max, value);
        }
    }

    private static IllegalArgumentException invalid(String name, String rule, Object value) {
        return new IllegalArgumentException(PREFIX + name + " " + rule + ", was " + value);
    }

    /** A base URL without trailing slash, ready to append paths to. */
    public static String base(URI url) {
        String text = url.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
