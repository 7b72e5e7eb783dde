package dev.parley.loguploader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Delivers each org's debug logs (turn events) to the HTTP endpoints the org configures, durably. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LogUploaderApplication {

    public static void main(String[] args) {
        SpringApplication.run(LogUploaderApplication.class, args);
    }
}
