package dev.parley.testkit;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import kafka.server.BrokerServer;
import org.apache.kafka.common.network.ListenerName;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * A single-node KRaft broker (combined broker and controller) in this JVM, from spring-kafka-test.
 * The test kit behind it pre-binds its own listeners on random ports on every interface, so clients are given
 * an extra listener, {@code LOCAL}, bound to 127.0.0.1 on the requested port and advertised as such.
 */
final class InProcessKafkaBroker implements KafkaBroker {

    private static final Logger log = LoggerFactory.getLogger(InProcessKafkaBroker.class);

    private static final String HOST = "127.0.0.1";

    private static final String CLIENT_LISTENER = "LOCAL";

    private final EmbeddedKafkaKraftBroker broker;

    private final String bootstrapServers;

    private final AtomicBoolean closed = new AtomicBoolean();

    private InProcessKafkaBroker(EmbeddedKafkaKraftBroker broker, String bootstrapServers) {
        this.broker = broker;
        this.bootstrapServers = bootstrapServers;
    }

    static InProcessKafkaBroker start(int port) {
        Ports.check(port);
        QuietLogging.apply();
        long started = System.nanoTime();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        broker.brokerProperties(Map.ofEntries(
                // the test kit's defaults for these two plus our client listener
                Map.entry("listeners", "EXTERNAL://localhost:0,CONTROLLER://localhost:0," + CLIENT_LISTENER + "://" + HOST + ":" + port),
                Map.entry("listener.security.protocol.map", "EXTERNAL:PLAINTEXT,CONTROLLER:PLAINTEXT," + CLIENT_LISTENER + ":PLAINTEXT"),
                Map.entry("auto.create.topics.enable", "true"),
                Map.entry("num.partitions", "1"),
                Map.entry("default.replication.factor", "1"),
                Map.entry("offsets.topic.replication.factor", "1"),
                // one partition each: the first consumer group and the first transaction start faster
                Map.entry("offsets.topic.num.partitions", "1"),
                Map.entry("transaction.state.log.replication.factor", "1"),
                Map.entry("transaction.state.log.min.isr", "1"),
                Map.entry("transaction.state.log.num.partitions", "1"),
                Map.entry("group.initial.rebalance.delay.ms", "0")));
        try {
            broker.afterPropertiesSet();
        }
        catch (RuntimeException ex) {
            broker.destroy();
            throw new InfrastructureException("Could not start in-process Kafka on port " + port + ": " + ex.getMessage(), ex);
        }
        BrokerServer server = broker.getCluster().brokers().values().iterator().next();
        int boundPort = server.boundPort(ListenerName.normalised(CLIENT_LISTENER));
        InProcessKafkaBroker kafka = new InProcessKafkaBroker(broker, HOST + ":" + boundPort);
        ShutdownHooks.register("kafka-" + boundPort, kafka::close);
        log.info("Started in-process Kafka on {} in {} ms", kafka.bootstrapServers, Ports.millisSince(started));
        return kafka;
    }

    @Override
    public String bootstrapServers() {
        return this.bootstrapServers;
    }

    @Override
    public void close() {
        if (this.closed.compareAndSet(false, true)) {
            try {
                this.broker.destroy();
            }
            catch (RuntimeException ex) {
                log.warn("Could not stop in-process Kafka on {}", this.bootstrapServers, ex);
            }
        }
    }

    @Override
    public String toString() {
        return "in-process Kafka on " + this.bootstrapServers;
    }

}
