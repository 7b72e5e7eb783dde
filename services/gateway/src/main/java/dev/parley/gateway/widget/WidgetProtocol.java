package dev.parley.gateway.widget;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.parley.gateway.channels.WebhookInput;
import dev.parley.runtime.api.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Protocol version 1 of the widget, on the wire as JSON text (one object per WebSocket frame or HTTP body): reads and
 * checks client frames, writes server frames, and renders the bot's messages and the visitor's echoes as events.
 * docs/widget/protocol.md describes it.
 */
class WidgetProtocol {

    static final int VERSION = 1;

    static final String PING = "{\"type\":\"ping\"}";

    static final String PONG = "{\"type\":\"pong\"}";

    private static final Logger log = LoggerFactory.getLogger(WidgetProtocol.class);

    private static final Pattern FRAME_ID = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private static final int MAX_LABEL_LENGTH = 200;

    private static final int MAX_CHOICE_ID_LENGTH = 256;

    private final JsonMapper json;

    private final int maxTextLength;

    WidgetProtocol(JsonMapper json, int maxTextLength) {
        this.json = json;
        this.maxTextLength = maxTextLength;
    }

    /** What every client frame may carry; which fields matter depends on {@code type}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record RawFrame(String type, Integer v, String token, Long lastSeq, String id, String text, String choiceId,
            String label, Long seq) {
    }

    /** Reads one client frame; {@link InvalidFrameException} says precisely what is wrong. */
    ClientFrame read(String text) {
        RawFrame raw;
        try {
            raw = json.readValue(text, RawFrame.class);
        }
        catch (DatabindException e) {
            String field = e.getPath().isEmpty() ? null : e.getPath().getLast().getPropertyName();
            throw new InvalidFrameException(field == null ? "The frame is not a JSON object"
                    : "Field '" + field + "' of the frame has the wrong type");
        }
        catch (JacksonException e) {
            throw new InvalidFrameException("The frame is not valid JSON");
        }
        if (raw == null) {
            throw new InvalidFrameException("The frame is not a JSON object");
        }
        return check(raw);
    }

    /** Checks a frame read elsewhere (an HTTP body). */
    ClientFrame check(RawFrame raw) {
        String type = raw.type();
        if (type == null) {
            throw new InvalidFrameException("The frame has no 'type'");
        }
        return switch (type) {
            case "hello" -> hello(raw);
            case "start" -> new ClientFrame.Start(id(raw));
            case "message" -> {
                String id = id(raw);
                String text = raw.text();
                if (text == null || text.isBlank()) {
                    throw new InvalidFrameException(id, "A message needs a non-blank 'text'");
                }
                if (text.length() > maxTextLength) {
                    throw new InvalidFrameException(id, "'text' may have at most " + maxTextLength
                            + " characters, had " + text.length());
                }
                yield new ClientFrame.Say(id, text);
            }
            case "choice" -> {
                String id = id(raw);
                String choiceId = raw.choiceId();
                if (choiceId == null || choiceId.isBlank() || choiceId.length() > MAX_CHOICE_ID_LENGTH) {
                    throw new InvalidFrameException(id, "A choice needs a 'choiceId' of 1-" + MAX_CHOICE_ID_LENGTH
                            + " characters");
                }
                String label = raw.label();
                if (label != null && label.length() > MAX_LABEL_LENGTH) {
                    label = label.substring(0, MAX_LABEL_LENGTH);
                }
                yield new ClientFrame.Choose(id, choiceId, label);
            }
            case "end" -> new ClientFrame.End(id(raw));
            case "ack" -> {
                if (raw.seq() == null || raw.seq() < 0) {
                    throw new InvalidFrameException("An ack needs a 'seq' of 0 or more");
                }
                yield new ClientFrame.Ack(raw.seq());
            }
            case "ping" -> new ClientFrame.Ping();
            case "pong" -> new ClientFrame.Pong();
            default -> throw new InvalidFrameException("Unknown frame type '" + WebhookInput.abbreviate(type)
                    + "'; expected hello, start, message, choice, end, ack, ping or pong");
        };
    }

    private static ClientFrame.Hello hello(RawFrame raw) {
        if (raw.v() != null && raw.v() != VERSION) {
            throw new InvalidFrameException("Protocol version " + raw.v() + " is not supported; this gateway speaks "
                    + VERSION);
        }
        long lastSeq = raw.lastSeq() == null ? 0 : raw.lastSeq();
        if (lastSeq < 0) {
            throw new InvalidFrameException("'lastSeq' must be 0 or more, was " + lastSeq);
        }
        String token = raw.token() == null || raw.token().isEmpty() ? null : raw.token();
        return new ClientFrame.Hello(token, lastSeq);
    }

    private static String id(RawFrame raw) {
        String id = raw.id();
        if (id == null || !FRAME_ID.matcher(id).matches()) {
            throw new InvalidFrameException("A " + raw.type() + " frame needs an 'id' of 1-64 characters of "
                    + "[A-Za-z0-9_.:-], was " + (id == null ? "missing" : "'" + WebhookInput.abbreviate(id) + "'"));
        }
        return id;
    }

    // ---- server frames

    /**
     * {@code welcome}: the conversation the connection is now attached to, how often the server pings, and the
     * largest frame (in characters of its JSON) the server takes.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Welcome(String type, int v, String token, boolean resumed, long lastSeq, long heartbeatMs,
            long maxFrameChars) {

        Welcome(String token, boolean resumed, long lastSeq, long heartbeatMs, long maxFrameChars) {
            this("welcome", VERSION, token, resumed, lastSeq, heartbeatMs, maxFrameChars);
        }
    }

    /** {@code ack}: the frame {@code id} was processed; its events have seqs up to {@code seq}. */
    record Acknowledged(String type, String id, long seq) {

        Acknowledged(String id, long seq) {
            this("ack", id, seq);
        }
    }

    /** {@code error}: a frame (or the connection) was refused. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Error(String type, String id, String code, String message, boolean retryable, Long retryAfterMs) {

        Error(String id, String code, String message, boolean retryable, Long retryAfterMs) {
            this("error", id, code, message, retryable, retryAfterMs);
        }
    }

    /** The events of {@code GET .../events}. */
    record Events(List<Object> events) {
    }

    String write(Object frame) {
        return json.writeValueAsString(frame);
    }

    // ---- events (stored without seq; WidgetStore numbers them)

    /** One event of the transcript; which fields are set depends on {@code kind}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Event(String kind, String id, String text, String choiceId, String widget, List<ChoiceItem> choices,
            List<Target> targets, String reason, Integer delayMs) {
    }

    /** One option of a {@code choices} event. */
    record ChoiceItem(String id, String label) {
    }

    /** Where an {@code escalate} event transfers to. */
    record Target(String type, String value) {
    }

    /** The echo of what the visitor sent, so every tab (and a reloaded page) shows it once. */
    String userEvent(String messageId, String text, String choiceId) {
        return write(new Event("user", messageId, text, choiceId, null, null, null, null, null));
    }

    /** The bot's messages as events; types this protocol does not know are left out (and logged). */
    List<String> botEvents(List<OutboundMessage> messages) {
        List<String> events = new ArrayList<>(messages.size());
        for (OutboundMessage m : messages) {
            Integer delay = m.responseDelayMilliseconds() > 0 ? m.responseDelayMilliseconds() : null;
            Event event = switch (m.type()) {
                case "text" -> new Event("text", m.id(), m.text(), null, null, null, null, null, delay);
                case "choices" -> new Event("choices", m.id(), null, null,
                        "menu".equals(m.widget()) ? "menu" : "buttons",
                        m.choices() == null ? List.of()
                                : m.choices().stream().map(c -> new ChoiceItem(c.id(), c.label())).toList(),
                        null, null, delay);
                case "escalate" -> new Event("escalate", m.id(), null, null, null, null,
                        m.targets() == null ? List.of()
                                : m.targets().stream().map(t -> new Target(t.type(), t.value())).toList(),
                        null, delay);
                case "sessionEnded" -> new Event("sessionEnded", m.id(), null, null, null, null, null, m.reason(),
                        delay);
                default -> null;
            };
            if (event == null) {
                log.warn("Bot message type {} has no widget rendering; left out", m.type());
                continue;
            }
            events.add(write(event));
        }
        return events;
    }

    /** A {@code sessionEnded} event the gateway adds when the runtime's reply to an end had none. */
    String sessionEndedEvent(String id, String reason) {
        return write(new Event("sessionEnded", id, null, null, null, null, null, reason, null));
    }
}
