package dev.parley.runtime;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Executes turns: lease the session, run the engine, commit state and outbox, publish turn events. */
@SpringBootApplication
public class RuntimeApplication {

    public static void main(String[] args) {
        SpringApplication.run(RuntimeApplication.class, args);
    }
}
