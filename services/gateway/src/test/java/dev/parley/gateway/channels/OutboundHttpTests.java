package dev.parley.gateway.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Timeouts, retries and counting of platform calls, against the real-HTTP {@link PlatformFake}. */
class OutboundHttpTests {

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    final OutboundHttp http = new OutboundHttp(new ChannelsProperties.Outbound(Duration.ofSeconds(1),
            Duration.ofSeconds(2), 3, Duration.ofMillis(5), Duration.ofMillis(50)), meters);

    final PlatformFake platform = PlatformFake.INSTANCE;

    final URI uri = URI.create(platform.url("/slack/api/chat.postMessage"));

    @BeforeEach
    void reset() {
        platform.reset();
    }

    @Test
    void serverErrorsAndThrottlingAreRetriedUntilTheCallSucceeds() {
        platform.queue(new PlatformFake.Answer(502, "bad gateway", Map.of()),
                new PlatformFake.Answer(429, "{}", Map.of("Retry-After", "0")));

        String answer = post();

        assertThat(answer).contains("\"ok\":true");
        assertThat(platform.requests()).hasSize(3);
        assertThat(count("retried")).isEqualTo(2);
        assertThat(count("sent")).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetriedAndFailCounted() {
        platform.queue(new PlatformFake.Answer(400, "{\"error\":\"invalid_recipient\"}", Map.of()));

        assertThatThrownBy(this::post).isInstanceOf(ChannelDeliveryException.class)
                .hasMessageContaining("400").hasMessageContaining("invalid_recipient");
        assertThat(platform.requests()).hasSize(1);
        assertThat(count("failed")).isEqualTo(1);
    }

    @Test
    void persistentFailureGivesUpAfterTheConfiguredAttempts() {
        for (int i = 0; i < 3; i++) {
            platform.queue(new PlatformFake.Answer(503, "", Map.of()));
        }

        assertThatThrownBy(this::post).isInstanceOf(ChannelDeliveryException.class)
                .hasMessageContaining("after 3 attempts");
        assertThat(platform.requests()).hasSize(3);
    }

    @Test
    void unreachablePlatformIsAFailedDeliveryNotAnEscapedIoError() {
        URI closed = URI.create("http://127.0.0.1:9/nothing");

        assertThatThrownBy(() -> http.post(Channel.SMS, "messages", closed, Map.of(), "text/plain", "x", null))
                .isInstanceOf(ChannelDeliveryException.class);
        assertThat(meters.counter("parley.gateway.channel.outbound", "channel", "sms", "operation", "messages",
                "outcome", "failed").count()).isEqualTo(1);
    }

    @Test
    void platformRefusalInsideA200IsAFailure() {
        assertThatThrownBy(() -> http.post(Channel.SLACK, "chat.postMessage", uri, Map.of(), "application/json",
                "{}", body -> "not_allowed")).isInstanceOf(ChannelDeliveryException.class)
                .hasMessageContaining("not_allowed");
        assertThat(platform.requests()).hasSize(1);
    }

    String post() {
        return http.post(Channel.SLACK, "chat.postMessage", uri, Map.of("Authorization", "Bearer x"),
                "application/json", "{}", null);
    }

    double count(String outcome) {
        return meters.counter("parley.gateway.channel.outbound", "channel", "slack", "operation", "chat.postMessage",
                "outcome", outcome).count();
    }
}
