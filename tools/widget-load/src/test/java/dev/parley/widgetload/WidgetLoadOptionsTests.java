package dev.parley.widgetload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class WidgetLoadOptionsTests {

    @Test
    void defaultsTargetTenThousandSessionsOfTheLocalDemoBot() {
        WidgetLoadOptions options = WidgetLoadOptions.parse(new String[0]);
        assertThat(options.connections()).isEqualTo(10_000);
        assertThat(options.active()).isEqualTo(100);
        assertThat(options.idle()).isEqualTo(9_900);
        assertThat(options.origin()).isEqualTo("http://localhost:8080");
        assertThat(options.socketUri()).hasToString(
                "ws://localhost:8080/widget/v1/orgs/00DPD000000DEMO2AA/bots/0XxPD000000DEMO1AA/ws");
    }

    @Test
    void optionsOverrideTheDefaults() {
        WidgetLoadOptions options = WidgetLoadOptions.parse(new String[] {"--gateway-url", "https://gw.example/",
                "--connections", "500", "--active", "20", "--think-ms", "0", "--origin", "https://shop.example"});
        assertThat(options.socketUri().toString()).startsWith("wss://gw.example/widget/v1/orgs/");
        assertThat(options.connections()).isEqualTo(500);
        assertThat(options.origin()).isEqualTo("https://shop.example");
    }

    @Test
    void badOptionsAreRefusedNamingThem() {
        assertThatIllegalArgumentException().isThrownBy(() -> WidgetLoadOptions.parse(new String[] {"--connections",
                "many"})).withMessage("--connections must be a whole number, was 'many'");
        assertThatIllegalArgumentException().isThrownBy(() -> WidgetLoadOptions.parse(new String[] {"--connections",
                "10", "--active", "11"})).withMessage("--active 11 is more than --connections 10");
        assertThatIllegalArgumentException().isThrownBy(() -> WidgetLoadOptions.parse(new String[] {"--gateway-url",
                "ftp://x"})).withMessage("--gateway-url must be an http(s) URL, was 'ftp://x'");
        assertThatIllegalArgumentException().isThrownBy(() -> WidgetLoadOptions.parse(new String[] {"--bogus"}))
                .withMessageStartingWith("unknown option --bogus");
    }
}
