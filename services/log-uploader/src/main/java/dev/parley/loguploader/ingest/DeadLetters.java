package dev.parley.loguploader.ingest;

import dev.parley.platform.kafka.KafkaNames;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Moves records that are not turn events to the dead-letter topic with the reason and origin in headers, so one bad
 * record never stops a partition. If even that fails the record is logged with its position and skipped: it could
 * never be delivered anyway.
 */
@Component
class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaTemplate<String, String> kafka;
    private final String topic;
    private final IngestMetrics metrics;

    DeadLetters(KafkaTemplate<String, String> kafka, KafkaNames names, IngestMetrics metrics) {
        this.kafka = kafka;
        this.topic = names.topic(IngestProperties.DEAD_LETTER_TOPIC);
        this.metrics = metrics;
    }

    void send(ConsumerRecord<String, String> record, String reason) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, record.key(), record.value());
        dead.headers().add("parley-dlt-reason", reason.getBytes(StandardCharsets.UTF_8));
        dead.headers().add("parley-dlt-origin", (record.topic() + "/" + record.partition() + "/" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        try {
            kafka.send(dead).get(10, TimeUnit.SECONDS);
            metrics.poison("dead_lettered");
            log.warn("Record {}/{}/{} is not a turn event ({}); moved to {}", record.topic(), record.partition(),
                    record.offset(), reason, topic);
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            metrics.poison("dropped");
            log.error("Record {}/{}/{} is not a turn event ({}) and could not be moved to {}; skipped",
                    record.topic(), record.partition(), record.offset(), reason, topic, e);
        }
    }
}
