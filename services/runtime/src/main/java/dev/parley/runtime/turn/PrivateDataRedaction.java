package dev.parley.runtime.turn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes what a customer typed from turn events of bots whose {@code logPrivateConversationData} is off, before the
 * events reach the outbox: nothing private is stored in Redis or published to Kafka. Consumers redact again by the same
 * rules, so events from an older runtime are covered too.
 */
final class PrivateDataRedaction {

    /** What replaces a redacted value. */
    static final String REDACTED = "[redacted]";

    /** The flag every event of such a session carries. */
    static final String FLAG = "logPrivateConversationData";

    private static final Map<String, Set<String>> REDACTED_KEYS = Map.of(
            "MessageReceived", Set.of("text"),
            "InputNotUnderstood", Set.of("text"),
            "VariableChanged", Set.of("value", "previousValue"),
            "EffectRequested", Set.of("inputs"),
            "EffectCompleted", Set.of("outputs"),
            "IntentMatched", Set.of("utterance"),
            "SessionStarted", Set.of("contextVariables"));

    private PrivateDataRedaction() {
    }

    /**
     * The event's data with user-entered values replaced and the flag added; the bot's own messages lose every
     * occurrence of {@code privateValues}
     * (the session's variable values), which merge fields like {@code {!Email}} put there. Values shorter than two
     * characters are left, so that a collected "2" does not blank every digit of a message.
     */
    static Map<String, Object> redact(String type, Map<String, Object> data, List<String> privateValues) {
        Set<String> keys = REDACTED_KEYS.getOrDefault(type, Set.of());
        Map<String, Object> redacted = new LinkedHashMap<>(data);
        if ("MessageSent".equals(type) && redacted.get("text") instanceof String text) {
            for (String value : privateValues) {
                if (value.length() >= 2) {
                    text = text.replace(value, REDACTED);
                }
            }
            redacted.put("text", text);
        }
        for (String key : keys) {
            Object value = redacted.get(key);
            if (value != null) {
                redacted.put(key, redactValue(value));
            }
        }
        redacted.put(FLAG, false);
        return redacted;
    }

    /** Maps keep their keys (which parameter or variable was involved is not private); values go. */
    private static Object redactValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> keysOnly = new LinkedHashMap<>();
            map.keySet().forEach(k -> keysOnly.put(k, REDACTED));
            return keysOnly;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(item -> REDACTED).toList();
        }
        return REDACTED;
    }
}
