package dev.parley.testkit.sample;

import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RealInfrastructure;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaConnectionDetails;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Postgres only, in its own database. */
@SpringBootTest
@RealInfrastructure(redis = false, kafka = false, database = "sample_own")
class RealInfrastructureDatabaseIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${parley.testkit.postgres.jdbc-url}")
    String jdbcUrl;

    @Test
    void dataSourceUsesTheNamedDatabase() {
        assertThat(this.jdbc.queryForObject("select current_database()", String.class)).isEqualTo("sample_own");
        assertThat(this.jdbcUrl).isEqualTo(Infrastructure.postgres().jdbcUrl("sample_own"));
    }

    @Test
    void onlyTheAskedConnectionDetailsAreRegistered() {
        assertThat(this.context.containsBean("parleyTestkitJdbcConnectionDetails")).isTrue();
        assertThat(this.context.containsBean("parleyTestkitDataRedisConnectionDetails")).isFalse();
        assertThat(this.context.getBeanNamesForType(KafkaConnectionDetails.class))
            .doesNotContain("parleyTestkitKafkaConnectionDetails");
    }

}
