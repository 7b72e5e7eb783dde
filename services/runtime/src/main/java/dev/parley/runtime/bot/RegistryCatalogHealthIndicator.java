package dev.parley.runtime.bot;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the registry-backed catalog: DOWN until the list of active versions has been loaded once (the runtime
 * cannot serve registry bots yet), then UP with what is loaded and the last failure, if any.
 */
final class RegistryCatalogHealthIndicator implements HealthIndicator {

    private final RegistrySync sync;
    private final RegistryBotCatalog catalog;

    RegistryCatalogHealthIndicator(RegistrySync sync, RegistryBotCatalog catalog) {
        this.sync = sync;
        this.catalog = catalog;
    }

    @Override
    public Health health() {
        RegistrySync.Status status = sync.status();
        Health.Builder health = status.loaded() ? Health.up() : Health.down();
        health.withDetail("activeBots", catalog.activeCount())
                .withDetail("cachedVersions", catalog.cachedCount())
                .withDetail("definitionEvents", status.eventsFlowing() ? "reading" : "not connected");
        if (status.lastLoad() != null) {
            health.withDetail("lastLoad", status.lastLoad().toString());
        }
        if (status.lastError() != null) {
            health.withDetail("lastError", status.lastError());
        }
        return health.build();
    }
}
