package dev.parley.eventsconsumer.ingest;

import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
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
        try {
            root = json.readTree(value);
        } catch (JacksonException e) {
            throw new PoisonEventException("the value is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw new PoisonEventException("the value is not a JSON object");
        }
        if (value.contains("\\u0000")) {
            root = withoutNul(root);
        }
        UUID eventId = eventId(root);
        ObjectNode data = data(root);
        return new IncomingEvent(eventId, required(root, "type"), schemaVersion(root), required(root, "orgId"),
                required(root, "botId"), required(root, "botVersion"), required(root, "sessionId"),
                occurredAt(root), turn(root), optionalLong(root, "sequenceId"), optionalText(root, "requestId"),
                optionalText(data, "dialog"), optionalText(data, "step"), data, privateDataLogged(data), partition,
                offset);
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
