package dev.parley.testkit.sample;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.Probes;
import dev.parley.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest
@RealInfrastructure
class RealInfrastructureIntegrationTests {

    /** The context the first of the two same-annotation classes got; the other must get the same one. */
    static final AtomicReference<ApplicationContext> SHARED_CONTEXT = new AtomicReference<>();

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Value("${parley.testkit.redis.url}")
    String redisUrl;

    @Test
    void jdbcTemplateReachesTheSharedPostgres() {
        assertThat(this.jdbc.queryForObject("select inet_server_port()", Integer.class))
            .isEqualTo(Infrastructure.postgres().port());
        this.jdbc.execute("create table if not exists sample_note (id int primary key, body text)");
        this.jdbc.update("insert into sample_note values (1, 'hello') on conflict do nothing");
        assertThat(this.jdbc.queryForObject("select body from sample_note where id = 1", String.class)).isEqualTo("hello");
    }

    @Test
    void redisTemplateReachesTheSharedRedis() {
        LettuceConnectionFactory factory = (LettuceConnectionFactory) this.redis.getConnectionFactory();
        assertThat(factory.getPort()).isEqualTo(Infrastructure.redis().port());
        this.redis.opsForValue().set("sample:greeting", "hi");
        assertThat(this.redis.opsForValue().get("sample:greeting")).isEqualTo("hi");
        assertThat(this.redisUrl).isEqualTo(Infrastructure.redis().redisUrl());
    }

    @Test
    void kafkaTemplateReachesTheSharedKafka() throws Exception {
        String topic = "sample-" + UUID.randomUUID();
        this.kafka.send(topic, "k", "from-template").get(30, TimeUnit.SECONDS);
        assertThat(Probes.consume(Infrastructure.kafka(), topic, 1)).singleElement()
            .satisfies((record) -> assertThat(record.value()).isEqualTo("from-template"));
    }

    @Test
    void classesWithTheSameAnnotationShareOneContext() {
        SHARED_CONTEXT.compareAndSet(null, this.context);
        assertThat(this.context).isSameAs(SHARED_CONTEXT.get());
    }

}
