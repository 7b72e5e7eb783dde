package dev.parley.runtime.bot;

import java.time.Duration;
import java.util.List;

/** The demo bot of {@code src/test/resources/bots/demo}, loaded like the runtime loads configured bots. */
public final class TestBots {

    public static final String ORG = "00D000000000001AAA";
    public static final String BOT = "demo";
    public static final String VERSION = "0X9000000000001AAA";

    private TestBots() {
    }

    /** A catalog holding only the demo bot of {@link #ORG}. */
    public static BotCatalog demoCatalog() {
        return new ConfiguredBotCatalog(new BotCatalogProperties(
                List.of(new BotCatalogProperties.ConfiguredBot(ORG, BOT, VERSION, List.of("classpath:bots/demo"), null,
                        null)),
                Duration.ofMinutes(30)));
    }
}
