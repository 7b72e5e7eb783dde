package dev.parley.testkit;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

/** A running Kafka broker reachable over TCP; clients may create topics, and unknown topics are auto-created. */
public interface KafkaBroker extends AutoCloseable {

    /** Bootstrap servers for clients, such as {@code 127.0.0.1:9092}. */
    String bootstrapServers();

    /** Creates a topic with the given partition count (replication factor 1) unless it already exists. */
    default void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw new InfrastructureException("Could not create Kafka topic '" + name + "' on "
                        + bootstrapServers() + ": " + ex.getCause().getMessage(), ex.getCause());
            }
        }
        catch (TimeoutException ex) {
            throw new InfrastructureException("Timed out creating Kafka topic '" + name + "' on " + bootstrapServers(), ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("Interrupted creating Kafka topic '" + name + "'", ex);
        }
    }

    /** Stops the broker; calling it again does nothing. Shared brokers from {@link Infrastructure} ignore it. */
    @Override
    void close();

    /**
     * Starts a new in-process single-node KRaft broker whose client listener is on 127.0.0.1, stopped by
     * {@link #close()} or at JVM exit. Child processes can reach it while this JVM lives.
     * @param port the client port to listen on, or 0 for a free one
     */
    static KafkaBroker start(int port) {
        return InProcessKafkaBroker.start(port);
    }

}
