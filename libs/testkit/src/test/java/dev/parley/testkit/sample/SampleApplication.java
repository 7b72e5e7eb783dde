package dev.parley.testkit.sample;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/** A bare application whose auto-configured JdbcTemplate, StringRedisTemplate and KafkaTemplate the tests use. */
@SpringBootApplication
class SampleApplication {

}
