package dev.parley.loguploader.delivery;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * POSTs batches to customer endpoints: one pooled client for all, no redirects followed, no automatic retries,
 * addresses checked by {@link GuardedDnsResolver}, and per call a connect timeout and a response timeout plus a hard
 * deadline of both together. Never sends Parley's internal credential: it is not built from Spring's
 * {@code RestClient.Builder}.
 */
final class DestinationClient implements AutoCloseable {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CloseableHttpClient http;
    private final ScheduledExecutorService deadlines;
    private final Clock clock;

    DestinationClient(GuardedDnsResolver dns, int maxConnections, int maxPerRoute, Clock clock) {
        this.clock = clock;
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(dns)
                        .setMaxConnTotal(maxConnections)
                        .setMaxConnPerRoute(maxPerRoute)
                        .setDefaultSocketConfig(SocketConfig.custom().setTcpNoDelay(true).build())
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .build())
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .setUserAgent("parley-log-uploader")
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("log-uploader-deadlines").factory());
    }

    /** Sends the batch once; never throws for what the destination or the network does. */
    @SuppressWarnings("deprecation") // a per-request connect timeout is what we need; the per-route one is not
    HttpAttempt post(ClaimedBatch batch, Duration timeout) {
        HttpPost post = new HttpPost(URI.create(batch.url().toString()));
        post.setConfig(RequestConfig.custom()
                .setConnectTimeout(Timeout.of(timeout))
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .build());
        post.setHeader(IDEMPOTENCY_KEY, batch.id().toString());
        post.setHeader("X-Parley-Attempt", Integer.toString(batch.attempts() + 1));
        if (batch.authHeaderName() != null && batch.authHeaderValue() != null) {
            post.setHeader(batch.authHeaderName(), batch.authHeaderValue());
        }
        post.setEntity(new StringEntity(batch.body(), ContentType.APPLICATION_JSON.withCharset(StandardCharsets.UTF_8)));
        long started = System.nanoTime();
        ScheduledFuture<?> deadline = deadlines.schedule(post::cancel, timeout.toMillis() * 2, TimeUnit.MILLISECONDS);
        try {
            return http.execute(post, response -> {
                EntityUtils.consume(response.getEntity());
                return new HttpAttempt(response.getCode(), retryAfter(response.getFirstHeader("Retry-After")),
                        response.getCode() >= 300 ? response.getReasonPhrase() : null, since(started));
            });
        } catch (ConnectTimeoutException e) {
            return failure("connect timed out after " + timeout.toMillis() + " ms", started);
        } catch (SocketTimeoutException e) {
            return failure("no response within " + timeout.toMillis() + " ms", started);
        } catch (InterruptedIOException e) {
            return failure(post.isCancelled() ? "no complete response within " + timeout.toMillis() * 2 + " ms"
                    : "interrupted", started);
        } catch (GuardedDnsResolver.ForbiddenAddressException e) {
            return failure(e.getMessage(), started);
        } catch (IOException e) {
            return failure(post.isCancelled() ? "no complete response within " + timeout.toMillis() * 2 + " ms"
                    : e.getClass().getSimpleName() + ": " + e.getMessage(), started);
        } finally {
            deadline.cancel(false);
        }
    }

    private Duration retryAfter(Header header) {
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds >= 0 ? Duration.ofSeconds(seconds) : null;
        } catch (NumberFormatException e) {
            try {
                Duration until = Duration.between(clock.instant(),
                        ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return until.isNegative() ? Duration.ZERO : until;
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    private static HttpAttempt failure(String error, long started) {
        return new HttpAttempt(0, null, error, since(started));
    }

    private static Duration since(long started) {
        return Duration.ofNanos(System.nanoTime() - started);
    }

    @Override
    public void close() throws IOException {
        deadlines.shutdownNow();
        http.close();
    }
}
