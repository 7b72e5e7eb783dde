package dev.parley.gateway.widget;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parley.gateway.channels.ConversationRef;
import dev.parley.gateway.channels.WebhookInput;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.DeferredResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The widget's HTTP fallback for networks that block WebSockets: the same protocol v1 frames as JSON bodies.
 * Every call is a CORS "simple request" ({@code POST}, {@code Content-Type: text/plain}, the token in the body), so
 * browsers send no preflight and tokens never appear in URLs or access logs.
 * <ul>
 * <li>{@code POST /widget/v1/orgs/{orgId}/bots/{botId}/conversations}: a {@code hello}; answers {@code welcome}</li>
 * <li>{@code POST .../messages}: {@code {"token", "type": start|message|choice|end, "id", ...}}; answers {@code ack}
 * once processed</li>
 * <li>{@code POST .../events}: {@code {"token", "after"}}; acknowledges events up to {@code after} and answers
 * {@code {"events": [...]}} after it, waiting up to the long-poll timeout (25 s) for some to exist</li>
 * </ul>
 */
@RestController
class WidgetHttpController {

    static final String BASE = "/widget/v1/orgs/{orgId}/bots/{botId}";

    /** Fields of the HTTP bodies beyond a frame's: the conversation token and the poll position. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record PollRequest(String token, Long after) {
    }

    private final WidgetBots bots;

    private final WidgetConversations conversations;

    private final WidgetProtocol protocol;

    private final WidgetHub hub;

    private final WidgetProperties properties;

    private final JsonMapper json;

    private final Executor executor;

    private final LongPolls polls;

    WidgetHttpController(WidgetBots bots, WidgetConversations conversations, WidgetProtocol protocol,
            WidgetHub hub, WidgetProperties properties, JsonMapper json, Executor widgetExecutor, LongPolls polls) {
        this.bots = bots;
        this.conversations = conversations;
        this.protocol = protocol;
        this.hub = hub;
        this.properties = properties;
        this.json = json;
        this.executor = widgetExecutor;
        this.polls = polls;
    }

    @PostMapping(BASE + "/conversations")
    ResponseEntity<String> hello(@PathVariable String orgId, @PathVariable String botId,
            HttpServletRequest request) {
        WidgetBot bot = allowed(orgId, botId, request);
        ClientFrame frame = protocol.read(body(request));
        if (!(frame instanceof ClientFrame.Hello hello)) {
            throw new InvalidFrameException("This endpoint takes a hello frame");
        }
        WidgetConversations.Attached attached = conversations.hello(bot, hello);
        return ok(request, protocol.write(new WidgetProtocol.Welcome(attached.token(), attached.resumed(),
                attached.lastSeq(), properties.heartbeatInterval().toMillis(),
                properties.maxFrameSize().toBytes())));
    }

    @PostMapping(BASE + "/messages")
    ResponseEntity<String> message(@PathVariable String orgId, @PathVariable String botId,
            HttpServletRequest request) throws InterruptedException {
        WidgetBot bot = allowed(orgId, botId, request);
        String body = body(request);
        ConversationRef conversation = conversations.conversation(bot, token(body));
        ClientFrame frame = protocol.read(body);
        if (!(frame instanceof ClientFrame.Input input)) {
            throw new InvalidFrameException("This endpoint takes start, message, choice and end frames");
        }
        try {
            WidgetProtocol.Acknowledged acknowledged = conversations.submit(conversation, input)
                    .get(20, TimeUnit.SECONDS);
            return ok(request, protocol.write(acknowledged));
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
        catch (TimeoutException e) {
            // still queued or running: its outcome is recorded when it finishes, and a resend is acknowledged then
            throw new TurnUnavailableException("The message is still being processed; send it again to get its "
                    + "acknowledgement", Duration.ofSeconds(1));
        }
    }

    @PostMapping(BASE + "/events")
    DeferredResult<ResponseEntity<String>> events(@PathVariable String orgId, @PathVariable String botId,
            HttpServletRequest request) {
        WidgetBot bot = allowed(orgId, botId, request);
        PollRequest poll = readPoll(body(request));
        ConversationRef conversation = conversations.conversation(bot, poll.token());
        long after = poll.after() == null ? 0 : poll.after();
        if (after < 0) {
            throw new InvalidFrameException("'after' must be 0 or more, was " + after);
        }
        if (after > 0) {
            conversations.acknowledge(conversation, after);
        }
        String origin = allowedOriginHeader(request);
        DeferredResult<ResponseEntity<String>> result = new DeferredResult<>(
                properties.longPollTimeout().toMillis());
        AtomicBoolean done = new AtomicBoolean();
        WidgetHub.Subscriber waiter = new WidgetHub.Subscriber() {
            @Override
            public void eventsAppended(long lastSeq, List<String> frames) {
                if (lastSeq > after) {
                    executor.execute(() -> answer(this, conversations.eventsAfter(conversation, after)));
                }
            }

            private void answer(WidgetHub.Subscriber self, List<String> frames) {
                if (!frames.isEmpty() && done.compareAndSet(false, true)) {
                    hub.unsubscribe(conversation, self);
                    result.setResult(eventsResponse(origin, frames));
                }
            }
        };
        Runnable answerEmpty = () -> {
            if (done.compareAndSet(false, true)) {
                hub.unsubscribe(conversation, waiter);
                result.setResult(eventsResponse(origin, List.of()));
            }
        };
        result.onTimeout(answerEmpty);
        result.onCompletion(() -> {
            hub.unsubscribe(conversation, waiter);
            polls.remove(answerEmpty);
        });
        polls.add(answerEmpty);
        // subscribe before reading, so events appended in between are not missed
        hub.subscribe(conversation, waiter);
        List<String> stored = conversations.eventsAfter(conversation, after);
        if (!stored.isEmpty() && done.compareAndSet(false, true)) {
            hub.unsubscribe(conversation, waiter);
            result.setResult(eventsResponse(origin, stored));
        }
        return result;
    }

    private WidgetBot allowed(String orgId, String botId, HttpServletRequest request) {
        return bots.requireAllowed(orgId, botId, request.getHeader(HttpHeaders.ORIGIN), false);
    }

    private String body(HttpServletRequest request) {
        // max-frame-size counts characters; UTF-8 needs up to 3 bytes for each
        return new String(WebhookInput.body(request, 3 * properties.maxFrameSize().toBytes()),
                StandardCharsets.UTF_8);
    }

    private String token(String body) {
        return readPoll(body).token();
    }

    private PollRequest readPoll(String body) {
        try {
            PollRequest poll = json.readValue(body, PollRequest.class);
            if (poll == null) {
                throw new InvalidFrameException("The body is not a JSON object");
            }
            return poll;
        }
        catch (tools.jackson.core.JacksonException e) {
            throw new InvalidFrameException("The body is not a JSON object with a string 'token' and a number "
                    + "'after'");
        }
    }

    private static ResponseEntity<String> ok(HttpServletRequest request, String body) {
        return respond(allowedOriginHeader(request), body);
    }

    private static ResponseEntity<String> eventsResponse(String origin, List<String> frames) {
        StringBuilder body = new StringBuilder(64 + frames.stream().mapToInt(String::length).sum());
        body.append("{\"events\":[");
        for (int i = 0; i < frames.size(); i++) {
            body.append(i == 0 ? "" : ",").append(frames.get(i));
        }
        body.append("]}");
        return respond(origin, body.toString());
    }

    private static ResponseEntity<String> respond(String origin, String body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        if (origin != null) {
            response.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin).header(HttpHeaders.VARY,
                    HttpHeaders.ORIGIN);
        }
        return response.body(body);
    }

    /** The request's Origin (already checked against the bot's allowed origins), to echo for CORS. */
    private static String allowedOriginHeader(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.ORIGIN);
    }
}
