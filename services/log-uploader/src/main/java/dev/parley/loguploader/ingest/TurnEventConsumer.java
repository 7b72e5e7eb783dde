package dev.parley.loguploader.ingest;

import dev.parley.loguploader.Workers;
import dev.parley.loguploader.destination.DestinationDirectory;
import dev.parley.platform.kafka.KafkaNames;
import dev.parley.runtime.api.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/** Runs the configured number of {@link ConsumerLoop}s of the {@code log-uploader} group, each on its own thread. */
@Component
@Workers
class TurnEventConsumer implements SmartLifecycle {

    /** The consumer group, before {@code KAFKA_PREFIX}. */
    static final String GROUP = "log-uploader";

    private static final Logger log = LoggerFactory.getLogger(TurnEventConsumer.class);

    private final ConsumerFactory<String, String> consumers;
    private final KafkaNames names;
    private final TurnEventReader reader;
    private final DestinationDirectory directory;
    private final BatchWriter writer;
    private final DeadLetters deadLetters;
    private final IngestMetrics metrics;
    private final IngestProperties properties;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;

    TurnEventConsumer(ConsumerFactory<String, String> consumers, KafkaNames names, TurnEventReader reader,
            DestinationDirectory directory, BatchWriter writer, DeadLetters deadLetters, IngestMetrics metrics,
            IngestProperties properties) {
        this.consumers = consumers;
        this.names = names;
        this.reader = reader;
        this.directory = directory;
        this.writer = writer;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.properties = properties;
    }

    @Override
    public synchronized void start() {
        String topic = names.topic(Topics.TURN_EVENTS);
        String group = names.group(GROUP);
        for (int i = 0; i < properties.consumerThreads(); i++) {
            String name = "log-uploader-consumer-" + i;
            ConsumerLoop loop = new ConsumerLoop(name, () -> consumers.createConsumer(group, name, "", new Properties()),
                    topic, reader, directory, writer, deadLetters, metrics, properties);
            loops.add(loop);
            threads.add(Thread.ofPlatform().name(name).start(loop));
        }
        running = true;
        log.info("Reading {} as group {} with {} consumers", topic, group, loops.size());
    }

    @Override
    public synchronized void stop() {
        loops.forEach(ConsumerLoop::stop);
        for (Thread thread : threads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        loops.clear();
        threads.clear();
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
