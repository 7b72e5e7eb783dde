package dev.parley.platform.testapp;

import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.core.env.Environment;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/** A tiny service that exercises the platform in tests. */
@SpringBootApplication(excludeName = { "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
        "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration" })
public class PlatformTestApplication {

    record Greeting(@NotBlank String name) {
    }

    @RestController
    static class TestController {

        private static final Logger log = LoggerFactory.getLogger(TestController.class);

        private final RestClient.Builder restClientBuilder;

        private final Environment environment;

        TestController(RestClient.Builder restClientBuilder, Environment environment) {
            this.restClientBuilder = restClientBuilder;
            this.environment = environment;
        }

        @GetMapping("/hello")
        Map<String, String> hello() {
            MDC.put("session_id", "session-1");
            MDC.put("org_id", "org-1");
            log.info("Said hello");
            return Map.of("requestId", String.valueOf(MDC.get("request_id")));
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail");
        }

        @PostMapping("/greetings")
        Greeting greet(@Valid @RequestBody Greeting greeting) {
            return greeting;
        }

        @GetMapping("/items/{id}")
        Integer item(@PathVariable Integer id) {
            return id;
        }

        @GetMapping("/needs-header")
        String needsHeader(@RequestHeader("X-Thing") String thing) {
            return thing;
        }

        @GetMapping("/internal/ping")
        String ping() {
            return "pong";
        }

        @GetMapping("/internal/headers")
        Map<String, String> headers(@RequestHeader(name = "X-Request-ID", required = false) String requestId) {
            return Map.of("requestId", String.valueOf(requestId));
        }

        /** Calls this service's own internal endpoint with a client built from the injected builder. */
        @GetMapping("/relay")
        String relay() {
            String port = this.environment.getProperty("local.server.port");
            return this.restClientBuilder.baseUrl("http://localhost:" + port)
                .build()
                .get()
                .uri("/internal/headers")
                .retrieve()
                .body(String.class);
        }

    }

}
