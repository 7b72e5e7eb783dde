package dev.parley.eventsconsumer.ingest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

import java.util.List;
import java.util.Map;

/**
 * Replaces user-entered values in an event's {@code data} with {@value #REDACTED} (docs: EVENTS.md, "Private data").
 * Idempotent. Besides the contract's list it also redacts {@code IntentMatched.utterance}, which is what the user typed.
 */
final class Redaction {

    static final String REDACTED = "[redacted]";

    private static final StringNode REDACTED_NODE = StringNode.valueOf(REDACTED);

    /** Per event type, the data keys whose whole value is user-entered. */
    private static final Map<String, List<String>> USER_VALUES = Map.of(
            "MessageReceived", List.of("text"),
            "InputNotUnderstood", List.of("text"),
            "IntentMatched", List.of("utterance"),
            "VariableChanged", List.of("value", "previousValue"),
            "EffectRequested", List.of("inputs"),
            "EffectCompleted", List.of("outputs"));

    private Redaction() {
    }

    /** Redacts {@code data} of an event of {@code type} in place. */
    static void redact(String type, ObjectNode data) {
        for (String key : USER_VALUES.getOrDefault(type, List.of())) {
            JsonNode value = data.get(key);
            if (value != null && !value.isNull()) {
                data.set(key, REDACTED_NODE);
            }
        }
        // variable names stay readable, their values do not
        JsonNode context = data.get("contextVariables");
        if (context instanceof ObjectNode variables) {
            for (String name : List.copyOf(variables.propertyNames())) {
                if (!variables.get(name).isNull()) {
                    variables.set(name, REDACTED_NODE);
                }
            }
        } else if (context != null && !context.isNull()) {
            data.set("contextVariables", REDACTED_NODE);
        }
    }
}
