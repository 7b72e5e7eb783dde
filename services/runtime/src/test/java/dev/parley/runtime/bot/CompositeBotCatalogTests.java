package dev.parley.runtime.bot;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeBotCatalogTests {

    private final BotCatalog configured = TestBots.demoCatalog();
    private final LoadedBot demo = configured.find(TestBots.ORG, TestBots.BOT).orElseThrow();
    private final LoadedBot fromRegistry = new LoadedBot(TestBots.ORG, "0XxRG0000000001AAA", "0X9RG0000000001AAA",
            demo.program(), demo.responseDelay(), demo.idleTimeout());
    private final BotCatalog registry = (org, bot) -> Optional.of(fromRegistry)
            .filter(b -> b.orgId().equals(org) && b.botId().equals(bot));

    @Test
    void bothCatalogsContributeConfiguredFirst() {
        BotCatalog catalog = new CompositeBotCatalog(List.of(configured, registry));

        assertThat(catalog.find(TestBots.ORG, TestBots.BOT)).contains(demo);
        assertThat(catalog.find(TestBots.ORG, fromRegistry.botId())).contains(fromRegistry);
        assertThat(catalog.find(TestBots.ORG, fromRegistry.botId(), fromRegistry.versionId())).contains(fromRegistry);
        assertThat(catalog.find(TestBots.ORG, TestBots.BOT, TestBots.VERSION)).contains(demo);
        assertThat(catalog.find(TestBots.ORG, TestBots.BOT, "0X9RG0000000009AAA")).isEmpty();
        assertThat(catalog.find("00D000000000002AAA", TestBots.BOT)).isEmpty();
    }
}
