package dev.parley.loguploader.ingest;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * Removes user-entered values from the events of bots that do not log private conversation data (EVENTS.md):
 * applied to every event whose {@code data.logPrivateConversationData} is false, before it is stored or sent.
 * Idempotent: redacting {@value #REDACTED} gives {@value #REDACTED}.
 */
final class Redaction {

    static final String REDACTED = "[redacted]";

    private Redaction() {
    }

    /** Redacts the event in place when its bot keeps conversations private; answers whether it did. */
    static boolean apply(ObjectNode event) {
        if (!(event.get("data") instanceof ObjectNode data) || !privateData(data.get("logPrivateConversationData"))) {
            return false;
        }
        JsonNode type = event.get("type");
        switch (type != null && type.isString() ? type.stringValue() : "") {
            case "MessageReceived", "InputNotUnderstood" -> whole(data, "text");
            // values may derive from user input whatever their source
            case "VariableChanged" -> {
                whole(data, "value");
                whole(data, "previousValue");
            }
            // the utterance is what the user typed
            case "IntentMatched" -> whole(data, "utterance");
            case "EffectRequested" -> values(data, "inputs");
            case "EffectCompleted" -> values(data, "outputs");
            case "SessionStarted" -> values(data, "contextVariables");
            default -> {
                // other types carry no user-entered values
            }
        }
        return true;
    }

    private static boolean privateData(JsonNode flag) {
        if (flag == null) {
            return false;
        }
        return flag.isBoolean() ? !flag.booleanValue() : flag.isString() && "false".equalsIgnoreCase(flag.stringValue());
    }

    private static void whole(ObjectNode data, String field) {
        JsonNode value = data.get(field);
        if (value != null && !value.isNull()) {
            data.set(field, StringNode.valueOf(REDACTED));
        }
    }

    /** Keeps the names of a map (they come from the bot, not the user) and redacts each value. */
    private static void values(ObjectNode data, String field) {
        JsonNode value = data.get(field);
        if (value instanceof ObjectNode map) {
            for (String name : List.copyOf(map.propertyNames())) {
                if (!map.get(name).isNull()) {
                    map.set(name, StringNode.valueOf(REDACTED));
                }
            }
        } else {
            whole(data, field);
        }
    }
}
