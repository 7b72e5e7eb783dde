package dev.parley.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LocalPlatformOptionsTests {

    @Test
    void defaultsToTheDocumentedPortsAndStateDirectory() {
        LocalPlatformOptions options = LocalPlatformOptions.parse(new String[0]);

        assertThat(options.port("gateway")).isEqualTo(8080);
        assertThat(options.port("runtime")).isEqualTo(8081);
        assertThat(options.port("session-store")).isEqualTo(8082);
        assertThat(options.port("registry")).isEqualTo(8083);
        assertThat(options.url("log-uploader")).isEqualTo("http://localhost:8086");
        assertThat(options.stateDir()).isEqualTo(Path.of(".parley").toAbsolutePath().normalize());
    }

    @Test
    void readsEveryOption() {
        LocalPlatformOptions options = LocalPlatformOptions.parse(new String[] {"--gateway-port", "9080",
                "--runtime-port", "9081", "--session-store-port", "9082", "--events-consumer-port", "9085",
                "--state-dir", "/tmp/x", "--repo-root", "/srv"});

        assertThat(options.port("gateway")).isEqualTo(9080);
        assertThat(options.port("runtime")).isEqualTo(9081);
        assertThat(options.port("session-store")).isEqualTo(9082);
        assertThat(options.port("events-consumer")).isEqualTo(9085);
        assertThat(options.port("callout")).isEqualTo(8084);
        assertThat(options.stateDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(options.repoRoot()).isEqualTo(Path.of("/srv"));
    }

    @Test
    void refusesBadPortsAndUnknownOptionsNamingThem() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalPlatformOptions.parse(new String[] {"--gateway-port", "http"}))
                .withMessage("--gateway-port must be a port number, was 'http'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalPlatformOptions.parse(new String[] {"--runtime-port", "70000"}))
                .withMessage("--runtime-port must be between 1 and 65535, was 70000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalPlatformOptions.parse(new String[] {"--state-dir"}))
                .withMessage("--state-dir needs a value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalPlatformOptions.parse(new String[] {"--verbose"}))
                .withMessageStartingWith("unknown option --verbose");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LocalPlatformOptions.parse(new String[] {"--nlu-port", "9000"}))
                .withMessageStartingWith("unknown option --nlu-port");
    }
}
