package dev.parley.gateway.botapi;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Rich content the client can show; the spec allows extra fields on these objects. */
@JsonIgnoreProperties(ignoreUnknown = true)
record RichContentCapability(List<MessageTypeCapability> messageTypes) {

    RichContentCapability {
        messageTypes = Fields.notEmpty("messageTypes", messageTypes, 10);
    }

    /** One message type and the formats the client supports for it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageTypeCapability(String messageType, List<FormatTypeCapability> formatTypes) {

        MessageTypeCapability {
            Fields.required("messageType", messageType);
            Fields.oneOf("messageType", messageType, List.of("StaticContentMessage"));
            formatTypes = Fields.notEmpty("formatTypes", formatTypes, 10);
        }
    }

    /** One output format. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record FormatTypeCapability(String formatType) {

        FormatTypeCapability {
            Fields.required("formatType", formatType);
            Fields.oneOf("formatType", formatType, List.of("Attachments", "RichLink", "Text"));
        }
    }
}
