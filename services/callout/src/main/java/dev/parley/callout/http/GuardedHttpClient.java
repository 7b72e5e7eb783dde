package dev.parley.callout.http;

import dev.parley.callout.CalloutFailure;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP client of one endpoint: its own connection pool (pooled connections never cross endpoints with different
 * target rules), a {@link GuardedDnsResolver}, manual redirects re-checked hop by hop, a response size cap enforced
 * while reading, and a hard deadline: a timer aborts the exchange (closing the socket) when the time limit is up, so
 * neither a server that never answers nor a slow-drip body can hold the caller past it.
 */
public final class GuardedHttpClient implements AutoCloseable {

    private final boolean allowHttp;
    private final int maxRedirects;
    private final long connectMillis;
    private final ScheduledExecutorService deadlines;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;

    /**
     * @param allowPrivateNetwork reach loopback and private addresses
     * @param allowHttp           reach plain-http URLs
     * @param maxRedirects        redirects followed per exchange
     * @param connectMillis       connect limit (lowered to the time left when that is less)
     * @param maxConnections      pool size per route (the endpoint's bulkhead cap)
     * @param deadlines           the timer that aborts overdue exchanges
     */
    public GuardedHttpClient(boolean allowPrivateNetwork, boolean allowHttp, int maxRedirects, long connectMillis,
            int maxConnections, ScheduledExecutorService deadlines) {
        this.allowHttp = allowHttp;
        this.maxRedirects = maxRedirects;
        this.connectMillis = connectMillis;
        this.deadlines = deadlines;
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new GuardedDnsResolver(allowPrivateNetwork))
                .setMaxConnPerRoute(maxConnections)
                .setMaxConnTotal(maxConnections * 2)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.ofMilliseconds(connectMillis))
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Parley-Callout/1")
                .build();
    }

    /**
     * Sends {@code request}, following redirects, and reads the answer.
     *
     * @param deadlineNanos {@link System#nanoTime()} by which everything must be done
     * @param limitMillis   the time limit the deadline stands for, named in a timeout's message
     * @param maxBytes      the response size cap
     * @throws CalloutFailure TIMEOUT, TARGET_BLOCKED, CONNECTION_FAILED, RESPONSE_TOO_LARGE, or HTTP_ERROR for a redirect
     *                        past the limit
     */
    public OutboundResponse exchange(OutboundRequest request, long deadlineNanos, long limitMillis, long maxBytes) {
        String method = request.method();
        URI uri = request.uri();
        byte[] body = request.body();
        Map<String, String> headers = request.headers();
        for (int hop = 0;; hop++) {
            checkTarget(uri);
            Hop result = send(method, uri, headers, body, deadlineNanos, limitMillis, maxBytes);
            if (result.location == null) {
                return result.response;
            }
            if (hop >= maxRedirects) {
                throw CalloutFailure.http(result.response.status(),
                        "more than " + maxRedirects + " redirects, the last to " + describe(result.location));
            }
            URI next = resolveLocation(uri, result.location);
            if (!sameOrigin(uri, next)) {
                headers = withoutCredentials(headers); // credentials never follow a redirect to another origin
            }
            int status = result.response.status();
            if (status == 303 || ((status == 301 || status == 302) && "POST".equals(method))) {
                method = "GET";
                body = null;
            }
            uri = next;
        }
    }

    private record Hop(OutboundResponse response, String location) {
    }

    @SuppressWarnings("deprecation") // RequestConfig's connect timeout is the per-request override of the pool's
    private Hop send(String method, URI uri, Map<String, String> headers, byte[] body, long deadlineNanos,
            long limitMillis, long maxBytes) {
        long remainingNanos = deadlineNanos - System.nanoTime();
        if (remainingNanos <= 0) {
            throw CalloutFailure.timeout(limitMillis);
        }
        long remainingMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(remainingNanos));
        HttpUriRequestBase httpRequest = new HttpUriRequestBase(method, uri);
        headers.forEach(httpRequest::addHeader);
        if (body != null) {
            httpRequest.setEntity(new ByteArrayEntity(body, ContentType.APPLICATION_JSON));
        }
        httpRequest.setConfig(RequestConfig.custom()
                .setConnectionRequestTimeout(Timeout.ofMilliseconds(remainingMillis))
                .setConnectTimeout(Timeout.ofMilliseconds(Math.min(connectMillis, remainingMillis)))
                .setResponseTimeout(Timeout.ofMilliseconds(remainingMillis))
                .setRedirectsEnabled(false)
                .build());
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> abort = deadlines.schedule(() -> {
            expired.set(true);
            httpRequest.cancel();
        }, remainingNanos, TimeUnit.NANOSECONDS);
        try (ClassicHttpResponse response = client.executeOpen(null, httpRequest, HttpClientContext.create())) {
            int status = response.getCode();
            Header location = response.getFirstHeader("Location");
            byte[] bytes = read(response.getEntity(), maxBytes, httpRequest);
            Header contentType = response.getFirstHeader("Content-Type");
            OutboundResponse answer = new OutboundResponse(status, contentType == null ? null : contentType.getValue(),
                    bytes);
            boolean redirect = location != null && (status == 301 || status == 302 || status == 303 || status == 307
                    || status == 308);
            return new Hop(answer, redirect ? location.getValue() : null);
        } catch (CalloutFailure failure) {
            throw expired.get() ? CalloutFailure.timeout(limitMillis) : failure;
        } catch (IOException | RuntimeException e) {
            if (expired.get() || System.nanoTime() - deadlineNanos >= 0) {
                throw CalloutFailure.timeout(limitMillis);
            }
            TargetBlockedException blocked = find(e, TargetBlockedException.class);
            if (blocked != null) {
                throw CalloutFailure.blocked(blocked.getMessage());
            }
            if (find(e, ConnectTimeoutException.class) != null) {
                throw CalloutFailure.connection("connecting to " + describe(uri) + " took longer than "
                        + Math.min(connectMillis, remainingMillis) + " ms");
            }
            throw CalloutFailure.connection("the exchange with " + describe(uri) + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        } finally {
            abort.cancel(false);
        }
    }

    private static byte[] read(HttpEntity entity, long maxBytes, HttpUriRequestBase request) throws IOException {
        if (entity == null) {
            return new byte[0];
        }
        long declared = entity.getContentLength();
        if (declared > maxBytes) {
            request.cancel(); // drop the connection rather than drain an oversized body
            throw CalloutFailure.tooLarge(maxBytes);
        }
        try (InputStream in = entity.getContent()) {
            if (declared >= 0) {
                // the usual answer: one array of the declared size (an 8 KB buffer and a growing copy per call were this
                // service's largest single source of garbage, and garbage is GC pauses landing on other calls)
                byte[] bytes = new byte[(int) declared];
                int read = in.readNBytes(bytes, 0, bytes.length);
                if (read < bytes.length) {
                    throw new IOException("the response ended after " + read + " of " + declared + " bytes");
                }
                return bytes;
            }
            // chunked or read-until-close: read one byte past the cap to tell a body of exactly the cap from a larger one
            byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
            if (bytes.length > maxBytes) {
                request.cancel();
                throw CalloutFailure.tooLarge(maxBytes);
            }
            return bytes;
        }
    }

    private void checkTarget(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(scheme.equals("http") && allowHttp)) {
            throw CalloutFailure.blocked(scheme.equals("http")
                    ? "plain http to " + describe(uri) + " is not allowed for this endpoint (allowHttp is false)"
                    : "scheme '" + scheme + "' of " + describe(uri) + " is not allowed");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null) {
            throw CalloutFailure.blocked("target " + describe(uri) + " has no host or carries user info");
        }
    }

    private static URI resolveLocation(URI current, String location) {
        try {
            return current.resolve(new URI(location.strip()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw CalloutFailure.connection("the redirect location is not a valid URI");
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme().equalsIgnoreCase(b.getScheme()) && a.getHost().equalsIgnoreCase(String.valueOf(b.getHost()))
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static Map<String, String> withoutCredentials(Map<String, String> headers) {
        Map<String, String> kept = new LinkedHashMap<>(headers);
        kept.keySet().removeIf(name -> name.equalsIgnoreCase("Authorization") || name.equalsIgnoreCase("Cookie"));
        return kept;
    }

    /** Scheme, host and port only: paths and queries may carry inputs that do not belong in logs. */
    static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
    }

    private static String describe(String location) {
        try {
            URI uri = new URI(location);
            return uri.getHost() == null ? "a relative location" : describe(uri);
        } catch (URISyntaxException e) {
            return "an invalid location";
        }
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    @Override
    public void close() {
        client.close(CloseMode.GRACEFUL);
        connections.close(CloseMode.GRACEFUL);
    }
}
