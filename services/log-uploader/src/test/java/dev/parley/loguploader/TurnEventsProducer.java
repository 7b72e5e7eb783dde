package dev.parley.loguploader;

import dev.parley.runtime.api.TurnEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.json.JsonMapper;

/** Publishes turn events the way the runtime does: JSON of {@link TurnEvent}, keyed by session id. */
public final class TurnEventsProducer implements AutoCloseable {

    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final JsonMapper json;

    public TurnEventsProducer(String bootstrapServers, String topic, JsonMapper json) {
        this.topic = topic;
        this.json = json;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer());
    }

    /** A session's events: turn {@code turn}, index {@code i} gets a deterministic id as the runtime gives them. */
    public static TurnEvent event(String orgId, String botId, String sessionId, long turn, int index, String type,
            Map<String, Object> data) {
        UUID id = UUID.nameUUIDFromBytes(("turn-event\u0000" + sessionId + '\u0000' + turn + '\u0000' + index)
                .getBytes(StandardCharsets.UTF_8));
        return new TurnEvent(id, type, TurnEvent.SCHEMA_VERSION, orgId, botId, "0X9000000000001AAA", sessionId,
                Instant.now(), turn, turn == 1 ? null : turn, "req-" + sessionId + "-" + turn,
                new LinkedHashMap<>(data));
    }

    /** {@code count} StepExecuted events spread over {@code sessions} sessions of one org, in per-session order. */
    public static List<TurnEvent> steps(String orgId, String botId, int sessions, int count) {
        List<TurnEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String session = orgId + "-s" + (i % sessions);
            events.add(event(orgId, botId, session, 1 + i / sessions, 0, "StepExecuted",
                    Map.of("dialog", "Main_Menu", "step", "step-" + i, "stepType", "Message")));
        }
        return events;
    }

    public void send(TurnEvent event) {
        producer.send(new ProducerRecord<>(topic, event.sessionId(), json.writeValueAsString(event)));
    }

    public void sendRaw(String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    /** Sends all and waits until Kafka has them. */
    public void sendAll(List<TurnEvent> events) {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (TurnEvent event : events) {
            sent.add(producer.send(new ProducerRecord<>(topic, event.sessionId(), json.writeValueAsString(event))));
        }
        try {
            for (Future<RecordMetadata> future : sent) {
                future.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Kafka refused a turn event", e.getCause());
        }
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
