package dev.parley.gateway.widget;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WidgetPropertiesTests {

    static WidgetProperties.Bot bot(String... origins) {
        return new WidgetProperties.Bot("00D000000000001AAA", "0Xx000000000001AAA", List.of(origins));
    }

    static WidgetProperties properties(List<WidgetProperties.Bot> bots, Duration heartbeat, Duration poll,
            boolean demo) {
        return new WidgetProperties(bots, heartbeat, poll, Duration.ofSeconds(10), 200, Duration.ofHours(24), 2000,
                DataSize.ofKilobytes(4), DataSize.ofKilobytes(2), Duration.ofSeconds(10), DataSize.ofKilobytes(256), demo);
    }

    static WidgetProperties properties(List<WidgetProperties.Bot> bots) {
        return properties(bots, Duration.ofSeconds(25), Duration.ofSeconds(25), false);
    }

    @Test
    void validBotsBind() {
        WidgetProperties properties = properties(List.of(bot("https://www.example.com", "http://localhost:8080")));
        assertThat(properties.bots()).singleElement().satisfies(b -> assertThat(b.allowedOrigins())
                .containsExactly("https://www.example.com", "http://localhost:8080"));
    }

    @Test
    void aBotWithoutAllowedOriginsIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(bot())))
                .withMessageStartingWith("parley.gateway.widget.bots[0].allowed-origins must list at least one");
    }

    @Test
    void anOriginWithAPathOrUpperCaseIsRefusedNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(bot("https://www.example.com/"))))
                .withMessage("parley.gateway.widget.bots[0].allowed-origins[0] must be an origin scheme://host[:port]"
                        + " in lower case, without path or trailing slash, was 'https://www.example.com/'");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(bot("https://WWW.example.com"))))
                .withMessageContaining("was 'https://WWW.example.com'");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(bot("*"))))
                .withMessageContaining("was '*'");
    }

    @Test
    void badIdsAndDuplicatesAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(
                new WidgetProperties.Bot("00D/1", "0Xx1", List.of("https://a.example")))))
                .withMessage("parley.gateway.widget.bots[0].org-id must be 1-128 characters of [A-Za-z0-9_.-], "
                        + "was '00D/1'");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(bot("https://a.example"),
                bot("https://b.example")))).withMessageContaining("bots[1]. repeats org");
    }

    @Test
    void theHeartbeatMustStayUnderHerokusIdleTimeoutAndPollsUnder30Seconds() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(), Duration.ofSeconds(55),
                Duration.ofSeconds(25), false))
                .withMessage("parley.gateway.widget.heartbeat-interval must be between PT1S and PT50S, was PT55S");
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(), Duration.ofSeconds(25),
                Duration.ofSeconds(29), false))
                .withMessage("parley.gateway.widget.long-poll-timeout must be between PT1S and PT25S, was PT29S");
    }

    @Test
    void theDemoPageNeedsABot() {
        assertThatIllegalArgumentException().isThrownBy(() -> properties(List.of(), Duration.ofSeconds(25),
                Duration.ofSeconds(25), true)).withMessageStartingWith("parley.gateway.widget.demo-page is true");
    }

    @Test
    void originsAreNormalisedAsBrowsersSendThem() {
        assertThat(WidgetProperties.normalizeOrigin("HTTPS://Shop.Example.com:443")).isEqualTo(
                "https://shop.example.com");
        assertThat(WidgetProperties.normalizeOrigin("http://localhost:8080")).isEqualTo("http://localhost:8080");
        assertThat(WidgetProperties.normalizeOrigin("null")).isNull();
        assertThat(WidgetProperties.normalizeOrigin("file:///x")).isNull();
        assertThat(WidgetProperties.normalizeOrigin("https://a.example/path")).isNull();
    }
}
