package dev.parley.platform.kafka;

/**
 * Kafka topic and consumer group names with the deployment's prefix ({@code KAFKA_PREFIX}, e.g. Heroku's
 * {@code wisconsin-12345.}) applied. Every topic and group name must go through here.
 */
public final class KafkaNames {

    private final String prefix;

    public KafkaNames(String prefix) {
        this.prefix = (prefix == null) ? "" : prefix;
    }

    /** The full name of topic {@code name}, e.g. {@code topic("parley.turn-events")}. */
    public String topic(String name) {
        return this.prefix + requireName("topic", name);
    }

    /** The full id of consumer group {@code name}, e.g. {@code group("runtime")}. */
    public String group(String name) {
        return this.prefix + requireName("group", name);
    }

    /** The prefix applied, possibly empty. */
    public String prefix() {
        return this.prefix;
    }

    private static String requireName(String kind, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Kafka " + kind + " name must not be blank, was '" + name + "'");
        }
        return name;
    }

    @Override
    public String toString() {
        return "KafkaNames[prefix=" + this.prefix + "]";
    }

}
