package dev.parley.sessionstore;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Session state with leases and fencing tokens, idempotency records and the outbox, in Redis. */
@SpringBootApplication
public class SessionStoreApplication {

    public static void main(String[] args) {
        SpringApplication.run(SessionStoreApplication.class, args);
    }
}
