package dev.parley.gateway.channels;

import dev.parley.gateway.botapi.BotApiProperties;
import dev.parley.gateway.runtime.RuntimeClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Wires the channel contract: sessions in Redis, the turn runner, the dispatcher and the outbound HTTP client. */
@Configuration(proxyBeanMethods = false)
class ChannelConfiguration {

    @Bean
    ChannelSessions channelSessions(StringRedisTemplate redis, ChannelsProperties properties) {
        return new RedisChannelSessions(redis, properties);
    }

    @Bean
    ChannelTurns channelTurns(ChannelSessions sessions, RuntimeClient runtime, BotApiProperties botApi,
            MeterRegistry meters) {
        return new ChannelTurns(sessions, runtime, botApi.publicUrl().toString(), meters);
    }

    @Bean
    ChannelDispatcher channelDispatcher(ChannelTurns turns, ChannelsProperties properties, MeterRegistry meters) {
        return new ChannelDispatcher(turns, properties, meters);
    }

    @Bean
    OutboundHttp channelOutboundHttp(ChannelsProperties properties, MeterRegistry meters) {
        return new OutboundHttp(properties.outbound(), meters);
    }
}
