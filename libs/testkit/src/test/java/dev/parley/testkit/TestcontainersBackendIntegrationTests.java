package dev.parley.testkit;

import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Testcontainers;

/** The Docker-backed handles; reported as skipped where no Docker engine exists. */
@Testcontainers(disabledWithoutDocker = true)
class TestcontainersBackendIntegrationTests {

    @Test
    void containersServeTheSameHandles() throws Exception {
        try (PostgresServer postgres = Containers.postgres()) {
            Probes.assertPostgresWorks(postgres, postgres.jdbcUrl());
            Probes.assertPostgresWorks(postgres, postgres.createDatabase("container_probe"));
        }
        try (RedisServer redis = Containers.redis()) {
            Probes.assertRedisWorks(redis);
            redis.flushAll();
        }
        try (KafkaBroker kafka = Containers.kafka()) {
            Probes.assertKafkaRoundTrip(kafka);
        }
    }

}
