package dev.parley.gateway.channels;

import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RedisServer;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** A template on the testkit's shared real Redis, for tests without a Spring context. Connected once per JVM. */
final class TestRedis {

    private static StringRedisTemplate template;

    private TestRedis() {
    }

    static synchronized StringRedisTemplate template() {
        if (template == null) {
            RedisServer redis = Infrastructure.redis();
            LettuceConnectionFactory connections = new LettuceConnectionFactory(
                    new RedisStandaloneConfiguration(redis.host(), redis.port()));
            connections.afterPropertiesSet();
            connections.start();
            Runtime.getRuntime().addShutdownHook(new Thread(connections::destroy));
            template = new StringRedisTemplate(connections);
        }
        return template;
    }
}
