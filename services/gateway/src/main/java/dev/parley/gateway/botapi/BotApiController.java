package dev.parley.gateway.botapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.parley.gateway.oauth.AccessToken;
import dev.parley.gateway.runtime.RuntimeClient;
import dev.parley.platform.logging.MdcKeys;
import dev.parley.runtime.api.EndSessionCommand;
import dev.parley.runtime.api.MessageCommand;
import dev.parley.runtime.api.TurnReply;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.PathContainer;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The Bot Runtime API v5.1.0 session routes. Each validates its input completely before calling the runtime, so a
 * refused request changes nothing. Callers are authenticated by {@link BotApiAuthInterceptor}.
 */
@RestController
class BotApiController {

    static final String VERSION_PREFIX = "/v5.1.0";

    static final String START_SESSION = VERSION_PREFIX + "/bots/{botId}/sessions";

    static final String MESSAGES = VERSION_PREFIX + "/sessions/{sessionId}/messages";

    static final String SESSION = VERSION_PREFIX + "/sessions/{sessionId}";

    static final String RUNTIME_CRC_HEADER = "X-Runtime-CRC";

    static final String END_REASON_HEADER = "X-Session-End-Reason";

    private static final List<String> END_REASONS = List.of("UserRequest", "Transfer", "Expiration", "Error",
            "Other");

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,128}");

    private static final List<Route> ROUTES = List.of(
            new Route(START_SESSION, HttpMethod.POST),
            new Route(MESSAGES, HttpMethod.POST),
            new Route(SESSION, HttpMethod.DELETE));

    private static final Logger log = LoggerFactory.getLogger(BotApiController.class);

    private final RuntimeClient runtime;

    private final BotApiRequestReader reader;

    private final TurnResponses responses;

    BotApiController(RuntimeClient runtime, BotApiRequestReader reader, TurnResponses responses) {
        this.runtime = runtime;
        this.reader = reader;
        this.responses = responses;
    }

    @PostMapping(START_SESSION)
    ResponseEntity<ResponseEnvelope> startSession(@PathVariable String botId,
            @RequestAttribute(BotApiAuthInterceptor.CALLER) AccessToken caller, HttpServletRequest request) {
        requireId("bot-id", botId);
        InitMessageEnvelope envelope = reader.read(request, InitMessageEnvelope.class);
        TurnReply reply = runtime.start(caller.orgId(), botId, envelope.toCommand());
        MDC.put(MdcKeys.SESSION_ID, reply.sessionId());
        log.info("Started a session of bot {}", botId);
        return respond(reply, responses.forStart(botId, reply, envelope.responseOptions()));
    }

    @PostMapping(MESSAGES)
    ResponseEntity<ResponseEnvelope> sendMessage(@PathVariable String sessionId,
            @RequestAttribute(BotApiAuthInterceptor.CALLER) AccessToken caller,
            @RequestHeader(name = RUNTIME_CRC_HEADER, required = false) String runtimeCrc,
            HttpServletRequest request) {
        requireId("session-id", sessionId);
        MDC.put(MdcKeys.SESSION_ID, sessionId);
        ChatMessageEnvelope envelope = reader.read(request, ChatMessageEnvelope.class);
        MessageCommand command = envelope.message().toCommand();
        // The runtime keeps its own state; the client's CRC is accepted as the spec says but not needed.
        log.debug("Message {} of type {} (client CRC {})", command.sequenceId(), command.type(), runtimeCrc);
        TurnReply reply = runtime.message(caller.orgId(), sessionId, command);
        return respond(reply, responses.forMessage(reply, envelope.responseOptions()));
    }

    @DeleteMapping(SESSION)
    ResponseEntity<ResponseEnvelope> endSession(@PathVariable String sessionId,
            @RequestAttribute(BotApiAuthInterceptor.CALLER) AccessToken caller,
            @RequestHeader(name = END_REASON_HEADER, required = false) String reason) {
        requireId("session-id", sessionId);
        MDC.put(MdcKeys.SESSION_ID, sessionId);
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException("Header '" + END_REASON_HEADER + "' is required");
        }
        if (!END_REASONS.contains(reason.strip())) {
            throw new InvalidRequestException("Header '" + END_REASON_HEADER + "' must be one of "
                    + String.join(", ", END_REASONS) + ", was '" + Fields.abbreviate(reason) + "'");
        }
        TurnReply reply = runtime.end(caller.orgId(), sessionId, new EndSessionCommand(reason.strip()));
        log.info("Ended the session ({})", reason.strip());
        return respond(reply, responses.forEnd(reply));
    }

    /** Everything else under the version prefix: the spec's 404, or 405 for a known path with another method. */
    @RequestMapping(VERSION_PREFIX + "/**")
    ResponseEntity<ResponseEnvelope> unknownRoute(HttpServletRequest request) {
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        Set<HttpMethod> allowed = new LinkedHashSet<>();
        for (Route route : ROUTES) {
            if (route.pattern().matches(path)) {
                allowed.add(route.method());
            }
        }
        if (allowed.isEmpty()) {
            throw UnknownRouteException.noRoute(request.getRequestURI());
        }
        throw UnknownRouteException.wrongMethod(request.getMethod(), request.getRequestURI(), Set.copyOf(allowed));
    }

    private static ResponseEntity<ResponseEnvelope> respond(TurnReply reply, ResponseEnvelope body) {
        ResponseEntity.BodyBuilder response = ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON);
        if (reply.runtimeCrc() != null) {
            response.header(RUNTIME_CRC_HEADER, reply.runtimeCrc());
        }
        return response.body(body);
    }

    private static void requireId(String name, String value) {
        if (!ID.matcher(value).matches()) {
            throw new InvalidRequestException("Path parameter '" + name + "' must be 1-128 characters of "
                    + "[A-Za-z0-9_.-], was '" + Fields.abbreviate(value) + "'");
        }
    }

    private record Route(PathPattern pattern, HttpMethod method) {

        Route(String pattern, HttpMethod method) {
            this(PathPatternParser.defaultInstance.parse(pattern), method);
        }
    }
}
