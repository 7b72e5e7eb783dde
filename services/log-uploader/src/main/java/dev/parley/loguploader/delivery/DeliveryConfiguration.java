package dev.parley.loguploader.delivery;

import dev.parley.loguploader.destination.NetworkPolicy;
import java.time.Clock;
import java.util.Random;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The delivery collaborators built from {@link DeliveryProperties}. */
@Configuration(proxyBeanMethods = false)
class DeliveryConfiguration {

    @Bean
    RetrySchedule retrySchedule(DeliveryProperties properties) {
        // java.util.Random may be shared by the delivery threads
        return new RetrySchedule(properties.retryDelays(), properties.jitter(), properties.maxRetryAfter(),
                new Random());
    }

    @Bean
    LatencyTimeouts latencyTimeouts(DeliveryProperties properties) {
        return new LatencyTimeouts(properties.timeoutFloor(), properties.timeoutCeiling(), properties.timeoutInitial(),
                properties.timeoutMultiplier(), properties.timeoutSamples());
    }

    @Bean(destroyMethod = "close")
    DestinationClient destinationClient(NetworkPolicy policy, DeliveryProperties properties, Clock clock) {
        return new DestinationClient(new GuardedDnsResolver(policy), properties.maxInFlight() * 2,
                properties.maxConcurrentPerDestination() + 2, clock);
    }
}
