package dev.parley.gateway.channels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls to the platforms' APIs (Send API, {@code chat.postMessage}, Twilio Messages): bounded by timeouts, retried
 * with exponential backoff on 5xx, 429 and I/O failures, and counted in {@code parley.gateway.channel.outbound}
 * ({@code channel}, {@code operation}, {@code outcome} = sent, retried or failed). A failed call is logged and thrown,
 * never dropped silently. Deliberately not built from Spring's {@code RestClient.Builder}: that one adds Parley's
 * internal credential, which must never leave for a third party. URLs are never logged (they may carry tokens).
 */
public class OutboundHttp {

    private static final Logger log = LoggerFactory.getLogger(OutboundHttp.class);

    private static final int MAX_LOGGED_BODY = 300;

    private final HttpClient client;

    private final ChannelsProperties.Outbound settings;

    private final MeterRegistry meters;

    public OutboundHttp(ChannelsProperties.Outbound settings, MeterRegistry meters) {
        this.settings = settings;
        this.meters = meters;
        this.client = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
    }

    /**
     * POSTs {@code body} and answers the response body of a 2xx. {@code failureOf} may inspect a 2xx body and name
     * a failure the platform reports inside it (Slack's {@code "ok": false}), which is not retried.
     */
    public String post(Channel channel, String operation, URI uri, Map<String, String> headers, String contentType,
            String body, Function<String, String> failureOf) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(settings.readTimeout())
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        String lastProblem = null;
        for (int attempt = 1; attempt <= settings.maxAttempts(); attempt++) {
            Duration pause = backoff(attempt);
            try {
                HttpResponse<String> response = client.send(request.build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    String failure = failureOf == null ? null : failureOf.apply(response.body());
                    if (failure != null) {
                        return fail(channel, operation, operation + " was refused: " + failure, null);
                    }
                    count(channel, operation, "sent");
                    return response.body();
                }
                lastProblem = operation + " answered " + status + ": " + abbreviate(response.body());
                if (status != 429 && status < 500) {
                    return fail(channel, operation, lastProblem, null);
                }
                if (status == 429) {
                    pause = retryAfter(response).orElse(pause);
                }
            }
            catch (IOException e) {
                lastProblem = operation + " failed: " + e.getClass().getSimpleName() + " " + e.getMessage();
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return fail(channel, operation, operation + " was interrupted", e);
            }
            if (attempt < settings.maxAttempts()) {
                count(channel, operation, "retried");
                log.info("{} (attempt {} of {}); retrying in {} ms", lastProblem, attempt, settings.maxAttempts(),
                        pause.toMillis());
                if (!sleep(pause)) {
                    return fail(channel, operation, operation + " was interrupted", null);
                }
            }
        }
        return fail(channel, operation, lastProblem + " after " + settings.maxAttempts() + " attempts", null);
    }

    private String fail(Channel channel, String operation, String problem, Throwable cause) {
        count(channel, operation, "failed");
        log.error("Delivery through {} failed: {}", channel.id(), problem);
        throw new ChannelDeliveryException(problem, cause);
    }

    private Duration backoff(int attempt) {
        long millis = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        return Duration.ofMillis(Math.min(millis, settings.maxBackoff().toMillis()));
    }

    private Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.strip());
                Duration wanted = Duration.ofSeconds(Math.max(0, seconds));
                return Optional.of(wanted.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : wanted);
            }
            catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static boolean sleep(Duration pause) {
        try {
            Thread.sleep(pause);
            return true;
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void count(Channel channel, String operation, String outcome) {
        meters.counter("parley.gateway.channel.outbound", "channel", channel.id(), "operation", operation,
                "outcome", outcome).increment();
    }

    private static String abbreviate(String body) {
        if (body == null) {
            return "";
        }
        String flat = body.replaceAll("\\s+", " ");
        return flat.length() <= MAX_LOGGED_BODY ? flat : flat.substring(0, MAX_LOGGED_BODY) + "...";
    }
}
