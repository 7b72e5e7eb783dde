package dev.parley.callout.endpoint;

import dev.parley.callout.api.CalloutPaths;
import dev.parley.callout.api.EndpointConfig;
import dev.parley.callout.web.InvalidRequestException;
import dev.parley.callout.web.JsonFieldPaths;
import dev.parley.callout.web.PathChecks;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/** The endpoint registry's admin routes; the console forwards admins' calls with the internal credential. */
@RestController
class EndpointController {

    private static final Logger log = LoggerFactory.getLogger(EndpointController.class);

    private final ObjectReader reader;
    private final EndpointStore store;
    private final EndpointValidator validator;
    private final List<EndpointChangeListener> listeners;

    EndpointController(EndpointStore store, EndpointValidator validator, List<EndpointChangeListener> listeners,
            JsonMapper json) {
        this.reader = json.readerFor(EndpointConfig.class).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.store = store;
        this.validator = validator;
        this.listeners = listeners;
    }

    @GetMapping(CalloutPaths.ENDPOINTS)
    List<EndpointConfig> list(@PathVariable String orgId) {
        PathChecks.orgId(orgId);
        return store.list(orgId).stream().map(JdbcEndpointStore::withoutSecrets).toList();
    }

    @GetMapping(CalloutPaths.ENDPOINT)
    EndpointConfig get(@PathVariable String orgId, @PathVariable String name) {
        PathChecks.orgId(orgId);
        PathChecks.endpointName(name);
        return store.find(orgId, name).map(JdbcEndpointStore::withoutSecrets)
                .orElseThrow(() -> new UnknownEndpointException(orgId, name));
    }

    @PutMapping(CalloutPaths.ENDPOINT)
    ResponseEntity<EndpointConfig> put(@PathVariable String orgId, @PathVariable String name,
            @RequestBody(required = false) String json) {
        PathChecks.orgId(orgId);
        PathChecks.endpointName(name);
        try (var org = MDC.putCloseable("org_id", orgId)) {
            EndpointConfig body = parse(json);
            EndpointConfig stored = store.find(orgId, name).orElse(null);
            EndpointConfig endpoint = validator.validate(name, body, stored);
            EndpointStore.Saved saved = store.save(orgId, endpoint);
            if (saved.changed()) {
                log.info("Endpoint {} {} (version {}, kind {})", name, saved.created() ? "created" : "replaced",
                        saved.endpoint().version(), endpoint.kind());
                listeners.forEach(listener -> listener.endpointChanged(orgId, name));
            }
            return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK)
                    .body(JdbcEndpointStore.withoutSecrets(saved.endpoint()));
        }
    }

    /** Strict: a misspelt setting is a 400 naming it, not a silently ignored field (invocations stay lenient). */
    private EndpointConfig parse(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return reader.readValue(json);
        } catch (UnrecognizedPropertyException e) {
            String field = JsonFieldPaths.of(e.getPath());
            throw new InvalidEndpointException(List.of(new InvalidEndpointException.Violation(field, null,
                    "is not a known setting")));
        } catch (StreamReadException e) {
            throw new InvalidRequestException("body", null, "is not valid JSON");
        } catch (JacksonException e) {
            if (e.getPath().isEmpty()) {
                throw new InvalidRequestException("body", null, "is not valid JSON");
            }
            String field = JsonFieldPaths.of(e.getPath());
            throw new InvalidEndpointException(List.of(new InvalidEndpointException.Violation(field, null,
                    "has the wrong type")));
        }
    }

    @DeleteMapping(CalloutPaths.ENDPOINT)
    ResponseEntity<Void> delete(@PathVariable String orgId, @PathVariable String name) {
        PathChecks.orgId(orgId);
        PathChecks.endpointName(name);
        try (var org = MDC.putCloseable("org_id", orgId)) {
            if (store.delete(orgId, name)) {
                log.info("Endpoint {} deleted", name);
            }
            listeners.forEach(listener -> listener.endpointChanged(orgId, name));
            return ResponseEntity.noContent().build();
        }
    }
}
