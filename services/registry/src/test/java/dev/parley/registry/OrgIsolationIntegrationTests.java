package dev.parley.registry;

import dev.parley.registry.api.BotList;
import dev.parley.registry.api.BotSummary;
import dev.parley.registry.api.VersionDetails;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpRequest;
import java.util.List;

import static dev.parley.registry.RegistryHttp.ORG_A;
import static dev.parley.registry.RegistryHttp.ORG_B;
import static dev.parley.registry.RegistryHttp.TOKEN_A;
import static dev.parley.registry.RegistryHttp.TOKEN_B;
import static org.assertj.core.api.Assertions.assertThat;

/** Admins authenticate with their org's token and never see, change or learn about another org's bots. */
@RegistryIntegrationTest
class OrgIsolationIntegrationTests {

    @LocalServerPort
    int port;

    RegistryHttp http;
    VersionDetails botOfA;

    @BeforeEach
    void setUp() {
        http = new RegistryHttp(port);
        String name = ReferenceBots.KOVAI.uniqueName();
        botOfA = http.upload(TOKEN_A, ORG_A, ReferenceBots.KOVAI.renamed(name)).as(VersionDetails.class);
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        String bots = RegistryHttp.bots(ORG_A);
        for (RegistryHttp.Response response : List.of(
                http.get(null, bots),
                http.get("wrong-token", bots),
                http.send(null, HttpRequest.newBuilder(http.uri(bots)).header("Authorization", "Basic " + TOKEN_A)
                        .GET()),
                http.upload(null, ORG_A, ReferenceBots.KOVAI.files()),
                // a dot-segment through an unauthenticated prefix still reaches the admin API only with a token
                http.send(null, HttpRequest.newBuilder(http.uri("/actuator/../admin/v1/orgs/" + ORG_A + "/bots"))
                        .GET()),
                http.get(null, "/no/such/page"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(401);
            assertThat(response.header("WWW-Authenticate")).startsWith("Bearer");
            assertThat(response.json().get("code").asString()).isEqualTo("UNAUTHENTICATED");
        }
    }

    @Test
    void anotherOrgsPathIsNotFoundAsIfItDidNotExist() {
        String bots = RegistryHttp.bots(ORG_A);
        String bot = bots + "/" + botOfA.botId();
        String version = bot + "/versions/" + botOfA.versionId();

        for (RegistryHttp.Response response : List.of(http.get(TOKEN_B, bots), http.get(TOKEN_B, bot),
                http.get(TOKEN_B, version), http.get(TOKEN_B, version + "/download"),
                http.post(TOKEN_B, version + "/activate"), http.post(TOKEN_B, bot + "/rollback"),
                http.upload(TOKEN_B, ORG_A, ReferenceBots.KOVAI.files()))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.json().get("code").asString()).isEqualTo("NOT_FOUND");
        }
        assertThat(http.get(TOKEN_A, bot).as(BotSummary.class).activeVersionId()).isNull();
    }

    @Test
    void anotherOrgsBotIdsAreNotFoundUnderOnesOwnOrg() {
        String bot = RegistryHttp.bots(ORG_B) + "/" + botOfA.botId();
        String version = bot + "/versions/" + botOfA.versionId();

        for (RegistryHttp.Response response : List.of(http.get(TOKEN_B, bot), http.get(TOKEN_B, bot + "/versions"),
                http.get(TOKEN_B, version), http.get(TOKEN_B, version + "/download"),
                http.post(TOKEN_B, version + "/activate"), http.post(TOKEN_B, bot + "/rollback"),
                http.get(TOKEN_B, bot + "/activations"))) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
        }
        assertThat(http.get(TOKEN_B, RegistryHttp.bots(ORG_B)).as(BotList.class).bots())
                .extracting(BotSummary::botId).doesNotContain(botOfA.botId());
        assertThat(http.get(TOKEN_A, RegistryHttp.bots(ORG_A) + "/" + botOfA.botId()).as(BotSummary.class)
                .activeVersionId()).isNull();
    }

    @Test
    void theSameBotNameInAnotherOrgIsAnotherBot() {
        RegistryHttp.Response response = http.upload(TOKEN_B, ORG_B, ReferenceBots.KOVAI.renamed(botOfA.botName()));

        assertThat(response.status()).isEqualTo(201);
        VersionDetails botOfB = response.as(VersionDetails.class);
        assertThat(botOfB.orgId()).isEqualTo(ORG_B);
        assertThat(botOfB.botId()).isNotEqualTo(botOfA.botId());
        assertThat(botOfB.versionNumber()).isEqualTo(1);
        assertThat(botOfB.createdBy()).isEqualTo("admin@" + ORG_B);
    }
}
