package dev.parley.loguploader;

import dev.parley.platform.kafka.KafkaNames;
import dev.parley.runtime.api.Topics;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.RealInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one application context the integration tests share: the real service on a random port against the testkit's
 * PostgreSQL (own database) and Kafka, http and loopback destinations allowed, short timeouts, and a
 * {@link TestClock}. Each test uses its own org ids, so tests never see each other's events.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "parley.platform.internal-credential=" + IntegrationTestSupport.CREDENTIAL,
        "parley.log-uploader.destinations.allow-http=true",
        "parley.log-uploader.destinations.allow-private-network=true",
        "parley.log-uploader.destinations.max-per-org=5",
        "parley.log-uploader.delivery.timeout-floor=200ms",
        "parley.log-uploader.delivery.timeout-ceiling=2s",
        "parley.log-uploader.delivery.timeout-initial=1s",
        "parley.log-uploader.delivery.claim-lease=10s",
        "parley.log-uploader.delivery.poll-interval=50ms",
        "parley.log-uploader.delivery.max-concurrent-per-destination=2",
        "parley.log-uploader.delivery.breaker-open-wait=30s",
        "parley.log-uploader.ingest.max-poll-wait=50ms",
        "parley.log-uploader.ingest.commit-interval=200ms",
        "spring.kafka.consumer.properties.fetch.max.wait.ms=20"})
@RealInfrastructure(database = "loguploader", redis = false)
@Import(IntegrationTestSupport.ClockConfiguration.class)
public abstract class IntegrationTestSupport {

    public static final String CREDENTIAL = "log-uploader-test-credential";

    /** Partitions of the turn-events topic in these tests. */
    public static final int PARTITIONS = 3;

    static {
        // as the runtime would have created it; a topic auto-created by the first consumer would have one partition
        Infrastructure.kafka().createTopic(Topics.TURN_EVENTS, PARTITIONS);
    }

    @LocalServerPort
    protected int port;

    @Autowired
    protected TestClock clock;

    @Autowired
    protected JsonMapper json;

    @Autowired
    protected KafkaNames kafkaNames;

    protected AdminApi api;
    protected TurnEventsProducer producer;

    @BeforeEach
    void connect() {
        api = new AdminApi(port, CREDENTIAL, json);
        producer = new TurnEventsProducer(Infrastructure.kafka().bootstrapServers(),
                kafkaNames.topic(Topics.TURN_EVENTS), json);
    }

    @AfterEach
    void disconnect() {
        producer.close();
        clock.resume();
    }

    /** Replaces the system clock with one the tests move. */
    @TestConfiguration(proxyBeanMethods = false)
    static class ClockConfiguration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
