package dev.parley.runtime.bot;

import dev.parley.registry.api.BotVersionActivated;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Keeps the {@link RegistryBotCatalog} in step with the registry on one background thread: loads every active
 * version at start and every {@code refresh-interval}, and applies {@code parley.bot-definitions} events as they
 * come. The consumer has no group: it is assigned every partition and starts from the end, so every replica sees
 * every event and no offsets are shared. Neither the registry nor Kafka being down stops the runtime from starting;
 * both are retried with backoff and {@link #status()} reports it.
 */
final class RegistrySync implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RegistrySync.class);
    private static final Duration METADATA_TIMEOUT = Duration.ofSeconds(3);

    /**
     * What the sync knows, for health.
     *
     * @param loaded        whether a full list of active versions has been loaded since start
     * @param lastLoad      when the last full load succeeded, or {@code null}
     * @param lastError     the last failure, or {@code null} when the last attempt succeeded
     * @param eventsFlowing whether the consumer is assigned to the topic
     */
    record Status(boolean loaded, Instant lastLoad, String lastError, boolean eventsFlowing) {
    }

    private final RegistryBotCatalog catalog;
    private final RegistryClient registry;
    private final Supplier<Consumer<String, String>> consumers;
    private final String topic;
    private final JsonMapper json;
    private final RegistryCatalogProperties.Registry settings;

    private volatile boolean running;
    private volatile Thread thread;
    private volatile Consumer<String, String> consumer;
    private volatile Status status = new Status(false, null, null, false);

    RegistrySync(RegistryBotCatalog catalog, RegistryClient registry, Supplier<Consumer<String, String>> consumers,
            String topic, JsonMapper json, RegistryCatalogProperties.Registry settings) {
        this.catalog = catalog;
        this.registry = registry;
        this.consumers = consumers;
        this.topic = topic;
        this.json = json;
        this.settings = settings;
    }

    Status status() {
        return status;
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofPlatform().name("bot-registry-sync").daemon().start(this::run);
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        Thread worker = thread;
        if (worker != null) {
            try {
                worker.join(settings.pollTimeout().plus(METADATA_TIMEOUT).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        long nextLoad = System.nanoTime();
        long nextAssign = nextLoad;
        Duration loadRetry = settings.minRetry();
        Duration assignRetry = settings.minRetry();
        Set<TopicPartition> assigned = Set.of();
        while (running) {
            try {
                // the list first: a runtime whose Kafka is down still gets its bots
                if (System.nanoTime() - nextLoad >= 0) {
                    if (load()) {
                        loadRetry = settings.minRetry();
                        nextLoad = System.nanoTime() + settings.refreshInterval().toNanos();
                        if (!assigned.isEmpty()) {
                            assigned = assign(assigned);
                        }
                    } else {
                        nextLoad = System.nanoTime() + loadRetry.toNanos();
                        loadRetry = doubled(loadRetry);
                    }
                }
                if (assigned.isEmpty() && System.nanoTime() - nextAssign >= 0) {
                    if (consumer == null) {
                        consumer = consumers.get();
                    }
                    assigned = assign(Set.of());
                    if (assigned.isEmpty()) {
                        nextAssign = System.nanoTime() + assignRetry.toNanos();
                        assignRetry = doubled(assignRetry);
                    } else {
                        assignRetry = settings.minRetry();
                        // events from here on are seen; one more load covers whatever was activated before
                        nextLoad = System.nanoTime();
                    }
                    publishStatus(!assigned.isEmpty());
                }
                if (assigned.isEmpty()) {
                    sleep(settings.pollTimeout());
                    continue;
                }
                for (ConsumerRecord<String, String> record : consumer.poll(settings.pollTimeout())) {
                    if (!applyEvent(record)) {
                        // the registry is unreachable: reload the whole list once it answers again
                        long retryAt = System.nanoTime() + loadRetry.toNanos();
                        if (nextLoad - retryAt > 0) {
                            nextLoad = retryAt;
                        }
                    }
                }
            } catch (WakeupException e) {
                // stop() woke the consumer
            } catch (KafkaException e) {
                log.warn("Bot definition events unavailable, retrying in {}: {}", assignRetry, e.getMessage());
                failed("Kafka: " + e.getMessage());
                closeConsumer();
                assigned = Set.of();
                nextAssign = System.nanoTime() + assignRetry.toNanos();
                assignRetry = doubled(assignRetry);
                publishStatus(false);
            } catch (RuntimeException e) {
                log.error("Bot registry sync failed; retrying", e);
                failed(e.toString());
                sleep(settings.minRetry());
            }
        }
        closeConsumer();
    }

    /**
     * Assigns every partition of the topic, reading new ones from where they end now; keeps {@code current} ones
     * where they are.
     *
     * @return the assignment, empty when the topic does not exist (yet)
     */
    private Set<TopicPartition> assign(Set<TopicPartition> current) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, METADATA_TIMEOUT);
        Set<TopicPartition> all = new HashSet<>();
        if (partitions != null) {
            partitions.forEach(p -> all.add(new TopicPartition(p.topic(), p.partition())));
        }
        if (all.isEmpty()) {
            log.info("Topic {} does not exist yet; bot definition events will be read once it does", topic);
            return Set.of();
        }
        if (all.equals(current)) {
            return current;
        }
        List<TopicPartition> added = new ArrayList<>(all);
        added.removeAll(current);
        consumer.assign(all);
        if (current.isEmpty()) {
            consumer.seekToEnd(added);
        } else {
            // partitions added to the topic while we ran: what is in them is new
            consumer.seekToBeginning(added);
        }
        for (TopicPartition partition : added) {
            consumer.position(partition, METADATA_TIMEOUT);
        }
        log.info("Reading bot definition events from {} partitions of {}", all.size(), topic);
        return Set.copyOf(all);
    }

    /** Loads the full list of active versions; {@code false} when the registry could not be reached. */
    private boolean load() {
        long requested = System.nanoTime();
        try {
            int failures = catalog.replaceAll(registry.activeVersions(), requested);
            status = new Status(true, Instant.now(), failures == 0 ? null
                    : failures + " active versions cannot run here (see the log)", status.eventsFlowing());
            return true;
        } catch (BotRegistryUnavailableException e) {
            log.warn("Registry unavailable, retrying: {}", e.getMessage());
            failed(e.getMessage());
            return false;
        }
    }

    /** Applies one event; {@code false} when the registry could not be reached for the version's files. */
    private boolean applyEvent(ConsumerRecord<String, String> record) {
        BotVersionActivated event;
        try {
            event = json.readValue(record.value(), BotVersionActivated.class);
        } catch (JacksonException | IllegalArgumentException e) {
            log.warn("Skipping unreadable bot definition event at {}-{}@{}: {}", record.topic(), record.partition(),
                    record.offset(), e.getMessage());
            return true;
        }
        if (!BotVersionActivated.TYPE.equals(event.type())) {
            return true; // a newer kind of event this runtime does not act on
        }
        if (event.orgId() == null || event.botId() == null || event.versionId() == null
                || event.occurredAt() == null) {
            log.warn("Skipping incomplete bot definition event at {}-{}@{}", record.topic(), record.partition(),
                    record.offset());
            return true;
        }
        try {
            catalog.apply(event);
            return true;
        } catch (BotRegistryUnavailableException e) {
            log.warn("Could not apply activation of version {} of bot {}: {}", event.versionId(), event.botId(),
                    e.getMessage());
            failed(e.getMessage());
            return false;
        } catch (BotLoadingException e) {
            log.error("Activated version {} of bot {} cannot run here; the bot stays on its previous version: {}",
                    event.versionId(), event.botId(), e.getMessage());
            failed(e.getMessage());
            return true;
        }
    }

    private void failed(String error) {
        Status s = status;
        status = new Status(s.loaded(), s.lastLoad(), error, s.eventsFlowing());
    }

    private void publishStatus(boolean eventsFlowing) {
        Status s = status;
        status = new Status(s.loaded(), s.lastLoad(), s.lastError(), eventsFlowing);
    }

    private Duration doubled(Duration wait) {
        Duration next = wait.multipliedBy(2);
        return next.compareTo(settings.maxRetry()) > 0 ? settings.maxRetry() : next;
    }

    private void closeConsumer() {
        Consumer<String, String> current = consumer;
        consumer = null;
        if (current != null) {
            try {
                current.close(Duration.ofSeconds(1));
            } catch (RuntimeException e) {
                log.debug("Closing the bot definitions consumer failed: {}", e.getMessage());
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
