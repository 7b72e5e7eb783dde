package dev.parley.gateway.widget;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.HashMap;
import java.util.Map;

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
 * The gateway on a real port with real Redis, two widget bots and the demo page, short heartbeat and poll timeouts,
 * and a {@link WidgetRuntime} in place of the runtime service (hence {@code *Tests}, not {@code *IntegrationTests}).
 * Every class using it shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RealInfrastructure(postgres = false, kafka = false)
@Import(WidgetTest.Runtime.class)
@ContextConfiguration(initializers = WidgetTest.Settings.class)
@interface WidgetTest {

    String ORG_ID = "00DW00000000001AAA";

    String BOT_ID = "0XxW00000000001AAA";

    String OTHER_BOT_ID = "0XxW00000000002AAA";

    String ORIGIN = "https://shop.example.com";

    String SIGNING_SECRET = "widget-test-token-signing-secret-0123456789";

    int SESSION_LIMIT = 12;

    /** Puts the scripted runtime before the HTTP one. */
    @TestConfiguration(proxyBeanMethods = false)
    class Runtime {

        @Bean
        @Primary
        WidgetRuntime widgetRuntime() {
            return new WidgetRuntime();
        }
    }

    /** The widget bindings and short timeouts. */
    class Settings implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            Map<String, Object> p = new HashMap<>();
            p.put("parley.platform.internal-credential", "widget-test-internal-credential");
            p.put("parley.gateway.public-url", "https://gateway.test");
            p.put("parley.gateway.oauth.token-signing-secret", SIGNING_SECRET);
            String w = "parley.gateway.widget.";
            p.put(w + "bots[0].org-id", ORG_ID);
            p.put(w + "bots[0].bot-id", BOT_ID);
            p.put(w + "bots[0].allowed-origins[0]", ORIGIN);
            p.put(w + "bots[0].allowed-origins[1]", "http://localhost:8080");
            p.put(w + "bots[1].org-id", ORG_ID);
            p.put(w + "bots[1].bot-id", OTHER_BOT_ID);
            p.put(w + "bots[1].allowed-origins[0]", "https://other.example.com");
            p.put(w + "heartbeat-interval", "1s");
            p.put(w + "long-poll-timeout", "1s");
            p.put(w + "max-text-length", 200);
            p.put(w + "max-frame-size", "2KB");
            p.put(w + "socket-buffer-size", "1KB");
            p.put(w + "demo-page", true);
            p.put("parley.gateway.rate-limits.session-limit", SESSION_LIMIT);
            p.put("parley.gateway.rate-limits.session-window", "1m");
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("widgetTest", p));
        }
    }
}
