package dev.parley.loadtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class LoadTestOptionsTests {

    @Test
    void defaultsTo64SessionsAgainstTheLocalGateway() {
        LoadTestOptions options = LoadTestOptions.parse(new String[0]);

        assertThat(options.sessions()).isEqualTo(64);
        assertThat(options.gatewayUrl()).isEqualTo("http://localhost:8080");
        assertThat(options.skipBaseline()).isFalse();
    }

    @Test
    void readsEveryOption() {
        LoadTestOptions options = LoadTestOptions.parse(new String[] {"--gateway", "http://127.0.0.1:9000/",
                "--sessions", "8", "--turns", "3", "--think-ms", "100", "--no-baseline"});

        assertThat(options.gatewayUrl()).isEqualTo("http://127.0.0.1:9000");
        assertThat(options.sessions()).isEqualTo(8);
        assertThat(options.turns()).isEqualTo(3);
        assertThat(options.thinkMillis()).isEqualTo(100);
        assertThat(options.skipBaseline()).isTrue();
    }

    @Test
    void rejectsUnknownOptionsAndBadCountsNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestOptions.parse(new String[] {"--frobnicate"}))
                .withMessageContaining("--frobnicate");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestOptions.parse(new String[] {"--sessions", "0"}))
                .withMessageContaining("--sessions").withMessageContaining("0");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadTestOptions.parse(new String[] {"--turns"}))
                .withMessageContaining("needs a value");
    }
}
