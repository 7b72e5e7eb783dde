package dev.parley.botmodel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Renders a tree of {@link LinkedHashMap}s, {@link List}s, texts and {@link Raw} literals as block-style YAML that a
 * person can read: two-space indents, short lists of plain words inline, texts quoted only when they must be.
 */
final class YamlEmitter {

    /** A literal written as is: numbers, booleans, {@code null}. */
    record Raw(String text) {
        static final Raw NULL = new Raw("null");

        static Raw of(Object value) {
            return value == null ? NULL : new Raw(String.valueOf(value));
        }
    }

    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+]?(\\.?[0-9][0-9_.,eE+-]*|\\.inf|\\.nan)",
            Pattern.CASE_INSENSITIVE);
    private static final java.util.Set<String> RESERVED = java.util.Set.of("null", "~", "true", "false", "yes",
            "no", "on", "off", "y", "n");
    private static final int FLOW_WIDTH = 100;

    private final StringBuilder out = new StringBuilder();

    private YamlEmitter() {
    }

    static String render(Map<String, Object> root, String header) {
        YamlEmitter e = new YamlEmitter();
        e.out.append(header);
        e.map(root, 0);
        return e.out.toString();
    }

    private void map(Map<String, Object> map, int indent) {
        for (Map.Entry<String, Object> e : map.entrySet()) {
            pad(indent);
            out.append(scalar(e.getKey(), false)).append(':');
            value(e.getValue(), indent);
        }
    }

    /** Writes a value after "key:" or "- " (the cursor is right after the indicator). */
    private void value(Object v, int indent) {
        if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                out.append(" {}\n");
            } else {
                out.append('\n');
                @SuppressWarnings("unchecked")
                Map<String, Object> typed = (Map<String, Object>) m;
                map(typed, indent + 2);
            }
        } else if (v instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append(" []\n");
            } else if (flowable(list)) {
                out.append(' ').append(flow(list)).append('\n');
            } else {
                out.append('\n');
                list(list, indent + 2);
            }
        } else {
            out.append(' ').append(leaf(v)).append('\n');
        }
    }

    private void list(List<?> list, int indent) {
        for (Object item : list) {
            pad(indent);
            out.append('-');
            if (item instanceof Map<?, ?> m && !m.isEmpty()) {
                // "- key: value" with the following keys aligned under the first
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (first) {
                        out.append(' ');
                        first = false;
                    } else {
                        pad(indent + 2);
                    }
                    out.append(scalar((String) e.getKey(), false)).append(':');
                    value(e.getValue(), indent + 2);
                }
            } else {
                value(item, indent);
            }
        }
    }

    private static boolean flowable(List<?> list) {
        int width = 0;
        for (Object item : list) {
            if (item instanceof Raw r) {
                width += r.text().length() + 2;
            } else if (item instanceof String s && plain(s, true)) {
                width += s.length() + 2;
            } else {
                return false;
            }
        }
        return width <= FLOW_WIDTH;
    }

    private static String flow(List<?> list) {
        StringBuilder b = new StringBuilder("[");
        for (Object item : list) {
            if (b.length() > 1) {
                b.append(", ");
            }
            b.append(leaf(item));
        }
        return b.append(']').toString();
    }

    private static String leaf(Object v) {
        if (v instanceof Raw r) {
            return r.text();
        }
        return scalar(String.valueOf(v), false);
    }

    private void pad(int indent) {
        out.append(" ".repeat(indent));
    }

    /** The text as a YAML scalar: plain when that reads back as the same text, else double-quoted. */
    static String scalar(String s, boolean flow) {
        return plain(s, flow) ? s : quote(s);
    }

    static boolean plain(String s, boolean flow) {
        if (s.isEmpty() || !s.equals(s.strip()) || RESERVED.contains(s.toLowerCase(Locale.ROOT))
                || NUMBER_LIKE.matcher(s).matches()) {
            return false;
        }
        char first = s.charAt(0);
        if ("-?:,[]{}#&*!|>'\"%@`".indexOf(first) >= 0) {
            return false;
        }
        if (s.contains(": ") || s.contains(" #") || s.endsWith(":")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                    || Character.isSurrogate(c)) {
                return false;
            }
            if (flow && ",[]{}".indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }

    static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\t' -> b.append("\\t");
                case '\r' -> b.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f || c == '\u0085' || c == '\u2028' || c == '\u2029' || c == '\uFEFF'
                            || (Character.isSurrogate(c) && !validPair(s, i))) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                        if (Character.isHighSurrogate(c)) {
                            b.append(s.charAt(++i));
                        }
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
}
