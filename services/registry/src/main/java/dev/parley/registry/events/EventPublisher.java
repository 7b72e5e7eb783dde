package dev.parley.registry.events;

/** Sends one event to the broker and waits for its acknowledgement. */
interface EventPublisher {

    /**
     * Sends and waits.
     *
     * @param topic   the topic's name before the deployment's prefix
     * @throws EventPublishException when the broker did not acknowledge in time
     */
    void publish(String topic, String key, String payload);
}
