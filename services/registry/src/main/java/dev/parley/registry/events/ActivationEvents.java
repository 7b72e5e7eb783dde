package dev.parley.registry.events;

import dev.parley.registry.api.BotVersionActivated;
import dev.parley.registry.api.RegistryTopics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records {@link BotVersionActivated} events in the outbox, inside the activation's transaction, and wakes the relay
 * once that transaction commits: the event leaves right away, or later if Kafka is down, but never without the
 * activation nor the activation without it.
 */
@Component
public class ActivationEvents {

    private final OutboxStore outbox;
    private final JsonMapper json;
    private final ObjectProvider<OutboxRelay> relay;

    ActivationEvents(OutboxStore outbox, JsonMapper json, ObjectProvider<OutboxRelay> relay) {
        this.outbox = outbox;
        this.json = json;
        this.relay = relay;
    }

    /** Writes the event to the outbox; joins the caller's transaction, which must exist. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void activated(BotVersionActivated event) {
        outbox.add(event.eventId(), RegistryTopics.BOT_DEFINITIONS, event.botId(), json.writeValueAsString(event),
                event.occurredAt());
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                relay.ifAvailable(OutboxRelay::wakeUp);
            }
        });
    }
}
