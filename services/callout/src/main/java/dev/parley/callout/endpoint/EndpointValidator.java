package dev.parley.callout.endpoint;

import dev.parley.callout.api.BulkheadSettings;
import dev.parley.callout.api.CircuitBreakerSettings;
import dev.parley.callout.api.EndpointAuthentication;
import dev.parley.callout.api.EndpointConfig;
import dev.parley.callout.api.EndpointKinds;
import dev.parley.callout.api.EndpointTimeouts;
import dev.parley.callout.api.HttpTemplate;
import dev.parley.callout.api.RetrySettings;
import dev.parley.callout.auth.PrivateKeys;
import dev.parley.callout.http.TargetProperties;
import dev.parley.callout.mapping.JsonPath;
import dev.parley.callout.mapping.Template;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an endpoint configuration field by field and fills in every default, so what is stored (and answered) is
 * exactly what runs. Collects every violation rather than stopping at the first.
 */
@Component
public class EndpointValidator {

    /** Names of endpoints: they are the bots' action names. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,79}");

    static final Set<String> KINDS = Set.of(EndpointKinds.APEX, EndpointKinds.FLOW, EndpointKinds.RECORD_LOOKUP,
            EndpointKinds.HTTP);
    static final Set<String> AUTH_TYPES = Set.of("none", "bearer", "oauthJwtBearer", "oauthClientCredentials");
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection",
            "transfer-encoding", "upgrade", "te", "trailer", "keep-alive", "expect", "proxy-authorization",
            "proxy-connection");
    private static final Pattern HEADER_NAME = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}");
    private static final Pattern OUTPUT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,79}");
    private static final Pattern APEX_PATH = Pattern.compile("[A-Za-z0-9_\\-./]{1,200}");
    private static final Pattern FLOW_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,79}");
    private static final String SECRET = "(secret, not shown)";

    static final long MAX_CALL_MILLIS = 25_000;
    static final long MAX_RESPONSE_BYTES = 10L * 1024 * 1024;

    private final TargetProperties targets;
    private final JsonMapper json;

    EndpointValidator(TargetProperties targets, JsonMapper json) {
        this.targets = targets;
        this.json = json;
    }

    /**
     * Validates {@code body} for the endpoint {@code name}.
     *
     * @param stored the endpoint as stored now (with secrets), or {@code null}: its secret is kept when the body
     *               omits it and the authentication type is unchanged
     * @return the normalised configuration, secrets included, {@code version} and {@code updatedAt} empty
     * @throws InvalidEndpointException listing every violation
     */
    public EndpointConfig validate(String name, EndpointConfig body, EndpointConfig stored) {
        Checks checks = new Checks();
        if (body == null) {
            checks.fail("body", null, "the endpoint configuration is missing");
            throw checks.failure();
        }
        if (body.name() != null && !body.name().equals(name)) {
            checks.fail("name", body.name(), "must equal the name in the path ('" + name + "') or be omitted");
        }
        String kind = body.kind();
        if (kind == null || !KINDS.contains(kind)) {
            checks.fail("kind", kind, "must be one of apex, flow, recordLookup, http");
            kind = null;
        }
        boolean salesforce = kind != null && !kind.equals(EndpointKinds.HTTP);
        boolean allowHttp = Boolean.TRUE.equals(body.allowHttp());
        boolean allowPrivate = Boolean.TRUE.equals(body.allowPrivateNetwork());
        if (allowPrivate && !targets.privateNetworkAllowed()) {
            checks.fail("allowPrivateNetwork", "true", "is not permitted by this service "
                    + "(parley.callout.targets.private-network-allowed is false)");
        }

        String baseUrl = null;
        if (body.baseUrl() != null) {
            baseUrl = checks.url("baseUrl", body.baseUrl(), false);
            if (baseUrl != null && baseUrl.endsWith("/")) {
                baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
            }
        } else if (salesforce) {
            checks.fail("baseUrl", null, "is required for kind " + kind + " (the org's instance URL)");
        }

        EndpointAuthentication auth = authentication(checks, body.authentication(), kind, baseUrl, stored);

        HttpTemplate http = null;
        if (EndpointKinds.HTTP.equals(kind)) {
            http = http(checks, body.http(), baseUrl);
        } else if (body.http() != null) {
            checks.fail("http", "{...}", "is only for kind http");
        }
        String apexPath = null;
        if (EndpointKinds.APEX.equals(kind)) {
            apexPath = body.apexPath() == null ? name : stripLeadingSlash(body.apexPath());
            if (!APEX_PATH.matcher(apexPath).matches() || apexPath.contains("..")) {
                checks.fail("apexPath", body.apexPath(), "must be 1..200 of letters, digits, '_', '-', '.', '/' "
                        + "without '..'");
            }
        } else if (body.apexPath() != null) {
            checks.fail("apexPath", body.apexPath(), "is only for kind apex");
        }
        String flowName = null;
        if (EndpointKinds.FLOW.equals(kind)) {
            flowName = body.flowName() == null ? name : body.flowName();
            if (!FLOW_NAME.matcher(flowName).matches()) {
                checks.fail("flowName", body.flowName() == null ? name : body.flowName(),
                        "must be a flow API name (a letter, then letters, digits or '_', at most 80)");
            }
        } else if (body.flowName() != null) {
            checks.fail("flowName", body.flowName(), "is only for kind flow");
        }
        String soql = null;
        if (EndpointKinds.RECORD_LOOKUP.equals(kind)) {
            soql = body.soqlTemplate();
            if (soql == null) {
                // no template: the query is built from the engine's structured lookup inputs
            } else if (soql.isBlank()) {
                checks.fail("soqlTemplate", soql, "must not be blank (omit it to query from the lookup's inputs)");
            } else if (soql.length() > 4000 || !soql.strip().toUpperCase(Locale.ROOT).startsWith("SELECT ")) {
                checks.fail("soqlTemplate", soql, "must be a SELECT query of at most 4000 characters");
            } else {
                checks.template("soqlTemplate", soql, Template.Context.SOQL);
            }
        } else if (body.soqlTemplate() != null) {
            checks.fail("soqlTemplate", body.soqlTemplate(), "is only for kind recordLookup");
        }

        Map<String, String> outputs = new LinkedHashMap<>();
        if (body.outputs() != null) {
            body.outputs().forEach((output, path) -> {
                if (output == null || !OUTPUT_NAME.matcher(output).matches()) {
                    checks.fail("outputs", output, "output names are 1..80 letters, digits or '_', not starting with a digit");
                    return;
                }
                try {
                    JsonPath.parse(path);
                    outputs.put(output, path);
                } catch (IllegalArgumentException e) {
                    checks.fail("outputs." + output, path, "is not a supported JSON path: " + e.getMessage());
                }
            });
        }

        String idempotencyKeyHeader = body.idempotencyKeyHeader();
        if (idempotencyKeyHeader != null && (!HEADER_NAME.matcher(idempotencyKeyHeader).matches()
                || RESTRICTED_HEADERS.contains(idempotencyKeyHeader.toLowerCase(Locale.ROOT)))) {
            checks.fail("idempotencyKeyHeader", idempotencyKeyHeader, "must be a valid, unrestricted header name");
        }

        EndpointTimeouts t = body.timeouts() == null ? new EndpointTimeouts(null, null) : body.timeouts();
        long callMs = checks.range("timeouts.callMs", t.callMs(), 10_000L, 1, MAX_CALL_MILLIS);
        long connectMs = checks.range("timeouts.connectMs", t.connectMs(), Math.min(2_000L, callMs), 1, callMs);
        RetrySettings r = body.retry() == null ? new RetrySettings(null, null) : body.retry();
        int maxAttempts = (int) checks.range("retry.maxAttempts", r.maxAttempts(), 2, 1, 5);
        long waitMs = checks.range("retry.waitMs", r.waitMs(), 50L, 0, 5_000);
        CircuitBreakerSettings c = body.circuitBreaker() == null
                ? new CircuitBreakerSettings(null, null, null, null, null, null, null) : body.circuitBreaker();
        CircuitBreakerSettings breaker = new CircuitBreakerSettings(
                (int) checks.range("circuitBreaker.failureRateThreshold", c.failureRateThreshold(), 50, 1, 100),
                (int) checks.range("circuitBreaker.slowCallRateThreshold", c.slowCallRateThreshold(), 100, 1, 100),
                checks.range("circuitBreaker.slowCallDurationMs", c.slowCallDurationMs(), 5_000L, 1, 60_000),
                (int) checks.range("circuitBreaker.minimumNumberOfCalls", c.minimumNumberOfCalls(), 10, 1, 1_000),
                (int) checks.range("circuitBreaker.slidingWindowSize", c.slidingWindowSize(), 20, 1, 1_000),
                checks.range("circuitBreaker.waitDurationInOpenStateMs", c.waitDurationInOpenStateMs(), 30_000L, 1,
                        3_600_000),
                (int) checks.range("circuitBreaker.permittedCallsInHalfOpenState", c.permittedCallsInHalfOpenState(),
                        3, 1, 100));
        int maxConcurrent = (int) checks.range("bulkhead.maxConcurrentCalls",
                body.bulkhead() == null ? null : body.bulkhead().maxConcurrentCalls(), 20, 1, 1_000);
        long maxResponseBytes = checks.range("maxResponseBytes", body.maxResponseBytes(), 1024L * 1024, 1,
                MAX_RESPONSE_BYTES);

        if (!checks.violations.isEmpty()) {
            throw checks.failure();
        }
        return new EndpointConfig(name, kind, baseUrl, auth, http, apexPath, flowName, soql, outputs,
                idempotencyKeyHeader, new EndpointTimeouts(connectMs, callMs), new RetrySettings(maxAttempts, waitMs),
                breaker, new BulkheadSettings(maxConcurrent), maxResponseBytes, allowPrivate, allowHttp, null, null);
    }

    private EndpointAuthentication authentication(Checks checks, EndpointAuthentication a, String kind,
            String baseUrl, EndpointConfig stored) {
        String type = a == null || a.type() == null ? "none" : a.type();
        if (!AUTH_TYPES.contains(type)) {
            checks.fail("authentication.type", type, "must be one of none, bearer, oauthJwtBearer, oauthClientCredentials");
            return null;
        }
        if (a == null) {
            a = new EndpointAuthentication("none", null, null, null, null, null, null, null, null, null);
        }
        if (kind != null && !kind.equals(EndpointKinds.HTTP) && type.equals("none")) {
            checks.fail("authentication.type", type, "kind " + kind + " calls Salesforce APIs, which need "
                    + "oauthJwtBearer, oauthClientCredentials or bearer");
        }
        EndpointAuthentication before = stored == null ? null : stored.authentication();
        boolean sameType = before != null && type.equals(before.type());
        Map<String, String> given = new LinkedHashMap<>();
        given.put("token", a.token());
        given.put("consumerKey", a.consumerKey());
        given.put("username", a.username());
        given.put("privateKey", a.privateKey());
        given.put("tokenUrl", a.tokenUrl());
        given.put("audience", a.audience());
        given.put("clientId", a.clientId());
        given.put("clientSecret", a.clientSecret());
        Set<String> used = switch (type) {
            case "bearer" -> Set.of("token");
            case "oauthJwtBearer" -> Set.of("consumerKey", "username", "privateKey", "tokenUrl", "audience");
            case "oauthClientCredentials" -> Set.of("clientId", "clientSecret", "tokenUrl");
            default -> Set.of();
        };
        given.forEach((field, value) -> {
            if (value != null && !used.contains(field)) {
                checks.fail("authentication." + field, isSecret(field) ? SECRET : value,
                        "is not used by authentication type " + type);
            }
        });
        return switch (type) {
            case "bearer" -> {
                String token = secret(checks, "token", a.token(), sameType ? before.token() : null);
                if (token != null && (token.length() > 4096 || token.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f))) {
                    checks.fail("authentication.token", SECRET, "must be at most 4096 printable characters");
                }
                yield new EndpointAuthentication(type, token, null, null, null, null, null, null, null, null);
            }
            case "oauthJwtBearer" -> {
                String consumerKey = checks.required("authentication.consumerKey", a.consumerKey(), 255);
                String username = checks.required("authentication.username", a.username(), 255);
                String key = secret(checks, "privateKey", a.privateKey(), sameType ? before.privateKey() : null);
                if (key != null) {
                    try {
                        PrivateKeys.rsa(key);
                    } catch (IllegalArgumentException e) {
                        checks.fail("authentication.privateKey", SECRET, e.getMessage());
                    }
                }
                String tokenUrl = a.tokenUrl() == null ? "https://login.salesforce.com/services/oauth2/token"
                        : checks.url("authentication.tokenUrl", a.tokenUrl(), true);
                String audience = a.audience() == null ? "https://login.salesforce.com"
                        : checks.required("authentication.audience", a.audience(), 255);
                yield new EndpointAuthentication(type, null, consumerKey, username, key, tokenUrl, audience, null, null,
                        null);
            }
            case "oauthClientCredentials" -> {
                String clientId = checks.required("authentication.clientId", a.clientId(), 255);
                String clientSecret = secret(checks, "clientSecret", a.clientSecret(),
                        sameType ? before.clientSecret() : null);
                String tokenUrl;
                if (a.tokenUrl() != null) {
                    tokenUrl = checks.url("authentication.tokenUrl", a.tokenUrl(), true);
                } else if (baseUrl != null) {
                    tokenUrl = baseUrl + "/services/oauth2/token";
                } else {
                    checks.fail("authentication.tokenUrl", null, "is required when there is no baseUrl");
                    tokenUrl = null;
                }
                yield new EndpointAuthentication(type, null, null, null, null, tokenUrl, null, clientId, clientSecret,
                        null);
            }
            default -> new EndpointAuthentication("none", null, null, null, null, null, null, null, null, null);
        };
    }

    private static String secret(Checks checks, String field, String given, String storedValue) {
        if (given != null) {
            if (given.isBlank()) {
                checks.fail("authentication." + field, SECRET, "must not be blank");
            }
            return given;
        }
        if (storedValue == null) {
            checks.fail("authentication." + field, null, "is required (it is kept on later updates when omitted)");
        }
        return storedValue;
    }

    private HttpTemplate http(Checks checks, HttpTemplate h, String baseUrl) {
        if (h == null) {
            checks.fail("http", null, "is required for kind http (method, urlTemplate, headers, bodyTemplate)");
            return null;
        }
        String method = h.method() == null ? "GET" : h.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            checks.fail("http.method", h.method(), "must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS");
        }
        String urlTemplate = h.urlTemplate();
        if (urlTemplate == null || urlTemplate.isBlank()) {
            checks.fail("http.urlTemplate", null, "is required");
        } else if (checks.template("http.urlTemplate", urlTemplate, Template.Context.URL)) {
            String sample = Template.parse(urlTemplate, Template.Context.URL).fillWithSamples();
            boolean absolute = sample.regionMatches(true, 0, "http://", 0, 7)
                    || sample.regionMatches(true, 0, "https://", 0, 8);
            if (absolute) {
                checks.url("http.urlTemplate", sample, true, urlTemplate);
            } else if (!sample.startsWith("/")) {
                checks.fail("http.urlTemplate", urlTemplate, "must be an absolute http(s) URL or a path starting with '/'");
            } else if (baseUrl == null) {
                checks.fail("http.urlTemplate", urlTemplate, "is a path, so baseUrl is required");
            } else {
                checks.url("http.urlTemplate", baseUrl + sample, true, urlTemplate);
            }
        }
        Map<String, String> headers = new LinkedHashMap<>();
        if (h.headers() != null) {
            h.headers().forEach((header, value) -> {
                if (header == null || !HEADER_NAME.matcher(header).matches()
                        || RESTRICTED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
                    checks.fail("http.headers", header, "is not a header name that may be set");
                } else if (value == null || value.length() > 4096 || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                    checks.fail("http.headers." + header, value, "must be at most 4096 characters without line breaks");
                } else if (checks.template("http.headers." + header, value, Template.Context.HEADER)) {
                    headers.put(header, value);
                }
            });
        }
        String bodyTemplate = h.bodyTemplate();
        if (bodyTemplate != null) {
            if (!METHODS_WITH_BODY.contains(method)) {
                checks.fail("http.bodyTemplate", abbreviate(bodyTemplate), "is only for POST, PUT and PATCH");
            } else if (bodyTemplate.length() > 65_536) {
                checks.fail("http.bodyTemplate", abbreviate(bodyTemplate), "must be at most 65536 characters");
            } else if (checks.template("http.bodyTemplate", bodyTemplate, Template.Context.JSON)) {
                String sample = Template.parse(bodyTemplate, Template.Context.JSON).fillWithSamples();
                try {
                    json.readTree(sample);
                } catch (RuntimeException e) {
                    checks.fail("http.bodyTemplate", abbreviate(bodyTemplate),
                            "is not valid JSON once its placeholders are filled");
                }
            }
        }
        return new HttpTemplate(method, urlTemplate, headers, bodyTemplate);
    }

    private static boolean isSecret(String field) {
        return field.equals("token") || field.equals("privateKey") || field.equals("clientSecret");
    }

    private static String stripLeadingSlash(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    static String abbreviate(String value) {
        return value == null || value.length() <= 200 ? value : value.substring(0, 200) + "...";
    }

    /** Collects violations. */
    private static final class Checks {

        final List<InvalidEndpointException.Violation> violations = new ArrayList<>();

        void fail(String field, String value, String message) {
            violations.add(new InvalidEndpointException.Violation(field, abbreviate(value), message));
        }

        InvalidEndpointException failure() {
            return new InvalidEndpointException(violations);
        }

        long range(String field, Number value, long defaultValue, long min, long max) {
            if (value == null) {
                return defaultValue;
            }
            long v = value.longValue();
            if (v < min || v > max) {
                fail(field, String.valueOf(value), "must be within " + min + ".." + max);
                return defaultValue;
            }
            return v;
        }

        String required(String field, String value, int maxLength) {
            if (value == null || value.isBlank()) {
                fail(field, value, "is required");
            } else if (value.length() > maxLength) {
                fail(field, value, "must be at most " + maxLength + " characters");
            }
            return value;
        }

        String url(String field, String value, boolean pathAndQueryAllowed) {
            return url(field, value, pathAndQueryAllowed, value);
        }

        /** An absolute http(s) URL with a host and no user info; {@code shown} is what errors echo. */
        String url(String field, String value, boolean pathAndQueryAllowed, String shown) {
            try {
                URI uri = new URI(value);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (!scheme.equals("https") && !scheme.equals("http")) {
                    fail(field, shown, "must be an absolute https:// (or http://) URL");
                } else if (uri.getHost() == null) {
                    fail(field, shown, "has no valid host");
                } else if (uri.getRawUserInfo() != null) {
                    fail(field, shown, "must not carry user info; use authentication instead");
                } else if (!pathAndQueryAllowed && (uri.getRawQuery() != null || uri.getRawFragment() != null)) {
                    fail(field, shown, "must not have a query or fragment");
                } else {
                    return value;
                }
            } catch (URISyntaxException e) {
                fail(field, shown, "is not a valid URL: " + e.getReason() + " at index " + e.getIndex());
            }
            return null;
        }

        boolean template(String field, String value, Template.Context context) {
            try {
                Template.parse(value, context);
                return true;
            } catch (IllegalArgumentException e) {
                fail(field, value, e.getMessage());
                return false;
            }
        }
    }
}
