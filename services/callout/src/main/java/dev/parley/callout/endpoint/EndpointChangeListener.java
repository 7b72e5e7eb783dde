package dev.parley.callout.endpoint;

/** Told when an endpoint of this replica's registry was created, replaced or deleted here. */
public interface EndpointChangeListener {

    void endpointChanged(String orgId, String name);
}
