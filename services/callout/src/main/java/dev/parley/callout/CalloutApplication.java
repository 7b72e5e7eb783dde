package dev.parley.callout;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Apex, flow, record lookup and external HTTP invocations behind per-endpoint resilience and an SSRF guard. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CalloutApplication {

    public static void main(String[] args) {
        SpringApplication.run(CalloutApplication.class, args);
    }
}
