package dev.parley.loguploader;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The wall clock every stored time (retry schedules, claims, breaker waits) is read from, so tests can drive a
 * 16-hour retry schedule without waiting. Elapsed times (latency, linger) use the monotonic clock instead.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }
}
