package dev.parley.eventsconsumer;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.time.Clock;

/** Turns the runtime's turn events into step-by-step debug logs and metric aggregates, and serves queries on both. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class EventsConsumerApplication {

    public static void main(String[] args) {
        SpringApplication.run(EventsConsumerApplication.class, args);
    }

    /** The time retention and the ingest cut-off are computed from. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
