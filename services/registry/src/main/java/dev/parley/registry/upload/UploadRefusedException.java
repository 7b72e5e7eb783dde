package dev.parley.registry.upload;

import dev.parley.registry.api.RegistryErrorCodes;
import org.springframework.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** An upload refused before parsing: too large, unsafe, malformed or of the wrong type. Nothing was stored. */
public class UploadRefusedException extends RuntimeException {

    private final HttpStatus status;
    private final String code;
    private final Map<String, Object> properties;

    private UploadRefusedException(HttpStatus status, String code, String message, Map<String, Object> properties) {
        super(message);
        this.status = status;
        this.code = code;
        this.properties = Map.copyOf(properties);
    }

    /** The HTTP status to answer with. */
    public HttpStatus status() {
        return status;
    }

    /** One of {@link RegistryErrorCodes}. */
    public String code() {
        return code;
    }

    /** Extra problem-detail properties (the limit, the file concerned). */
    public Map<String, Object> properties() {
        return properties;
    }

    static UploadRefusedException badRequest(String code, String message) {
        return new UploadRefusedException(HttpStatus.BAD_REQUEST, code, message, Map.of());
    }

    static UploadRefusedException badRequest(String code, String message, String file) {
        return new UploadRefusedException(HttpStatus.BAD_REQUEST, code, message, Map.of("file", file));
    }

    static UploadRefusedException tooLarge(String code, String message, long limit, String file) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("limit", limit);
        if (file != null) {
            properties.put("file", file);
        }
        return new UploadRefusedException(HttpStatus.CONTENT_TOO_LARGE, code, message, properties);
    }

    static UploadRefusedException unsupportedType(String type, Iterable<String> accepted) {
        return new UploadRefusedException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, RegistryErrorCodes.UPLOAD_UNSUPPORTED_TYPE,
                "Content type '" + type + "' is not accepted for uploads", Map.of("accepted", accepted));
    }
}
