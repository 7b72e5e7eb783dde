package dev.parley.sessionstore.session;

import java.nio.charset.StandardCharsets;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;

/** Wires the lease feature: the Redis adapter and the release notifications that wake local waiters. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LeaseProperties.class)
class SessionConfiguration {

    @Bean
    LeaseWakeups leaseWakeups() {
        return new LeaseWakeups();
    }

    @Bean
    RedisMessageListenerContainer leaseReleaseListener(RedisConnectionFactory connectionFactory,
            LeaseWakeups wakeups) {
        RedisMessageListenerContainer container = new RedisMessageListenerContainer();
        container.setConnectionFactory(connectionFactory);
        // Waking waiters only releases semaphores: run it on the subscription's thread. The default executor starts
        // a new thread for every message, which cost measurable CPU on every commit.
        container.setTaskExecutor(new SyncTaskExecutor());
        container.addMessageListener(
                (message, pattern) -> wakeups.wake(new String(message.getBody(), StandardCharsets.UTF_8)),
                new ChannelTopic(RedisSessionStore.RELEASE_CHANNEL));
        return container;
    }
}
