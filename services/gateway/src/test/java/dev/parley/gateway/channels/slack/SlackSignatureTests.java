package dev.parley.gateway.channels.slack;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import dev.parley.gateway.channels.ChannelsProperties;
import dev.parley.gateway.channels.InvalidSignatureException;
import org.junit.jupiter.api.Test;

/** Slack's v0 signatures, checked against the worked example of Slack's documentation. */
class SlackSignatureTests {

    static final ChannelsProperties.SlackBinding BINDING = new ChannelsProperties.SlackBinding("b", "org", "bot",
            "T1DC2JH3J", null, "8f742231b10e8888abcd99yyyzzz85a5", "xoxb-1");

    static final byte[] BODY = ("token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow"
            + "&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner"
            + "&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J"
            + "%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c44"
            + "7fce8b6703c").getBytes(StandardCharsets.UTF_8);

    static final String SIGNATURE = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    static final long TIMESTAMP = 1531420618;

    @Test
    void documentedExampleVerifies() {
        assertThatCode(() -> SlackController.verifySignature(BINDING, BODY, "1531420618", SIGNATURE, TIMESTAMP + 10))
                .doesNotThrowAnyException();
    }

    @Test
    void timestampsMoreThanFiveMinutesAwayAreRefusedInBothDirections() {
        assertThatThrownBy(() -> SlackController.verifySignature(BINDING, BODY, "1531420618", SIGNATURE,
                TIMESTAMP + 301)).isInstanceOf(InvalidSignatureException.class).hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> SlackController.verifySignature(BINDING, BODY, "1531420618", SIGNATURE,
                TIMESTAMP - 301)).isInstanceOf(InvalidSignatureException.class);
        assertThatCode(() -> SlackController.verifySignature(BINDING, BODY, "1531420618", SIGNATURE,
                TIMESTAMP + 300)).doesNotThrowAnyException();
    }

    @Test
    void aChangedBodyOrTimestampDoesNotVerify() {
        byte[] changed = BODY.clone();
        changed[0] = 'T';
        assertThatThrownBy(() -> SlackController.verifySignature(BINDING, changed, "1531420618", SIGNATURE,
                TIMESTAMP)).isInstanceOf(InvalidSignatureException.class).hasMessageContaining("does not match");
        assertThatThrownBy(() -> SlackController.verifySignature(BINDING, BODY, "1531420619", SIGNATURE,
                TIMESTAMP)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void missingOrMalformedHeadersAreRefused() {
        assertThatThrownBy(() -> SlackController.verifySignature(BINDING, BODY, null, SIGNATURE, TIMESTAMP))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("is required");
        assertThatThrownBy(() -> SlackController.verifySignature(BINDING, BODY, "yesterday", SIGNATURE, TIMESTAMP))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("epoch seconds");
        assertThatThrownBy(() -> SlackController.verifySignature(BINDING, BODY, "1531420618", null, TIMESTAMP))
                .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("X-Slack-Signature");
    }
}
