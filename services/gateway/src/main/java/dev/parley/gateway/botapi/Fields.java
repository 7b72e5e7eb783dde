package dev.parley.gateway.botapi;

import java.util.Collection;
import java.util.List;

/** Checks request records run in their constructors; each failure names the field and what is wrong with it. */
final class Fields {

    /** Longest accepted text of a message, in characters. */
    static final int MAX_TEXT_LENGTH = 4000;

    /** Longest accepted {@code externalSessionKey}. */
    static final int MAX_EXTERNAL_SESSION_KEY_LENGTH = 255;

    /** Most variables accepted in one request. */
    static final int MAX_VARIABLES = 100;

    /** Longest accepted id, name or other short string. */
    static final int MAX_SHORT_STRING_LENGTH = 255;

    private Fields() {
    }

    static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, "is required");
        }
        return value;
    }

    static String requiredText(String field, String value, int maxLength) {
        required(field, value);
        if (value.isBlank()) {
            throw new InvalidFieldException(field, "must not be blank");
        }
        return maxLength(field, value, maxLength);
    }

    static String maxLength(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidFieldException(field, "must be at most " + maxLength + " characters, was "
                    + value.length());
        }
        return value;
    }

    static long positive(String field, Long value) {
        required(field, value);
        if (value <= 0) {
            throw new InvalidFieldException(field, "must be a positive integer, was " + value);
        }
        return value;
    }

    static String oneOf(String field, String value, Collection<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new InvalidFieldException(field, "must be one of " + String.join(", ", allowed) + ", was '"
                    + abbreviate(value) + "'");
        }
        return value;
    }

    /** An immutable copy of {@code values} (or {@code null}), refusing null entries and more than {@code max}. */
    static <T> List<T> atMost(String field, List<T> values, int max) {
        if (values == null) {
            return null;
        }
        if (values.size() > max) {
            throw new InvalidFieldException(field, "must have at most " + max + " entries, had " + values.size());
        }
        for (int i = 0; i < values.size(); i++) {
            required(field + "[" + i + "]", values.get(i));
        }
        return List.copyOf(values);
    }

    static <T> List<T> notEmpty(String field, List<T> values, int max) {
        required(field, values);
        if (values.isEmpty()) {
            throw new InvalidFieldException(field, "must not be empty");
        }
        return atMost(field, values, max);
    }

    /** Keeps echoed client values short. */
    static String abbreviate(String value) {
        return value.length() <= 64 ? value : value.substring(0, 61) + "...";
    }
}
