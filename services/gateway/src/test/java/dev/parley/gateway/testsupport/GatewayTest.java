package dev.parley.gateway.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway in a mock servlet environment with MockMvc, the {@link TestClients} connected apps and a
 * {@link FakeRuntimeClient} in place of the runtime. Every class using it shares one cached context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
// these contexts run without Redis; rate limits are tested against a real one in the ratelimit and channels tests
@SpringBootTest(properties = "parley.gateway.rate-limits.enabled=false")
@AutoConfigureMockMvc
@Import(GatewayTest.FakeRuntime.class)
@ContextConfiguration(initializers = TestClients.Initializer.class)
public @interface GatewayTest {

    /** Puts the fake runtime before the HTTP one. */
    @TestConfiguration(proxyBeanMethods = false)
    class FakeRuntime {

        @Bean
        @Primary
        FakeRuntimeClient fakeRuntimeClient() {
            return new FakeRuntimeClient();
        }
    }
}
