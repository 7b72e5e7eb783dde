package dev.parley.gateway.channels;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

import dev.parley.gateway.testsupport.TestClients;
import dev.parley.testkit.RealInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway over real HTTP with real Redis, one binding per channel (two for SMS, one per reply mode), the
 * platforms' APIs pointed at {@link PlatformFake} and a {@link ScriptedRuntime} in place of the runtime service
 * (which is why these classes are {@code *Tests}, not {@code *IntegrationTests}). Every class using it shares one
 * cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(postgres = false, kafka = false)
@Import(ChannelsTest.Runtime.class)
@ContextConfiguration(initializers = { TestClients.Initializer.class, ChannelsTest.Settings.class })
public @interface ChannelsTest {

    String ORG_ID = TestClients.A.orgId();

    String BOT_ID = "0XxSB00000006rp0AA";

    String MESSENGER_BINDING = "acme-page";

    String PAGE_ID = "1111222233334444";

    String APP_SECRET = "messenger-app-secret-123";

    String PAGE_ACCESS_TOKEN = "EAAB-page-access-token";

    String VERIFY_TOKEN = "verify-me-please";

    String SLACK_BINDING = "acme-slack";

    String TEAM_ID = "T0TEAM1";

    String APP_ID = "A0APP1";

    String SIGNING_SECRET = "slack-signing-secret-0123456789";

    String BOT_TOKEN = "xoxb-test-bot-token";

    String SMS_BINDING = "acme-sms";

    String SMS_API_BINDING = "acme-sms-api";

    String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

    String AUTH_TOKEN = "twilio-auth-token-0123456789";

    String SMS_NUMBER = "+15550001111";

    String SMS_API_NUMBER = "+15550002222";

    int SESSION_LIMIT = 5;

    /** Puts the scripted runtime before the HTTP one. */
    @TestConfiguration(proxyBeanMethods = false)
    class Runtime {

        @Bean
        @Primary
        ScriptedRuntime scriptedRuntime() {
            return new ScriptedRuntime();
        }
    }

    /** The channel bindings and fake API URLs. */
    class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> p = new HashMap<>();
            String c = "parley.gateway.channels.";
            p.put(c + "api-urls.messenger", PlatformFake.INSTANCE.url("/graph/v21.0"));
            p.put(c + "api-urls.slack", PlatformFake.INSTANCE.url("/slack/api"));
            p.put(c + "api-urls.twilio", PlatformFake.INSTANCE.url("/twilio/2010-04-01"));
            p.put(c + "worker-threads", 2);
            p.put(c + "outbound.initial-backoff", "10ms");
            p.put(c + "outbound.max-backoff", "100ms");
            p.put(c + "outbound.read-timeout", "2s");
            p.put(c + "messenger[0].id", MESSENGER_BINDING);
            p.put(c + "messenger[0].org-id", ORG_ID);
            p.put(c + "messenger[0].bot-id", BOT_ID);
            p.put(c + "messenger[0].page-id", PAGE_ID);
            p.put(c + "messenger[0].app-secret", APP_SECRET);
            p.put(c + "messenger[0].page-access-token", PAGE_ACCESS_TOKEN);
            p.put(c + "messenger[0].verify-token", VERIFY_TOKEN);
            p.put(c + "slack[0].id", SLACK_BINDING);
            p.put(c + "slack[0].org-id", ORG_ID);
            p.put(c + "slack[0].bot-id", BOT_ID);
            p.put(c + "slack[0].team-id", TEAM_ID);
            p.put(c + "slack[0].app-id", APP_ID);
            p.put(c + "slack[0].signing-secret", SIGNING_SECRET);
            p.put(c + "slack[0].bot-token", BOT_TOKEN);
            sms(p, 0, SMS_BINDING, SMS_NUMBER, "twiml");
            sms(p, 1, SMS_API_BINDING, SMS_API_NUMBER, "messages-api");
            p.put("parley.gateway.rate-limits.session-limit", SESSION_LIMIT);
            p.put("parley.gateway.rate-limits.session-window", "1m");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("channelsTest", p));
        }

        private static void sms(Map<String, Object> p, int i, String id, String number, String mode) {
            String prefix = "parley.gateway.channels.sms[" + i + "].";
            p.put(prefix + "id", id);
            p.put(prefix + "org-id", ORG_ID);
            p.put(prefix + "bot-id", BOT_ID);
            p.put(prefix + "account-sid", ACCOUNT_SID);
            p.put(prefix + "auth-token", AUTH_TOKEN);
            p.put(prefix + "phone-number", number);
            p.put(prefix + "reply-mode", mode);
        }
    }
}
