package dev.parley.gateway.botapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.parley.gateway.botapi.ResponseEnvelope.HyperLink;
import dev.parley.gateway.botapi.ResponseEnvelope.Links;
import dev.parley.gateway.botapi.ResponseEnvelope.ResponseVariable;
import dev.parley.gateway.botapi.ResponseMessage.Choice;
import dev.parley.gateway.botapi.ResponseMessage.ChoicesResponseMessage;
import dev.parley.gateway.botapi.ResponseMessage.EscalateResponseMessage;
import dev.parley.gateway.botapi.ResponseMessage.Schedule;
import dev.parley.gateway.botapi.ResponseMessage.SessionEndedResponseMessage;
import dev.parley.gateway.botapi.ResponseMessage.Target;
import dev.parley.gateway.botapi.ResponseMessage.TextResponseMessage;
import dev.parley.runtime.api.OutboundMessage;
import dev.parley.runtime.api.TurnReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriUtils;

/** Turns the runtime's {@link TurnReply} into the Bot API's {@link ResponseEnvelope}, adding {@code _links}. */
@Component
class TurnResponses {

    private static final Logger log = LoggerFactory.getLogger(TurnResponses.class);

    private final String baseUrl;

    TurnResponses(BotApiProperties properties) {
        this.baseUrl = properties.baseUrl();
    }

    ResponseEnvelope forStart(String botId, TurnReply reply, ResponseOptions options) {
        return envelope(reply, options, baseUrl + "/v5.1.0/bots/" + segment(botId) + "/sessions");
    }

    ResponseEnvelope forMessage(TurnReply reply, ResponseOptions options) {
        return envelope(reply, options, messagesUrl(reply.sessionId()));
    }

    ResponseEnvelope forEnd(TurnReply reply) {
        return envelope(reply, null, sessionUrl(reply.sessionId()));
    }

    private ResponseEnvelope envelope(TurnReply reply, ResponseOptions options, String self) {
        Links links = new Links(new HyperLink(self), new HyperLink(messagesUrl(reply.sessionId())),
                new HyperLink(sessionUrl(reply.sessionId())));
        List<Long> processed = reply.processedSequenceIds() == null ? List.of() : reply.processedSequenceIds();
        return new ResponseEnvelope(reply.sessionId(), reply.botVersion(), processed, messages(reply),
                variables(reply, options), links);
    }

    private static List<ResponseMessage> messages(TurnReply reply) {
        List<ResponseMessage> messages = new ArrayList<>();
        if (reply.messages() == null) {
            return messages;
        }
        for (OutboundMessage message : reply.messages()) {
            Schedule schedule = new Schedule(Math.max(0, message.responseDelayMilliseconds()));
            switch (message.type()) {
                case "text" -> messages.add(new TextResponseMessage("text", message.id(), message.text(), schedule));
                case "choices" -> messages.add(new ChoicesResponseMessage("choices", message.id(),
                        message.choices() == null ? List.of() : message.choices().stream()
                                .map(c -> new Choice(c.label(), c.alias(), c.id())).toList(),
                        message.widget() == null ? "buttons" : message.widget(), schedule));
                case "escalate" -> messages.add(new EscalateResponseMessage("escalate", message.id(),
                        message.targets() == null ? List.of() : message.targets().stream()
                                .map(t -> new Target(t.type(), t.value())).toList(),
                        schedule));
                case "sessionEnded" -> messages.add(new SessionEndedResponseMessage("sessionEnded", message.id(),
                        message.reason(), schedule));
                case null, default -> log.warn("Dropping bot message {} of type {} that API v5.1.0 cannot carry",
                        message.id(), message.type());
            }
        }
        return messages;
    }

    private static List<ResponseVariable> variables(TurnReply reply, ResponseOptions options) {
        if (options == null || options.variables() == null || !options.variables().include()) {
            return null;
        }
        List<String> filter = options.variables().filter();
        Set<String> wanted = filter == null || filter.isEmpty() ? null : new HashSet<>(filter);
        if (reply.variables() == null) {
            return List.of();
        }
        // a reply recorded before the runtime reported changes says null: then every variable counts as changed
        Set<String> changed = options.variables().onlyChanged() && reply.changedVariables() != null
                ? new HashSet<>(reply.changedVariables()) : null;
        return reply.variables().stream()
                .filter(v -> wanted == null || wanted.contains(v.name()))
                .filter(v -> changed == null || changed.contains(v.name()))
                .map(v -> new ResponseVariable(v.name(), v.type(), v.value()))
                .toList();
    }

    private String messagesUrl(String sessionId) {
        return sessionUrl(sessionId) + "/messages";
    }

    private String sessionUrl(String sessionId) {
        return baseUrl + "/v5.1.0/sessions/" + segment(sessionId);
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
