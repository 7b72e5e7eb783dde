package dev.parley.testkit.sample;

import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Same annotation as {@link RealInfrastructureIntegrationTests}: must get the cached context and the same servers. */
@SpringBootTest
@RealInfrastructure(postgres = true, redis = true, kafka = true)
class RealInfrastructureContextReuseIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Test
    void reusesTheCachedContext() {
        RealInfrastructureIntegrationTests.SHARED_CONTEXT.compareAndSet(null, this.context);
        assertThat(this.context).isSameAs(RealInfrastructureIntegrationTests.SHARED_CONTEXT.get());
    }

    @Test
    void talksToTheSameServers() {
        assertThat(this.jdbc.queryForObject("select inet_server_port()", Integer.class))
            .isEqualTo(Infrastructure.postgres().port());
        this.redis.opsForValue().set("reuse:probe", "same");
        assertThat(Infrastructure.redis().port()).isEqualTo(
                ((org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory) this.redis.getConnectionFactory()).getPort());
    }

}
