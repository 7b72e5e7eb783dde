package dev.parley.eventsconsumer.ingest;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one record of the turn-events topic (JSON of {@code dev.parley.runtime.api.TurnEvent}) into an
 * {@link IncomingEvent}, or says precisely why it cannot. Unknown fields and types are kept; NUL characters, which
 * PostgreSQL cannot store, become U+FFFD.
 */
@Component
class TurnEventParser {

    private final JsonMapper json;

    TurnEventParser(JsonMapper json) {
        this.json = json;
    }

    IncomingEvent parse(String value, int partition, long offset) {
        if (value == null || value.isBlank()) {
            throw new PoisonEventException("the record has no value");
        }
        JsonNode root;
        String rawData;
        try {
            Root read = readRoot(value);
            root = read.root();
            rawData = read.rawData();
        } catch (JacksonException e) {
            throw new PoisonEventException("the value is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PoisonEventException("the value is not a JSON object");
        }
        if (value.contains("\\u0000")) {
            root = withoutNul(root);
            rawData = null;
        } else if (rawData != null && (rawData.contains("\\ud") || rawData.contains("\\uD"))) {
            // PostgreSQL refuses escaped lone surrogates in JSON text; written from the tree they are stored as before
            rawData = null;
        }
        UUID eventId = eventId(root);
        ObjectNode data = data(root);
        return new IncomingEvent(eventId, required(root, "type"), schemaVersion(root), required(root, "orgId"),
                required(root, "botId"), required(root, "botVersion"), required(root, "sessionId"),
                occurredAt(root), turn(root), optionalLong(root, "sequenceId"), optionalText(root, "requestId"),
                optionalText(data, "dialog"), optionalText(data, "step"), data, privateDataLogged(data), partition,
                offset, rawData);
    }

    /** The parsed value, and the exact text of its {@code data} object (so it need not be written again). */
    private record Root(JsonNode root, String rawData) {
    }

    /**
     * Reads the value as a tree, keeping the source text of {@code data}. Streams the top level so that the offsets
     * of {@code data} are known; anything that is not an object is read as a whole tree, for the same error messages.
     */
    private Root readRoot(String value) {
        try (JsonParser parser = json.createParser(value)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return new Root(json.readTree(value), null);
            }
            ObjectNode root = json.createObjectNode();
            String rawData = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                boolean isData = "data".equals(name);
                long start = isData && token == JsonToken.START_OBJECT ? parser.currentTokenLocation().getCharOffset()
                        : -1;
                JsonNode node = parser.readValueAsTree();
                root.set(name, node == null ? json.nullNode() : node);
                if (isData) {
                    long end = start < 0 ? -1 : parser.currentLocation().getCharOffset();
                    rawData = start >= 0 && end > start && end <= value.length()
                            && value.charAt((int) start) == '{' && value.charAt((int) end - 1) == '}'
                            ? value.substring((int) start, (int) end) : null;
                }
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                // an unterminated object or trailing content: let the tree reader describe it
                return new Root(json.readTree(value), null);
            }
            return new Root(root, rawData);
        }
    }

    private static UUID eventId(JsonNode root) {
        String text = required(root, "eventId");
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("eventId '" + clip(text) + "' is not a UUID");
        }
    }

    private ObjectNode data(JsonNode root) {
        JsonNode data = root.get("data");
        if (data == null || data.isNull()) {
            return json.createObjectNode();
        }
        if (!data.isObject()) {
            throw new PoisonEventException("data must be a JSON object but was " + data.getNodeType());
        }
        return (ObjectNode) data;
    }

    private static int schemaVersion(JsonNode root) {
        JsonNode node = root.get("schemaVersion");
        if (node == null || node.isNull()) {
            return 1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new PoisonEventException("schemaVersion must be an integer but was " + clip(node.toString()));
        }
        return node.intValue();
    }

    private static long turn(JsonNode root) {
        JsonNode node = root.get("turn");
        if (node == null || node.isNull()) {
            throw new PoisonEventException("turn is missing");
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new PoisonEventException("turn must be a non-negative integer but was " + clip(node.toString()));
        }
        return node.longValue();
    }

    private static Instant occurredAt(JsonNode root) {
        JsonNode node = root.get("occurredAt");
        if (node == null || node.isNull()) {
            throw new PoisonEventException("occurredAt is missing");
        }
        if (node.isNumber()) {
            // Jackson's numeric form of an Instant: epoch seconds with a nanosecond fraction
            BigDecimal seconds = node.decimalValue();
            BigDecimal whole = seconds.setScale(0, RoundingMode.FLOOR);
            try {
                return Instant.ofEpochSecond(whole.longValueExact(), seconds.subtract(whole).movePointRight(9).longValue());
            } catch (ArithmeticException | DateTimeException e) {
                throw new PoisonEventException("occurredAt " + clip(node.toString()) + " is out of range");
            }
        }
        String text = node.asString();
        Instant fast = IsoInstants.parse(text);
        if (fast != null) {
            return fast;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("occurredAt '" + clip(text) + "' is not an ISO-8601 instant");
        }
    }

    private static Boolean privateDataLogged(ObjectNode data) {
        JsonNode node = data.get("logPrivateConversationData");
        if (node == null || node.isNull()) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        // be strict only about "false": anything else that is not "true" also asks for redaction
        return "true".equalsIgnoreCase(node.asString().strip());
    }

    private static String required(JsonNode node, String field) {
        String text = optionalText(node, field);
        if (text == null || text.isBlank()) {
            throw new PoisonEventException(field + " is missing");
        }
        return text;
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainer()) {
            throw new PoisonEventException(field + " must be a string but was " + value.getNodeType());
        }
        return value.asString();
    }

    private static Long optionalLong(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new PoisonEventException(field + " must be an integer but was " + clip(value.toString()));
        }
        return value.longValue();
    }

    private static JsonNode withoutNul(JsonNode node) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (node.isString()) {
            return nodes.stringNode(node.stringValue().replace('\u0000', '\uFFFD'));
        }
        if (node.isObject()) {
            ObjectNode copy = nodes.objectNode();
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                copy.set(field.getKey().replace('\u0000', '\uFFFD'), withoutNul(field.getValue()));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = nodes.arrayNode();
            node.forEach(element -> copy.add(withoutNul(element)));
            return copy;
        }
        return node;
    }

    private static String clip(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
