package dev.parley.runtime.bot;

import dev.parley.registry.api.BotVersionActivated;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static dev.parley.runtime.bot.FakeRegistry.BOT;
import static dev.parley.runtime.bot.FakeRegistry.ORG;
import static dev.parley.runtime.bot.FakeRegistry.OTHER_ORG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RegistryBotCatalogTests {

    private static final String V1 = "0X9RG0000000001AAA";
    private static final String V2 = "0X9RG0000000002AAA";
    private static final String BROKEN = "0X9RG0000000003AAA";
    private static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Instant T2 = T1.plusSeconds(60);

    private final FakeRegistry registry = new FakeRegistry();
    private final RegistryBotCatalog catalog = new RegistryBotCatalog(registry, Duration.ofMinutes(30), 2);

    RegistryBotCatalogTests() {
        registry.add(V1, 1, false);
        registry.add(V2, 2, false);
        registry.add(BROKEN, 3, true);
    }

    @Test
    void theRegistrysListInstallsEachBotsActiveVersionForItsOrgOnly() {
        registry.activate(V1, T1);

        assertThat(catalog.replaceAll(registry.activeVersions(), System.nanoTime())).isZero();

        LoadedBot bot = catalog.find(ORG, BOT).orElseThrow();
        assertThat(bot.versionId()).isEqualTo(V1);
        assertThat(bot.program().entryDialog()).isEqualTo("Welcome");
        assertThat(bot.idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(catalog.find(OTHER_ORG, BOT)).isEmpty();
        assertThat(catalog.activeCount()).isEqualTo(1);
    }

    @Test
    void anActivationEventSwitchesNewSessionsAndAnOlderOneIsIgnored() {
        assertThat(catalog.apply(event(V2, T2))).isTrue();
        assertThat(catalog.apply(event(V1, T1))).isFalse();
        assertThat(catalog.apply(event(V2, T2))).isFalse();

        assertThat(catalog.find(ORG, BOT)).get().extracting(LoadedBot::versionId).isEqualTo(V2);
    }

    @Test
    void anOlderListDoesNotUndoANewerActivationNorDropABotActivatedMeanwhile() {
        long requested = System.nanoTime();
        catalog.apply(event(V2, T2));
        registry.activate(V1, T1);

        catalog.replaceAll(registry.activeVersions(), requested);
        assertThat(catalog.find(ORG, BOT)).get().extracting(LoadedBot::versionId).isEqualTo(V2);

        registry.active.clear();
        catalog.replaceAll(registry.activeVersions(), requested);
        assertThat(catalog.find(ORG, BOT)).isPresent();
        // a list requested after the activation was applied is authoritative
        catalog.replaceAll(registry.activeVersions(), System.nanoTime());
        assertThat(catalog.find(ORG, BOT)).isEmpty();
    }

    @Test
    void aListShowingTheActiveVersionReactivatedLaterKeepsAnOlderEventFromSwitchingBack() {
        catalog.apply(event(V1, T1));
        // v2 was activated at T2 and v1 again at T3; this replica missed both events and reloads the list
        registry.activate(V1, T2.plusSeconds(60));
        catalog.replaceAll(registry.activeVersions(), System.nanoTime());

        assertThat(catalog.apply(event(V2, T2))).isFalse();
        assertThat(catalog.find(ORG, BOT)).get().extracting(LoadedBot::versionId).isEqualTo(V1);
    }

    @Test
    void aSessionsVersionIsFetchedOnceThenCachedAndServedOnlyToItsOrgAndBot() {
        catalog.apply(event(V2, T2));
        int before = registry.fileCalls.get();

        assertThat(catalog.find(ORG, BOT, V1)).get().extracting(LoadedBot::versionId).isEqualTo(V1);
        assertThat(catalog.find(ORG, BOT, V1)).isPresent();
        assertThat(catalog.find(ORG, BOT, V2)).isPresent();

        assertThat(registry.fileCalls.get() - before).isEqualTo(1);
        assertThat(catalog.find(OTHER_ORG, BOT, V1)).isEmpty();
        assertThat(catalog.find(ORG, "0XxRG0000000009AAA", V1)).isEmpty();
        assertThat(catalog.find(ORG, BOT, "0X9RG0000000009AAA")).isEmpty();
    }

    @Test
    void aVersionThatDoesNotCompileHereLeavesTheBotOnItsPreviousVersion() {
        registry.activate(V1, T1);
        catalog.replaceAll(registry.activeVersions(), System.nanoTime());
        registry.activate(BROKEN, T2);

        assertThat(catalog.replaceAll(registry.activeVersions(), System.nanoTime())).isEqualTo(1);

        assertThat(catalog.find(ORG, BOT)).get().extracting(LoadedBot::versionId).isEqualTo(V1);
        assertThat(catalog.find(ORG, BOT, BROKEN)).isEmpty();
        assertThatThrownBy(() -> catalog.apply(event(BROKEN, T2.plusSeconds(1))))
                .isInstanceOf(BotLoadingException.class).hasMessageContaining(BROKEN);
    }

    @Test
    void anUnreachableRegistryIsReportedNotTakenForAMissingVersion() {
        registry.down = true;

        assertThatThrownBy(() -> catalog.find(ORG, BOT, V1)).isInstanceOf(BotRegistryUnavailableException.class);
        assertThatThrownBy(() -> catalog.apply(event(V1, T1))).isInstanceOf(BotRegistryUnavailableException.class);
        registry.down = false;
        assertThat(catalog.find(ORG, BOT, V1)).isPresent();
    }

    private static BotVersionActivated event(String versionId, Instant at) {
        return new BotVersionActivated(UUID.randomUUID(), BotVersionActivated.TYPE, 1, ORG, BOT, "Parley_Demo",
                versionId, 1, at);
    }
}
