package dev.parley.gateway.botapi;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.InvalidTypeIdException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads Bot API request bodies exactly as the spec allows: JSON only, at most {@link #MAX_BODY_BYTES}, no unknown
 * fields ({@code additionalProperties: false}), no type coercion, no duplicate keys. Every refusal names the field.
 * It has its own strict mapper; the application's mapper stays lenient for everything else.
 */
@Component
class BotApiRequestReader {

    /** Largest accepted request body. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private static final Pattern SOURCE_REFERENCE =
            Pattern.compile("\\s*\\((start marker )?at \\[Source:[^\\]]*\\]\\)");

    private final JsonMapper strictMapper = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** The request body as {@code type}, or a {@link BotApiException} saying exactly what is wrong with it. */
    <T> T read(HttpServletRequest request, Class<T> type) {
        checkContentType(request.getContentType());
        byte[] body = readBody(request);
        if (body.length == 0) {
            throw new InvalidRequestException("Request body is required");
        }
        T value;
        try {
            value = strictMapper.readValue(body, type);
        }
        catch (InvalidFieldException e) {
            throw e;
        }
        catch (JacksonException e) {
            throw translate(e);
        }
        if (value == null) {
            // A literal JSON null.
            throw new InvalidRequestException("Request body must be an object");
        }
        return value;
    }

    private static void checkContentType(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return;
        }
        MediaType mediaType;
        try {
            mediaType = MediaType.parseMediaType(contentType);
        }
        catch (InvalidMediaTypeException e) {
            throw new UnsupportedContentTypeException(Fields.abbreviate(contentType));
        }
        boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(mediaType)
                || (mediaType.getSubtype() != null && mediaType.getSubtype().endsWith("+json"));
        if (!json || mediaType.isWildcardType() || mediaType.isWildcardSubtype()) {
            throw new UnsupportedContentTypeException(Fields.abbreviate(contentType));
        }
    }

    private static byte[] readBody(HttpServletRequest request) {
        if (request.getContentLengthLong() > MAX_BODY_BYTES) {
            throw new RequestBodyTooLargeException(MAX_BODY_BYTES);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new RequestBodyTooLargeException(MAX_BODY_BYTES);
            }
            return body;
        }
        catch (IOException e) {
            throw new InvalidRequestException("Request body could not be read");
        }
    }

    private static RuntimeException translate(JacksonException e) {
        String path = path(e.getPath());
        if (e instanceof ValueInstantiationException && e.getCause() instanceof InvalidFieldException field) {
            return field.under(path);
        }
        if (e instanceof UnrecognizedPropertyException) {
            return new InvalidRequestException("Unknown field '" + path + "'");
        }
        if (e instanceof InvalidTypeIdException typeId) {
            String field = path.isEmpty() ? "type" : path + ".type";
            return typeId.getTypeId() == null
                    ? new InvalidFieldException(field, "is required")
                    : new InvalidFieldException(field, "must be one of " + RequestMessage.TYPES + ", was '"
                            + Fields.abbreviate(typeId.getTypeId()) + "'");
        }
        if (e instanceof MismatchedInputException
                && String.valueOf(e.getOriginalMessage()).startsWith("Trailing token")) {
            return new InvalidRequestException("Malformed JSON: unexpected content after the request object");
        }
        if (e instanceof MismatchedInputException mismatch) {
            String expected = describe(mismatch.getTargetType());
            return path.isEmpty()
                    ? new InvalidRequestException("Request body must be " + expected)
                    : new InvalidFieldException(path, "must be " + expected);
        }
        if (e instanceof InputCoercionException) {
            return path.isEmpty() ? new InvalidRequestException("Request body holds a number out of range")
                    : new InvalidFieldException(path, "is out of range");
        }
        if (e instanceof StreamReadException read) {
            return new InvalidRequestException("Malformed JSON" + location(read) + ": " + parserMessage(read));
        }
        if (e instanceof ValueInstantiationException) {
            // Not one of our field checks: a bug, not the client's fault. Let the handler log it as a 500.
            return e;
        }
        return new InvalidRequestException("Request body is not valid: " + e.getOriginalMessage());
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            }
            else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** The parser's own words, without its source-location suffix. */
    private static String parserMessage(StreamReadException e) {
        String message = String.valueOf(e.getOriginalMessage());
        message = SOURCE_REFERENCE.matcher(message).replaceAll("");
        int newline = message.indexOf('\n');
        message = newline < 0 ? message : message.substring(0, newline);
        return message.length() <= 200 ? message : message.substring(0, 197) + "...";
    }

    private static String location(StreamReadException e) {
        return e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
    }

    private static String describe(Class<?> type) {
        if (type == null) {
            return "of another type";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type == Long.class || type == Integer.class || type == long.class || type == int.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }
}
