package dev.parley.callout.endpoint;

import dev.parley.callout.api.EndpointConfig;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The endpoint registry's storage. Configurations travel with their secrets; callers strip them before answering. */
public interface EndpointStore {

    /** The endpoint with its secrets, {@code version} and {@code updatedAt}. */
    Optional<EndpointConfig> find(String orgId, String name);

    /** Only the version, for cheap freshness checks. */
    OptionalLong version(String orgId, String name);

    /** Every endpoint of the org, by name. */
    List<EndpointConfig> list(String orgId);

    /**
     * Creates or replaces the endpoint. Storing what is already stored changes nothing (the version stays).
     *
     * @return the stored endpoint and whether it was created
     */
    Saved save(String orgId, EndpointConfig endpoint);

    /** Deletes it; {@code false} when there was none. */
    boolean delete(String orgId, String name);

    /**
     * Outcome of {@link #save}.
     *
     * @param endpoint the endpoint as stored (with version and updatedAt)
     * @param created  whether it did not exist before
     * @param changed  whether anything was written
     */
    record Saved(EndpointConfig endpoint, boolean created, boolean changed) {
    }
}
