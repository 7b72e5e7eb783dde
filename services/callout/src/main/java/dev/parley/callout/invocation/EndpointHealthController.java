package dev.parley.callout.invocation;

import dev.parley.callout.api.CalloutPaths;
import dev.parley.callout.api.EndpointHealth;
import dev.parley.callout.endpoint.UnknownEndpointException;
import dev.parley.callout.web.PathChecks;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** {@link CalloutPaths#ENDPOINT_HEALTH}: breaker state and bulkhead usage of one endpoint on this replica. */
@RestController
class EndpointHealthController {

    private final EndpointRuntimes endpoints;

    EndpointHealthController(EndpointRuntimes endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping(CalloutPaths.ENDPOINT_HEALTH)
    EndpointHealth health(@PathVariable String orgId, @PathVariable String name) {
        PathChecks.orgId(orgId);
        PathChecks.endpointName(name);
        return endpoints.find(orgId, name).map(EndpointRuntime::health)
                .orElseThrow(() -> new UnknownEndpointException(orgId, name));
    }
}
