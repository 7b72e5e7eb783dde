package dev.parley.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Wires the Redis rate limiter and puts it in front of the Bot Runtime API, after its authentication. */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    /** After the Bot API's authentication interceptor, which has the default order 0. */
    static final int INTERCEPTOR_ORDER = 100;

    @Bean
    RateLimiter rateLimiter(StringRedisTemplate redis) {
        return new RedisRateLimiter(redis);
    }

    @Bean
    RateLimits rateLimits(RateLimiter limiter, RateLimitProperties properties, MeterRegistry meters) {
        return new RateLimits(limiter, properties, meters);
    }

    @Bean
    WebMvcConfigurer botApiRateLimits(RateLimits limits) {
        BotApiRateLimitInterceptor interceptor = new BotApiRateLimitInterceptor(limits);
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(InterceptorRegistry registry) {
                registry.addInterceptor(interceptor).addPathPatterns("/v5.1.0/**").order(INTERCEPTOR_ORDER);
            }
        };
    }
}
