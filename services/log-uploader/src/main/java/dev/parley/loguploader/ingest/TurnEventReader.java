package dev.parley.loguploader.ingest;

import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a record of the turn-events topic. Routing needs only a few top-level fields, so they are pulled with a
 * streaming parser and the record's own JSON is what destinations receive, fields a newer producer adds included;
 * only events that must be redacted are parsed into a tree and written again.
 */
@Component
class TurnEventReader {

    private final JsonMapper json;

    TurnEventReader(JsonMapper json) {
        this.json = json;
    }

    /** The event's routing facts; throws when the record cannot be a turn event. */
    IncomingEvent read(String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("the record has no value");
        }
        String eventId = null;
        String orgId = null;
        String botId = null;
        String sessionId = null;
        boolean privateData = false;
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new PoisonEventException("the record is not a JSON object");
            }
            for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                JsonToken token = parser.nextToken();
                switch (name) {
                    case "eventId" -> eventId = text(parser, token);
                    case "orgId" -> orgId = text(parser, token);
                    case "botId" -> botId = text(parser, token);
                    case "sessionId" -> sessionId = text(parser, token);
                    case "data" -> privateData = token == JsonToken.START_OBJECT ? privateFlag(parser)
                            : skip(parser);
                    default -> parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new PoisonEventException("the record holds more than one JSON value");
            }
        } catch (JacksonException e) {
            throw new PoisonEventException("the record is not JSON: " + e.getOriginalMessage());
        }
        return new IncomingEvent(uuid(eventId), required("orgId", orgId), botId == null ? "" : botId,
                required("sessionId", sessionId), value, privateData);
    }

    /** The JSON a destination receives for this event: redacted when its bot keeps conversations private. */
    String render(IncomingEvent event) {
        if (!event.privateData()) {
            return event.json();
        }
        JsonNode tree = json.readTree(event.json());
        Redaction.apply((ObjectNode) tree);
        return json.writeValueAsString(tree);
    }

    /** Reads a {@code data} object for {@code logPrivateConversationData: false}, skipping everything else. */
    private static boolean privateFlag(JsonParser parser) {
        boolean privateData = false;
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (name.equals("logPrivateConversationData")) {
                privateData = token == JsonToken.VALUE_FALSE
                        || (token == JsonToken.VALUE_STRING && "false".equalsIgnoreCase(parser.getString()));
            } else {
                parser.skipChildren();
            }
        }
        return privateData;
    }

    private static boolean skip(JsonParser parser) {
        parser.skipChildren();
        return false;
    }

    private static String text(JsonParser parser, JsonToken token) {
        if (token == JsonToken.VALUE_STRING) {
            return parser.getString();
        }
        parser.skipChildren();
        return null;
    }

    private static UUID uuid(String value) {
        if (value != null && value.length() == 36) {
            try {
                return UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                // reported below
            }
        }
        throw new PoisonEventException("eventId is missing or not a UUID");
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException(field + " is missing or not a string");
        }
        return value;
    }

    /**
     * A turn event with the facts routing needs.
     *
     * @param json        the record's JSON as produced
     * @param privateData whether its bot keeps conversations private, so it must be redacted before it leaves
     */
    record IncomingEvent(UUID eventId, String orgId, String botId, String sessionId, String json,
            boolean privateData) {
    }
}
