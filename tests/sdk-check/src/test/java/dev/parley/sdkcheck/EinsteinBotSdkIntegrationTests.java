package dev.parley.sdkcheck;

import dev.parley.local.LocalPlatformProcess;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.salesforce.einsteinbot.sdk.auth.AuthMechanism;
import com.salesforce.einsteinbot.sdk.auth.JwtBearerOAuth;
import com.salesforce.einsteinbot.sdk.client.BasicChatbotClient;
import com.salesforce.einsteinbot.sdk.client.ChatbotClients;
import com.salesforce.einsteinbot.sdk.client.model.BotRequest;
import com.salesforce.einsteinbot.sdk.client.model.BotResponse;
import com.salesforce.einsteinbot.sdk.client.model.ExternalSessionId;
import com.salesforce.einsteinbot.sdk.client.model.RequestConfig;
import com.salesforce.einsteinbot.sdk.client.model.RuntimeSessionId;
import com.salesforce.einsteinbot.sdk.exception.ChatbotResponseException;
import com.salesforce.einsteinbot.sdk.model.AnyResponseMessage;
import com.salesforce.einsteinbot.sdk.model.ChoiceMessage;
import com.salesforce.einsteinbot.sdk.model.ChoicesResponseMessage;
import com.salesforce.einsteinbot.sdk.model.ChoicesResponseMessageChoices;
import com.salesforce.einsteinbot.sdk.model.EndSessionReason;
import com.salesforce.einsteinbot.sdk.model.SessionEndedResponseMessage;
import com.salesforce.einsteinbot.sdk.model.Status;
import com.salesforce.einsteinbot.sdk.model.TextMessage;
import com.salesforce.einsteinbot.sdk.model.TextResponseMessage;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Salesforce's own client, einstein-bot-sdk-java 2.1.0, unchanged, against the running platform: JWT-bearer OAuth
 * through our token and introspection endpoints, then a whole conversation over the Bot Runtime API v5.1.0.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EinsteinBotSdkIntegrationTests {

    private static LocalPlatformProcess platform;
    private static BasicChatbotClient client;
    private static RequestConfig config;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = LocalPlatformProcess.start("parley-sdk-check");
        Properties demo = platform.credentials();
        AuthMechanism oauth = JwtBearerOAuth.with()
                .privateKeyFilePath(platform.privateKeyDer().toString())
                .loginEndpoint(demo.getProperty("login-url"))
                .connectedAppId(demo.getProperty("consumer-key"))
                .connectedAppSecret(demo.getProperty("consumer-secret"))
                .userId(demo.getProperty("username"))
                .build();
        client = ChatbotClients.basic()
                .basePath(platform.gatewayUrl())
                .authMechanism(oauth)
                .build();
        config = RequestConfig.with()
                .botId(demo.getProperty("bot-id"))
                .orgId(demo.getProperty("org-id"))
                .forceConfigEndpoint("https://parley-demo.my.salesforce.com/")
                .build();
    }

    @AfterAll
    static void stopPlatform() throws Exception {
        if (platform != null) {
            assertThat(platform.stopGracefully(Duration.ofSeconds(60)))
                    .as("the platform stops on SIGTERM like Ctrl-C").isTrue();
            platform.close();
        }
    }

    @Test
    @Order(1)
    void reportsHealthAndSupportedVersions() {
        assertThat(client.getHealthStatus().getStatus()).isEqualTo(Status.StatusEnum.UP);
        assertThat(client.getSupportedVersions().getVersions())
                .anySatisfy(version -> assertThat(version.getVersionNumber()).isEqualTo("5.1.0"));
    }

    @Test
    @Order(2)
    void conversesThroughAWholeConversation() {
        BotResponse started = client.startChatSession(config, new ExternalSessionId(UUID.randomUUID().toString()),
                BotRequest.withMessage(new TextMessage().type(TextMessage.TypeEnum.TEXT).sequenceId(1L).text(""))
                        .build());
        assertThat(started.getHttpStatusCode()).isEqualTo(200);
        String sessionId = started.getResponseEnvelope().getSessionId();
        assertThat(sessionId).isNotBlank();
        assertThat(started.getResponseEnvelope().getBotVersion()).isNotBlank();
        List<AnyResponseMessage> welcome = started.getResponseEnvelope().getMessages();
        assertThat(welcome).hasAtLeastOneElementOfType(TextResponseMessage.class);
        ChoicesResponseMessage menu = lastMenu(welcome);
        assertThat(menu.getChoices()).hasSizeGreaterThan(1);
        RuntimeSessionId session = new RuntimeSessionId(sessionId);

        // Choose by index: the first option the menu offers.
        int orderStatus = indexOf(menu, "Order Status");
        BotResponse chosen = client.sendMessage(config, session, BotRequest.withMessage(
                new ChoiceMessage().type(ChoiceMessage.TypeEnum.CHOICE).sequenceId(2L).choiceIndex(orderStatus))
                .build());
        assertThat(chosen.getResponseEnvelope().getProcessedSequenceIds()).containsExactly(2L);
        assertThat(chosen.getResponseEnvelope().getMessages()).hasAtLeastOneElementOfType(TextResponseMessage.class);

        // The same sequence id again is answered from the record: the same reply, nothing run twice.
        BotResponse repeated = client.sendMessage(config, session, BotRequest.withMessage(
                new ChoiceMessage().type(ChoiceMessage.TypeEnum.CHOICE).sequenceId(2L).choiceIndex(orderStatus))
                .build());
        assertThat(ids(repeated)).isEqualTo(ids(chosen));

        // Free text that matches nothing gets the bot's Confused answer rather than an error.
        BotResponse confused = client.sendMessage(config, session, BotRequest.withMessage(
                new TextMessage().type(TextMessage.TypeEnum.TEXT).sequenceId(3L).text("qwzx plover frobnicate"))
                .build());
        assertThat(confused.getHttpStatusCode()).isEqualTo(200);
        assertThat(confused.getResponseEnvelope().getMessages()).isNotEmpty();

        BotResponse ended = client.endChatSession(config, session,
                BotRequest.withEndSession(EndSessionReason.USERREQUEST).build());
        assertThat(ended.getResponseEnvelope().getMessages())
                .singleElement()
                .isInstanceOfSatisfying(SessionEndedResponseMessage.class, message -> assertThat(
                        message.getReason()).isEqualTo(SessionEndedResponseMessage.ReasonEnum.CLIENTREQUEST));
    }

    @Test
    @Order(3)
    void picksAChoiceByIdAndRejectsAnIndexOutOfRange() {
        BotResponse started = client.startChatSession(config, new ExternalSessionId(UUID.randomUUID().toString()),
                BotRequest.withMessage(new TextMessage().type(TextMessage.TypeEnum.TEXT).sequenceId(1L).text(""))
                        .build());
        RuntimeSessionId session = new RuntimeSessionId(started.getResponseEnvelope().getSessionId());
        ChoicesResponseMessage menu = lastMenu(started.getResponseEnvelope().getMessages());

        assertThatThrownBy(() -> client.sendMessage(config, session, BotRequest.withMessage(
                new ChoiceMessage().type(ChoiceMessage.TypeEnum.CHOICE).sequenceId(5L).choiceIndex(99)).build()))
                .satisfies(e -> assertThat(responseStatusOf(e)).isEqualTo(400));

        ChoicesResponseMessageChoices first = menu.getChoices().get(0);
        BotResponse chosen = client.sendMessage(config, session, BotRequest.withMessage(
                new ChoiceMessage().type(ChoiceMessage.TypeEnum.CHOICE).sequenceId(6L).choiceId(first.getId()))
                .build());
        assertThat(chosen.getResponseEnvelope().getProcessedSequenceIds()).containsExactly(6L);
        assertThat(chosen.getResponseEnvelope().getMessages()).isNotEmpty();
    }

    @Test
    @Order(4)
    void refusesAnUnknownSession() {
        RuntimeSessionId unknown = new RuntimeSessionId(UUID.randomUUID().toString());
        assertThatThrownBy(() -> client.sendMessage(config, unknown, BotRequest.withMessage(
                new TextMessage().type(TextMessage.TypeEnum.TEXT).sequenceId(1L).text("hello")).build()))
                .satisfies(e -> assertThat(responseStatusOf(e)).isEqualTo(404));
    }

    /** The SDK wraps the API's error answer in its own exceptions; this digs out the HTTP status it carries. */
    private static int responseStatusOf(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof ChatbotResponseException response) {
                return response.getStatus();
            }
        }
        throw new AssertionError("no ChatbotResponseException in " + thrown, thrown);
    }

    private static ChoicesResponseMessage lastMenu(List<AnyResponseMessage> messages) {
        ChoicesResponseMessage menu = null;
        for (AnyResponseMessage message : messages) {
            if (message instanceof ChoicesResponseMessage choices) {
                menu = choices;
            }
        }
        assertThat(menu).as("a choices menu among %s", messages).isNotNull();
        return menu;
    }

    private static int indexOf(ChoicesResponseMessage menu, String label) {
        List<ChoicesResponseMessageChoices> choices = menu.getChoices();
        for (int i = 0; i < choices.size(); i++) {
            if (label.equalsIgnoreCase(choices.get(i).getLabel())) {
                return i + 1;
            }
        }
        return 1;
    }

    private static List<String> ids(BotResponse response) {
        return response.getResponseEnvelope().getMessages().stream().map(LocalIds::idOf).toList();
    }

    /** Reads the id every response message type carries. */
    private static final class LocalIds {
        static String idOf(AnyResponseMessage message) {
            return switch (message) {
                case TextResponseMessage text -> text.getId();
                case ChoicesResponseMessage choices -> choices.getId();
                case SessionEndedResponseMessage ended -> ended.getId();
                default -> message.toString();
            };
        }
    }
}
