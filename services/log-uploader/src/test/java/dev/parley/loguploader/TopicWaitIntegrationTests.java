package dev.parley.loguploader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.runtime.api.Topics;
import dev.parley.runtime.api.TurnEvent;
import dev.parley.testkit.Infrastructure;
import dev.parley.testkit.KafkaBroker;
import dev.parley.testkit.PostgresServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service reads a topic it does not own: started before the topic exists, it waits for the owner to create it
 * (with the owner's partition count) instead of creating a one-partition topic itself, then reads it. Own database
 * and Kafka prefix, apart from the other tests' context.
 */
class TopicWaitIntegrationTests {

    private static final String CREDENTIAL = "topic-wait-credential";
    private static final String PREFIX = "topicwait.";
    private static final String ORG = "orgtopicwait";

    @Test
    void startedBeforeItsTopicExistsItWaitsForTheOwnerToCreateItThenReadsIt() throws Exception {
        PostgresServer postgres = Infrastructure.postgres();
        KafkaBroker kafka = Infrastructure.kafka();
        String topic = PREFIX + Topics.TURN_EVENTS;
        JsonMapper json = JsonMapper.builder().build();
        List<TurnEvent> events = TurnEventsProducer.steps(ORG, "bot-1", 2, 20);
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(LogUploaderApplication.class)
                .run("--server.port=0",
                        "--spring.datasource.url=" + postgres.createDatabase("loguploader_topicwait"),
                        "--spring.datasource.username=" + postgres.username(),
                        "--spring.datasource.password=" + postgres.password(),
                        "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                        "--parley.platform.kafka-prefix=" + PREFIX,
                        "--parley.platform.internal-credential=" + CREDENTIAL,
                        "--parley.log-uploader.destinations.allow-http=true",
                        "--parley.log-uploader.destinations.allow-private-network=true",
                        "--parley.log-uploader.delivery.poll-interval=50ms",
                        "--parley.log-uploader.ingest.max-poll-wait=50ms");
                Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()));
                FakeDestination destination = FakeDestination.start()) {
            int port = Integer.parseInt(service.getEnvironment().getProperty("local.server.port"));
            new AdminApi(port, CREDENTIAL, json).createDestination(ORG, Map.of("name", "wait", "url",
                    destination.url(), "batchSize", 10, "lingerMillis", 100));

            Thread.sleep(3_000); // its consumer has asked for the topic's metadata many times by now
            assertThat(admin.listTopics().names().get()).doesNotContain(topic);

            kafka.createTopic(topic, 3); // what the runtime does at its start
            try (TurnEventsProducer producer = new TurnEventsProducer(kafka.bootstrapServers(), topic, json)) {
                producer.sendAll(events);
            }

            await().atMost(Duration.ofSeconds(90)).until(() -> destination.processedEventIds().size() >= events.size());
            assertThat(destination.processedEventIds()).hasSize(events.size());
            assertThat(admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()).hasSize(3);
        }
    }
}
