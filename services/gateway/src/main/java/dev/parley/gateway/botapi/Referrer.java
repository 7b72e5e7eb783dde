package dev.parley.gateway.botapi;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Who transferred the session here; the spec allows extra fields on it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Referrer(String type, String value) {

    private static final List<String> TYPES = List.of("Salesforce:Core:Bot:Id", "Salesforce:BotRuntime:Session:Id");

    Referrer {
        Fields.required("type", type);
        Fields.oneOf("type", type, TYPES);
        Fields.requiredText("value", value, Fields.MAX_SHORT_STRING_LENGTH);
    }
}
