package dev.parley.registry.api;

/** Kafka topic names the registry produces to, before {@code KAFKA_PREFIX} is applied. */
public final class RegistryTopics {

    /** Bot definition changes ({@link BotVersionActivated}), keyed by bot id. */
    public static final String BOT_DEFINITIONS = "parley.bot-definitions";

    private RegistryTopics() {
    }
}
