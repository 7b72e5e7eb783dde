package dev.parley.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** Startup validation of {@code parley.gateway.channels.*}, through Spring's binder as the application binds it. */
class ChannelsPropertiesTests {

    static final String SID = "AC0123456789abcdef0123456789abcdef";

    @Test
    void defaultsAreTheRealPlatformUrlsAndNoBindings() {
        ChannelsProperties properties = bind(Map.of());

        assertThat(properties.apiUrls().messenger()).hasToString("https://graph.facebook.com/v21.0");
        assertThat(properties.apiUrls().slack()).hasToString("https://slack.com/api");
        assertThat(properties.apiUrls().twilio()).hasToString("https://api.twilio.com/2010-04-01");
        assertThat(properties.maxBodySize().toKilobytes()).isEqualTo(64);
        assertThat(properties.messenger()).isEmpty();
    }

    @Test
    void smsReplyModeDefaultsToTwimlAndBindsMessagesApi() {
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            String p = "sms[" + i + "].";
            values.put(p + "id", "n" + i);
            values.put(p + "org-id", "org");
            values.put(p + "bot-id", "bot");
            values.put(p + "account-sid", SID);
            values.put(p + "auth-token", "secret-auth-token-xyz");
            values.put(p + "phone-number", "+1555123456" + i);
        }
        values.put("sms[1].reply-mode", "messages-api");
        ChannelsProperties properties = bind(values);

        assertThat(properties.sms()).extracting(ChannelsProperties.SmsBinding::replyMode)
                .containsExactly(ChannelsProperties.SmsReplyMode.TWIML, ChannelsProperties.SmsReplyMode.MESSAGES_API);
        assertThat(properties.sms().getFirst().toString()).doesNotContain("secret-auth-token-xyz");
    }

    @Test
    void badValuesAreNamedWithTheirValue() {
        assertRefused(Map.of("sms[0].id", "a", "sms[0].org-id", "org", "sms[0].bot-id", "bot", "sms[0].account-sid",
                "XY123", "sms[0].auth-token", "0123456789abcdef", "sms[0].phone-number", "+15551234567"),
                "parley.gateway.channels.sms[0].account-sid must be AC followed by 32 hex digits, was 'XY123'");
        assertRefused(Map.of("api-urls.slack", "ftp://slack.example"),
                "parley.gateway.channels.api-urls.slack must be an absolute http(s) URL without query or fragment, "
                        + "was ftp://slack.example");
        assertRefused(Map.of("max-body-size", "10MB"), "parley.gateway.channels.max-body-size must be between 1KB "
                + "and 1MB, was 10485760B");
        assertRefused(Map.of("messenger[0].id", "has space"), "parley.gateway.channels.messenger[0].id must be 1-64 "
                + "characters of [A-Za-z0-9_-], was 'has space'");
    }

    @Test
    void secretsAreNeverEchoed() {
        assertRefused(Map.of("slack[0].id", "s", "slack[0].org-id", "org", "slack[0].bot-id", "bot",
                "slack[0].team-id", "T0123", "slack[0].signing-secret", "short-secret", "slack[0].bot-token",
                "xoxb-12345678"), "parley.gateway.channels.slack[0].signing-secret must be at least 16 characters, "
                + "was 12 characters (value not shown)");
    }

    @Test
    void bindingIdsAreUniquePerChannel() {
        Map<String, String> twice = new java.util.HashMap<>();
        for (int i = 0; i < 2; i++) {
            String p = "messenger[" + i + "].";
            twice.put(p + "id", "same");
            twice.put(p + "org-id", "org");
            twice.put(p + "bot-id", "bot");
            twice.put(p + "page-id", "123");
            twice.put(p + "app-secret", "app-secret-123");
            twice.put(p + "page-access-token", "token-123");
            twice.put(p + "verify-token", "verify-123");
        }
        assertRefused(twice, "parley.gateway.channels.messenger[1].id must be unique among the messenger bindings, "
                + "was 'same' twice");
    }

    static void assertRefused(Map<String, String> values, String message) {
        assertThatThrownBy(() -> bind(values)).isInstanceOf(BindException.class)
                .rootCause().hasMessage(message);
    }

    static ChannelsProperties bind(Map<String, String> values) {
        Map<String, String> prefixed = new java.util.HashMap<>();
        values.forEach((k, v) -> prefixed.put("parley.gateway.channels." + k, v));
        return new Binder(new MapConfigurationPropertySource(prefixed))
                .bindOrCreate("parley.gateway.channels", ChannelsProperties.class);
    }
}
