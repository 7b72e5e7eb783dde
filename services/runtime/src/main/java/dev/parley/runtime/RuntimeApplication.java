package dev.parley.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Executes turns: lease the session, run the engine, commit state and outbox, publish turn events. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class RuntimeApplication {

    public static void main(String[] args) {
        SpringApplication.run(RuntimeApplication.class, args);
    }
}
