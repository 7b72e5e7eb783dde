package dev.parley.loguploader.destination;

import dev.parley.loguploader.web.ConflictException;
import dev.parley.loguploader.web.InvalidRequestException;
import dev.parley.loguploader.web.InvalidRequestException.FieldError;
import dev.parley.loguploader.web.NotFoundException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/** Creates, changes and reads destinations, each scoped to its org, after checking every setting. */
@Service
public class DestinationService {

    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final Pattern HEADER_VALUE = Pattern.compile("[\\x20-\\x7e\\t]{1,4096}");
    private static final Pattern BOT_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Set<String> RESERVED_HEADERS = Set.of("host", "content-length", "content-type",
            "content-encoding", "transfer-encoding", "connection", "keep-alive", "upgrade", "te", "trailer", "expect",
            "idempotency-key", "user-agent", "cookie", "x-request-id");
    private static final int MAX_BOT_IDS = 100;

    private final DestinationStore store;
    private final DestinationDirectory directory;
    private final NetworkPolicy policy;
    private final DestinationProperties properties;
    private final Clock clock;

    DestinationService(DestinationStore store, DestinationDirectory directory, NetworkPolicy policy,
            DestinationProperties properties, Clock clock) {
        this.store = store;
        this.directory = directory;
        this.policy = policy;
        this.properties = properties;
        this.clock = clock;
    }

    Destination create(String orgId, DestinationRequest request) {
        Settings settings = validate(request, Optional.empty());
        if (store.count(orgId) >= properties.maxPerOrg()) {
            throw new ConflictException("DESTINATION_LIMIT_REACHED",
                    "org " + orgId + " already has " + properties.maxPerOrg() + " log destinations");
        }
        Instant now = now();
        Destination destination = new Destination(UUID.randomUUID(), orgId, settings.name(), settings.url(),
                settings.authHeaderName(), settings.authHeaderValue(), settings.botIds(), settings.enabled(),
                settings.batchSize(), settings.lingerMillis(), now, now);
        store.insert(destination);
        directory.refresh();
        return destination;
    }

    Destination replace(String orgId, UUID id, DestinationRequest request) {
        Destination current = require(orgId, id);
        Settings settings = validate(request, Optional.of(current));
        Destination replaced = new Destination(id, orgId, settings.name(), settings.url(), settings.authHeaderName(),
                settings.authHeaderValue(), settings.botIds(), settings.enabled(), settings.batchSize(),
                settings.lingerMillis(), current.createdAt(), now());
        if (!store.update(replaced)) {
            throw notFound(orgId, id);
        }
        directory.refresh();
        return replaced;
    }

    void delete(String orgId, UUID id) {
        if (!store.delete(orgId, id)) {
            throw notFound(orgId, id);
        }
        directory.refresh();
    }

    List<Destination> list(String orgId) {
        return store.list(orgId);
    }

    /** The org's destination, or a 404 when it has none with this id (another org's looks the same). */
    public Destination require(String orgId, UUID id) {
        return store.find(orgId, id).orElseThrow(() -> notFound(orgId, id));
    }

    private static NotFoundException notFound(String orgId, UUID id) {
        return new NotFoundException("log destination " + id + " does not exist in org " + orgId);
    }

    private Instant now() {
        // PostgreSQL keeps microseconds; truncating keeps what we return equal to what we later read back
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private Settings validate(DestinationRequest request, Optional<Destination> current) {
        if (request == null) {
            throw new InvalidRequestException("body", "request body is required");
        }
        List<FieldError> errors = new ArrayList<>();
        String name = request.name();
        if (name == null || name.isBlank()) {
            errors.add(new FieldError("name", "name is required"));
        } else if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError("name", "name must be at most 100 characters without control characters"));
        }
        URI url = url(request.url(), errors);

        String headerName = request.authHeaderName();
        String headerValue = request.authHeaderValue();
        boolean remove = Boolean.TRUE.equals(request.removeAuthHeader());
        if (remove && (headerName != null || headerValue != null)) {
            errors.add(new FieldError("removeAuthHeader",
                    "removeAuthHeader cannot be combined with authHeaderName or authHeaderValue"));
        }
        if (remove && current.isEmpty()) {
            errors.add(new FieldError("removeAuthHeader", "removeAuthHeader only applies when replacing"));
        }
        if (headerName != null) {
            if (!HEADER_NAME.matcher(headerName).matches()) {
                errors.add(new FieldError("authHeaderName", "authHeaderName must be an HTTP header name of 1-100 "
                        + "token characters"));
            } else if (reserved(headerName)) {
                errors.add(new FieldError("authHeaderName", "authHeaderName '" + headerName + "' is set by the "
                        + "uploader itself; use another header, such as Authorization"));
            }
        }
        if (headerValue != null && !HEADER_VALUE.matcher(headerValue).matches()) {
            // never echo the value: it is a secret
            errors.add(new FieldError("authHeaderValue",
                    "authHeaderValue must be 1-4096 visible ASCII characters (no line breaks)"));
        }
        String storedName = current.map(Destination::authHeaderName).orElse(null);
        String storedValue = current.map(Destination::authHeaderValue).orElse(null);
        String effectiveName;
        String effectiveValue;
        if (remove) {
            effectiveName = null;
            effectiveValue = null;
        } else if (headerValue != null) {
            effectiveValue = headerValue;
            effectiveName = headerName != null ? headerName : storedName != null ? storedName : "Authorization";
        } else if (headerName != null) {
            if (storedValue == null) {
                errors.add(new FieldError("authHeaderValue", "authHeaderValue is required with authHeaderName"));
            }
            effectiveName = headerName;
            effectiveValue = storedValue;
        } else {
            effectiveName = storedName;
            effectiveValue = storedValue;
        }

        List<String> botIds = List.of();
        if (request.botIds() != null) {
            if (request.botIds().size() > MAX_BOT_IDS) {
                errors.add(new FieldError("botIds", "botIds may list at most " + MAX_BOT_IDS + " bots"));
            } else {
                Set<String> unique = new LinkedHashSet<>();
                for (int i = 0; i < request.botIds().size(); i++) {
                    String botId = request.botIds().get(i);
                    if (botId == null || !BOT_ID.matcher(botId).matches()) {
                        errors.add(new FieldError("botIds[" + i + "]",
                                "botIds[" + i + "] must be 1-64 characters of [A-Za-z0-9._-]"));
                    } else {
                        unique.add(botId);
                    }
                }
                botIds = List.copyOf(unique);
            }
        }
        int batchSize = request.batchSize() == null ? properties.defaultBatchSize() : request.batchSize();
        if (batchSize < 1 || batchSize > DestinationProperties.MAX_BATCH_SIZE) {
            errors.add(new FieldError("batchSize",
                    "batchSize must be within 1.." + DestinationProperties.MAX_BATCH_SIZE + ", was " + batchSize));
        }
        int linger = request.lingerMillis() == null ? (int) properties.defaultLinger().toMillis() : request.lingerMillis();
        if (linger < 0 || linger > DestinationProperties.MAX_LINGER_MILLIS) {
            errors.add(new FieldError("lingerMillis",
                    "lingerMillis must be within 0.." + DestinationProperties.MAX_LINGER_MILLIS + ", was " + linger));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Settings(name.strip(), url, effectiveName, effectiveValue, botIds,
                request.enabled() == null || request.enabled(), batchSize, linger);
    }

    private URI url(String raw, List<FieldError> errors) {
        if (raw == null || raw.isBlank()) {
            errors.add(new FieldError("url", "url is required"));
            return null;
        }
        if (raw.length() > 2048) {
            errors.add(new FieldError("url", "url must be at most 2048 characters"));
            return null;
        }
        URI url;
        try {
            url = new URI(raw.strip());
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "url is not a valid URL: " + e.getReason()));
            return null;
        }
        if (!url.isAbsolute() || url.isOpaque()) {
            errors.add(new FieldError("url", "url must be an absolute https URL"));
            return null;
        }
        policy.refusal(url).ifPresent(reason -> errors.add(new FieldError("url", reason)));
        return url;
    }

    private static boolean reserved(String headerName) {
        String lower = headerName.toLowerCase(Locale.ROOT);
        return RESERVED_HEADERS.contains(lower) || lower.startsWith("proxy-") || lower.startsWith("x-parley-");
    }

    private record Settings(String name, URI url, String authHeaderName, String authHeaderValue, List<String> botIds,
            boolean enabled, int batchSize, int lingerMillis) {
    }
}
