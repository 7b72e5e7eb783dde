package dev.parley.runtime.bot;

import dev.parley.botmodel.BotCompiler;
import dev.parley.botmodel.BotLoader;
import dev.parley.botmodel.Program;
import dev.parley.botmodel.SourceFile;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LoadedBotTests {

    @Test
    void theBotsOwnSessionTimeoutWinsOverTheRuntimeDefault() {
        LoadedBot bot = new LoadedBot("org", "bot", "version", program("sessionTimeout: 45\n"), Duration.ZERO,
                Duration.ofMinutes(30));

        assertThat(bot.idleTimeout()).isEqualTo(Duration.ofMinutes(45));
    }

    @Test
    void withoutOneOrWithZeroTheRuntimeDefaultApplies() {
        assertThat(new LoadedBot("org", "bot", "version", program(""), Duration.ZERO, Duration.ofMinutes(30))
                .idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(new LoadedBot("org", "bot", "version", program("sessionTimeout: 0\n"), Duration.ZERO,
                Duration.ofMinutes(30)).idleTimeout()).isEqualTo(Duration.ofMinutes(30));
    }

    private static Program program(String settings) {
        String yaml = "parley: 1\nname: Timeout_Bot\n" + settings + "entry: Start\ndialogs:\n  Start:\n    - message: Hi\n";
        return BotCompiler.compile(BotLoader.load(List.of(new SourceFile("bot.yaml",
                yaml.getBytes(StandardCharsets.UTF_8)))).bot(), null);
    }
}
