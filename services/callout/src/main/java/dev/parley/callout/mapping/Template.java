package dev.parley.callout.mapping;

import dev.parley.callout.CalloutFailure;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.json.JsonMapper;

/**
 * A text with {@code {!input}} placeholders, filled from an invocation's inputs with the escaping its context needs:
 * percent-encoding in URLs, verbatim (no CR/LF) in headers, JSON string content or a JSON value in JSON bodies
 * (depending on whether the placeholder sits inside a JSON string), SOQL literals in queries.
 */
public final class Template {

    /** Where a template's text ends up, which decides how values are escaped. */
    public enum Context {
        URL, HEADER, JSON, SOQL
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]{0,79}");

    private record Segment(String literal, String placeholder, boolean inJsonString) {
    }

    private final Context context;
    private final List<Segment> segments;

    private Template(Context context, List<Segment> segments) {
        this.context = context;
        this.segments = segments;
    }

    /**
     * Parses {@code text}.
     *
     * @throws IllegalArgumentException naming the position of an unterminated placeholder or a bad placeholder name
     */
    public static Template parse(String text, Context context) {
        List<Segment> segments = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        boolean inString = false;
        boolean escaped = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '!') {
                int end = text.indexOf('}', i + 2);
                if (end == -1) {
                    throw new IllegalArgumentException("unterminated placeholder at position " + i);
                }
                String name = text.substring(i + 2, end);
                if (!NAME.matcher(name).matches()) {
                    throw new IllegalArgumentException("invalid placeholder name '" + name + "' at position " + i
                            + " (letters, digits, '_' and '.', starting with a letter or '_')");
                }
                segments.add(new Segment(literal.toString(), null, false));
                literal.setLength(0);
                segments.add(new Segment(null, name, inString));
                escaped = false;
                i = end + 1;
                continue;
            }
            if (context == Context.JSON) {
                if (escaped) {
                    escaped = false;
                } else if (inString && c == '\\') {
                    escaped = true;
                } else if (c == '"') {
                    inString = !inString;
                }
            }
            literal.append(c);
            i++;
        }
        segments.add(new Segment(literal.toString(), null, false));
        return new Template(context, List.copyOf(segments));
    }

    /** The input names the template uses. */
    public Set<String> placeholders() {
        Set<String> names = new LinkedHashSet<>();
        for (Segment segment : segments) {
            if (segment.placeholder != null) {
                names.add(segment.placeholder);
            }
        }
        return names;
    }

    /**
     * Fills the placeholders.
     *
     * @param what names the template in errors ({@code http.urlTemplate})
     * @throws CalloutFailure MAPPING_ERROR when an input is missing or its value cannot go where the placeholder is
     */
    public String fill(Map<String, Object> inputs, JsonMapper json, String what) {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.placeholder == null) {
                out.append(segment.literal);
                continue;
            }
            if (!inputs.containsKey(segment.placeholder)) {
                throw CalloutFailure.mapping("input '" + segment.placeholder + "' used by " + what + " is missing");
            }
            out.append(render(inputs.get(segment.placeholder), segment, json, what));
        }
        return out.toString();
    }

    /** Fills every placeholder with a harmless sample value, to check the template's shape when it is stored. */
    public String fillWithSamples() {
        StringBuilder out = new StringBuilder();
        for (Segment segment : segments) {
            if (segment.placeholder == null) {
                out.append(segment.literal);
            } else {
                out.append(switch (context) {
                    case URL, HEADER -> "x";
                    case JSON -> segment.inJsonString ? "x" : "0";
                    case SOQL -> "'x'";
                });
            }
        }
        return out.toString();
    }

    private String render(Object value, Segment segment, JsonMapper json, String what) {
        String name = segment.placeholder;
        return switch (context) {
            case URL -> percentEncode(scalar(value, name, what));
            case HEADER -> {
                String text = scalar(value, name, what);
                if (text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\0') >= 0) {
                    throw CalloutFailure.mapping("input '" + name + "' used by " + what
                            + " contains a line break, which a header cannot carry");
                }
                yield text;
            }
            case JSON -> {
                if (!segment.inJsonString) {
                    yield json.writeValueAsString(value);
                }
                String text = value instanceof String s ? s : value == null ? "" : json.writeValueAsString(value);
                String quoted = json.writeValueAsString(text);
                yield quoted.substring(1, quoted.length() - 1);
            }
            case SOQL -> soql(value, name, what);
        };
    }

    private static String scalar(Object value, String name, String what) {
        if (value == null) {
            return "";
        }
        if (value instanceof Map<?, ?> || value instanceof Collection<?>) {
            throw CalloutFailure.mapping("input '" + name + "' used by " + what
                    + " is an object or a list; only text, numbers and booleans fit there");
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : String.valueOf(value);
    }

    /** Percent-encodes everything but RFC 3986 unreserved characters: safe in a path segment and in a query. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    /** A SOQL literal for {@code value} (see {@link #soql}); {@code name} and {@code what} word the errors. */
    public static String soqlLiteral(Object value, String name, String what) {
        return soql(value, name, what);
    }

    /** A SOQL literal: strings quoted and escaped, numbers and booleans bare, lists as {@code ('a', 'b')}. */
    static String soql(Object value, String name, String what) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number number) {
            BigDecimal decimal;
            try {
                decimal = new BigDecimal(number.toString());
            } catch (NumberFormatException e) {
                throw CalloutFailure.mapping("input '" + name + "' used by " + what + " is not a finite number");
            }
            return decimal.toPlainString();
        }
        if (value instanceof String text) {
            return soqlString(text);
        }
        if (value instanceof Collection<?> list) {
            if (list.isEmpty()) {
                throw CalloutFailure.mapping("input '" + name + "' used by " + what + " is an empty list");
            }
            List<String> items = new ArrayList<>();
            for (Object item : list) {
                if (item instanceof Map<?, ?> || item instanceof Collection<?>) {
                    throw CalloutFailure.mapping("input '" + name + "' used by " + what + " nests objects or lists");
                }
                items.add(soql(item, name, what));
            }
            return "(" + String.join(", ", items) + ")";
        }
        throw CalloutFailure.mapping("input '" + name + "' used by " + what + " is an object; SOQL takes text, "
                + "numbers, booleans or lists of them");
    }

    static String soqlString(String text) {
        StringBuilder out = new StringBuilder("'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
