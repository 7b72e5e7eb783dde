package dev.parley.registry;

import dev.parley.registry.api.ActivationList;
import dev.parley.registry.api.ActivationRecord;
import dev.parley.registry.api.ActiveVersions;
import dev.parley.registry.api.BotSummary;
import dev.parley.registry.api.BotVersionActivated;
import dev.parley.registry.api.VersionDetails;
import dev.parley.registry.api.VersionList;
import dev.parley.registry.api.VersionStatus;
import dev.parley.registry.api.VersionSummary;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import static dev.parley.registry.RegistryHttp.CREDENTIAL;
import static dev.parley.registry.RegistryHttp.ORG_A;
import static dev.parley.registry.RegistryHttp.TOKEN_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Activation, rollback and their events on real Kafka; activation and event are one transaction. */
@RegistryIntegrationTest
class ActivationIntegrationTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RegistryHttp http;

    @BeforeEach
    void setUp() {
        http = new RegistryHttp(port);
    }

    @Test
    void activatingAVersionPublishesBotVersionActivatedKeyedByBotId() {
        VersionDetails version = upload(ReferenceBots.ASTRO, ReferenceBots.ASTRO.uniqueName(), "");
        VersionDetails active;
        try (EventsTap tap = new EventsTap()) {
            RegistryHttp.Response response = http.post(TOKEN_A, activate(version));

            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            active = response.as(VersionDetails.class);
            assertThat(active.status()).isEqualTo(VersionStatus.ACTIVE);
            assertThat(active.lastActivatedBy()).isEqualTo("alice@org-a");
            List<EventsTap.Received> events = tap.await(e -> e.botId().equals(version.botId()), 1, WAIT);
            assertThat(events).singleElement().satisfies(received -> {
                assertThat(received.key()).isEqualTo(version.botId());
                BotVersionActivated event = received.event();
                assertThat(event.type()).isEqualTo("BotVersionActivated");
                assertThat(event.schemaVersion()).isEqualTo(1);
                assertThat(event.eventId()).isNotNull();
                assertThat(event.orgId()).isEqualTo(ORG_A);
                assertThat(event.botName()).isEqualTo(version.botName());
                assertThat(event.versionId()).isEqualTo(version.versionId());
                assertThat(event.versionNumber()).isEqualTo(1);
                assertThat(event.occurredAt()).isEqualTo(active.lastActivatedAt());
            });
        }
        BotSummary bot = http.get(TOKEN_A, RegistryHttp.bots(ORG_A) + "/" + version.botId()).as(BotSummary.class);
        assertThat(bot.activeVersionId()).isEqualTo(version.versionId());
        assertThat(bot.activeVersionNumber()).isEqualTo(1);
        assertThat(http.internal(CREDENTIAL, "/internal/v1/active-versions").as(ActiveVersions.class).versions())
                .filteredOn(v -> v.botId().equals(version.botId()))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.versionId()).isEqualTo(version.versionId());
                    assertThat(v.contentHash()).isEqualTo(version.contentHash());
                    assertThat(v.activatedAt()).isEqualTo(active.lastActivatedAt());
                });
    }

    @Test
    void rollbackActivatesTheVersionActiveBeforeTheCurrentOne() {
        String name = ReferenceBots.EXTERNAL.uniqueName();
        VersionDetails v1 = upload(ReferenceBots.EXTERNAL, name, "");
        VersionDetails v2 = upload(ReferenceBots.EXTERNAL, name, "<!-- v2 -->");
        try (EventsTap tap = new EventsTap()) {
            http.post(TOKEN_A, activate(v1));
            http.post(TOKEN_A, activate(v2));

            RegistryHttp.Response rolledBack = http.post(TOKEN_A, rollback(v1));

            assertThat(rolledBack.status()).as(rolledBack.toString()).isEqualTo(200);
            assertThat(rolledBack.as(VersionDetails.class).versionId()).isEqualTo(v1.versionId());
            assertThat(tap.await(e -> e.botId().equals(v1.botId()), 3, WAIT))
                    .extracting(r -> r.event().versionNumber()).containsExactly(1, 2, 1);
        }
        VersionList versions = http.get(TOKEN_A, RegistryHttp.bots(ORG_A) + "/" + v1.botId() + "/versions")
                .as(VersionList.class);
        assertThat(versions.versions()).extracting(VersionSummary::versionNumber, VersionSummary::status)
                .containsExactly(tuple(2, VersionStatus.INACTIVE),
                        tuple(1, VersionStatus.ACTIVE));
        ActivationList history = http.get(TOKEN_A, RegistryHttp.bots(ORG_A) + "/" + v1.botId() + "/activations")
                .as(ActivationList.class);
        assertThat(history.activations()).extracting(ActivationRecord::action, ActivationRecord::versionNumber,
                        ActivationRecord::previousVersionNumber)
                .containsExactly(tuple("ROLLBACK", 1, 2),
                        tuple("ACTIVATE", 2, 1),
                        tuple("ACTIVATE", 1, null));
        assertThat(history.activations()).extracting(ActivationRecord::activatedAt).isSortedAccordingTo(
                Comparator.reverseOrder());
    }

    @Test
    void rollbackWithoutAnEarlierActiveVersionIsAConflict() {
        VersionDetails version = upload(ReferenceBots.KOVAI, ReferenceBots.KOVAI.uniqueName(), "");

        RegistryHttp.Response nothingActive = http.post(TOKEN_A, rollback(version));
        http.post(TOKEN_A, activate(version));
        RegistryHttp.Response nothingBefore = http.post(TOKEN_A, rollback(version));

        for (RegistryHttp.Response response : List.of(nothingActive, nothingBefore)) {
            assertThat(response.status()).as(response.toString()).isEqualTo(409);
            assertThat(response.json().get("code").asString()).isEqualTo("NOTHING_TO_ROLL_BACK");
        }
    }

    @Test
    void activatingTheActiveVersionAgainChangesNothing() {
        VersionDetails version = upload(ReferenceBots.KOVAI, ReferenceBots.KOVAI.uniqueName(), "");
        http.post(TOKEN_A, activate(version));

        RegistryHttp.Response again = http.post(TOKEN_A, activate(version));

        assertThat(again.status()).isEqualTo(200);
        assertThat(http.get(TOKEN_A, RegistryHttp.bots(ORG_A) + "/" + version.botId() + "/activations")
                .as(ActivationList.class).activations()).hasSize(1);
    }

    @Test
    void unknownBotsAndVersionsAreNotFound() {
        VersionDetails version = upload(ReferenceBots.KOVAI, ReferenceBots.KOVAI.uniqueName(), "");
        String bots = RegistryHttp.bots(ORG_A);

        for (String path : List.of(bots + "/0XxAAAAAAAAAAAAAAA", bots + "/not-an-id/versions",
                bots + "/" + version.botId() + "/versions/0X9AAAAAAAAAAAAAAA",
                bots + "/" + version.botId() + "/versions/" + version.botId())) {
            RegistryHttp.Response response = http.get(TOKEN_A, path);
            assertThat(response.status()).as(path).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        assertThat(http.post(TOKEN_A, bots + "/" + version.botId() + "/versions/0X9AAAAAAAAAAAAAAA/activate")
                .status()).isEqualTo(404);
    }

    @Test
    void anActivationWhoseEventCannotBeWrittenIsRolledBackWhole() {
        VersionDetails version = upload(ReferenceBots.ASTRO, ReferenceBots.ASTRO.uniqueName(), "");
        // a real database failure at the outbox insert, after the bot row was updated in the same transaction
        jdbc.sql("ALTER TABLE outbox_events ADD CONSTRAINT test_refuse_" + version.botId().toLowerCase()
                + " CHECK (message_key <> '" + version.botId() + "')").update();
        try {
            RegistryHttp.Response response = http.post(TOKEN_A, activate(version));

            assertThat(response.status()).isEqualTo(500);
        } finally {
            jdbc.sql("ALTER TABLE outbox_events DROP CONSTRAINT test_refuse_" + version.botId().toLowerCase())
                    .update();
        }
        assertThat(jdbc.sql("SELECT active_version_id FROM bots WHERE id = :id").param("id", version.botId())
                .query(String.class).optional()).isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM bot_activations WHERE bot_id = :id").param("id", version.botId())
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anUploadFailingInTheDatabaseLeavesNothingBehind() {
        String name = ReferenceBots.ASTRO.uniqueName();
        List<TestFile> files = ReferenceBots.ASTRO.renamed(name);
        String failing = name + "/v1.botVersion-meta.xml";
        jdbc.sql("ALTER TABLE bot_version_files ADD CONSTRAINT test_refuse_" + name.toLowerCase()
                + " CHECK (name <> '" + failing + "')").update();
        try {
            RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A, List.of(
                    new TestFile(name + "/" + files.get(0).name(), files.get(0).content()),
                    new TestFile(failing, files.get(1).content())));

            assertThat(response.status()).isEqualTo(500);
            assertThat(response.text()).doesNotContain("test_refuse").doesNotContain("Exception");
        } finally {
            jdbc.sql("ALTER TABLE bot_version_files DROP CONSTRAINT test_refuse_" + name.toLowerCase()).update();
        }
        // the bot, its version and its first file were written before the failure: none of them stayed
        assertThat(jdbc.sql("SELECT count(*) FROM bots WHERE api_name = :name").param("name", name)
                .query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM bot_version_files WHERE name LIKE :prefix")
                .param("prefix", name + "/%").query(Integer.class).single()).isZero();
    }

    /** Uploads the reference bot under {@code name}, {@code edit} appended to its last file. */
    private VersionDetails upload(ReferenceBots bot, String name, String edit) {
        List<TestFile> files = bot.renamed(name);
        TestFile last = files.getLast();
        List<TestFile> edited = new ArrayList<>(files.subList(0, files.size() - 1));
        edited.add(TestFile.of(last.name(), last.text() + edit));
        RegistryHttp.Response response = http.upload(TOKEN_A, ORG_A, edited);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.as(VersionDetails.class);
    }

    static String activate(VersionDetails version) {
        return RegistryHttp.bots(version.orgId()) + "/" + version.botId() + "/versions/" + version.versionId()
                + "/activate";
    }

    static String rollback(VersionDetails version) {
        return RegistryHttp.bots(version.orgId()) + "/" + version.botId() + "/rollback";
    }
}
