package dev.parley.gateway.widget;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriUtils;

/**
 * Checks a widget WebSocket handshake before the upgrade: the path names a configured bot (else 404) and the
 * {@code Origin} header is one of that bot's allowed origins (else 403; browsers always send it). A refused handshake
 * gets a problem-details body and nothing runs; the widget then tries the HTTP fallback, which answers the same
 * error readably.
 */
class WidgetHandshakeInterceptor implements HandshakeInterceptor {

    /** Session attribute holding the {@link WidgetBot}. */
    static final String BOT = "parley.widget.bot";

    private static final Logger log = LoggerFactory.getLogger(WidgetHandshakeInterceptor.class);

    private static final Pattern PATH = Pattern.compile("/widget/v1/orgs/([^/]+)/bots/([^/]+)/ws");

    private final WidgetBots bots;

    private final WidgetProtocol protocol;

    WidgetHandshakeInterceptor(WidgetBots bots, WidgetProtocol protocol) {
        this.bots = bots;
        this.protocol = protocol;
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response,
            WebSocketHandler handler, Map<String, Object> attributes) throws Exception {
        Matcher path = PATH.matcher(request.getURI().getRawPath());
        try {
            if (!path.matches()) {
                throw new UnknownWidgetException("?", "?");
            }
            WidgetBot bot = bots.requireAllowed(decode(path.group(1)), decode(path.group(2)),
                    request.getHeaders().getOrigin(), true);
            attributes.put(BOT, bot);
            return true;
        }
        catch (WidgetRejectedException e) {
            log.info("Widget handshake refused with {}: {}", e.status().value(), e.getMessage());
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
            problem.setProperty("code", e.code());
            response.setStatusCode(e.status());
            response.getHeaders().set(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getBody().write(protocol.write(problem).getBytes(StandardCharsets.UTF_8));
            return false;
        }
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
            Exception exception) {
        // nothing to do
    }

    private static String decode(String segment) {
        return UriUtils.decode(segment, StandardCharsets.UTF_8);
    }
}
