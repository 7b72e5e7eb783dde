package dev.parley.botmodel;

import dev.parley.botmodel.YamlTree.MapNode;
import dev.parley.botmodel.YamlTree.Node;
import dev.parley.botmodel.YamlTree.Scalar;
import dev.parley.botmodel.YamlTree.Seq;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Typed access to one YAML mapping of a Parley YAML file: each read marks its key as known, wrong types become
 * ERROR diagnostics at the value's position, and {@link #finish()} reports every key nobody read as a WARNING, so
 * nothing in a file is silently dropped. A key that is absent and a key set to {@code null} are told apart: absent
 * means "the usual default" and an explicit {@code null} means "none".
 */
final class YamlFields {

    private final MapNode map;
    private final String what;
    private final List<Diagnostic> diagnostics;
    private final Set<String> read = new HashSet<>();

    YamlFields(MapNode map, String what, List<Diagnostic> diagnostics) {
        this.map = map;
        this.what = what;
        this.diagnostics = diagnostics;
    }

    /** Wraps a node that must be a mapping; reports and returns {@code null} otherwise. */
    static YamlFields of(Node node, String what, List<Diagnostic> diagnostics) {
        if (node instanceof MapNode m) {
            return new YamlFields(m, what, diagnostics);
        }
        wrongType(node, what, "a mapping (key: value lines)", diagnostics);
        return null;
    }

    static void wrongType(Node node, String what, String expected, List<Diagnostic> diagnostics) {
        diagnostics.add(Diagnostic.at(node.at(), "yaml.wrong-type", Severity.ERROR,
                what + " must be " + expected + ", not " + describe(node)));
    }

    static String describe(Node node) {
        return switch (node) {
            case Scalar s -> s.isNull() ? "empty" : "the text '" + abbreviate(s.value()) + "'";
            case Seq q -> "a list";
            case MapNode m -> "a mapping";
        };
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    String what() {
        return what;
    }

    Location at() {
        return map.at();
    }

    MapNode map() {
        return map;
    }

    /** Whether the key is written (even as {@code null}). */
    boolean has(String key) {
        return map.entries().containsKey(key);
    }

    /** The raw node, marking the key as read. */
    Node node(String key) {
        read.add(key);
        return map.entries().get(key);
    }

    Location keyAt(String key) {
        Location at = map.keys().get(key);
        return at == null ? map.at() : at;
    }

    Location valueAt(String key) {
        Node n = map.entries().get(key);
        return n == null ? keyAt(key) : n.at();
    }

    /** A text value: {@code null} when absent or null; numbers and booleans are read as written. */
    String string(String key) {
        Node n = node(key);
        if (n == null) {
            return null;
        }
        if (n instanceof Scalar s) {
            return s.isNull() ? null : s.value();
        }
        wrongType(n, "'" + key + "' of " + what, "a text", diagnostics);
        return null;
    }

    /** A text value; when the key is absent, {@code inferred}. */
    String string(String key, String inferred) {
        return has(key) ? string(key) : inferred;
    }

    Boolean bool(String key) {
        String v = string(key);
        if (v == null) {
            return null;
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.valueOf(v);
        }
        diagnostics.add(Diagnostic.at(valueAt(key), "yaml.bad-value", Severity.ERROR,
                "'" + key + "' of " + what + " must be true or false, not '" + v + "'"));
        return null;
    }

    boolean flag(String key) {
        Boolean b = bool(key);
        return b != null && b;
    }

    Integer integer(String key, int min, int max) {
        String v = string(key);
        if (v == null) {
            return null;
        }
        try {
            int value = Integer.parseInt(v.strip());
            if (value < min || value > max) {
                diagnostics.add(Diagnostic.at(valueAt(key), "yaml.bad-value", Severity.ERROR, "'" + key + "' of "
                        + what + " must be between " + min + " and " + max + ", not " + value));
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.at(valueAt(key), "yaml.bad-value", Severity.ERROR,
                    "'" + key + "' of " + what + " must be a whole number, not '" + v + "'"));
            return null;
        }
    }

    Double decimal(String key) {
        String v = string(key);
        if (v == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(v.strip());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        diagnostics.add(Diagnostic.at(valueAt(key), "yaml.bad-value", Severity.ERROR,
                "'" + key + "' of " + what + " must be a number, not '" + v + "'"));
        return null;
    }

    /** A list of texts; a single text counts as a list of one. Empty when absent. */
    List<String> strings(String key) {
        Node n = node(key);
        List<String> out = new ArrayList<>();
        if (n == null || (n instanceof Scalar s0 && s0.isNull())) {
            return out;
        }
        if (n instanceof Scalar s) {
            out.add(s.value());
            return out;
        }
        if (n instanceof Seq seq) {
            for (Node item : seq.items()) {
                if (item instanceof Scalar s && !s.isNull()) {
                    out.add(s.value());
                } else {
                    wrongType(item, "an entry of '" + key + "' of " + what, "a text", diagnostics);
                }
            }
            return out;
        }
        wrongType(n, "'" + key + "' of " + what, "a text or a list of texts", diagnostics);
        return out;
    }

    /** A nested mapping, or {@code null} (reported when present but not a mapping). */
    YamlFields fields(String key, String nestedWhat) {
        Node n = node(key);
        if (n == null || (n instanceof Scalar s && s.isNull())) {
            return null;
        }
        return of(n, nestedWhat, diagnostics);
    }

    /** A list's items, or an empty list (reported when present but not a list). */
    List<Node> list(String key) {
        Node n = node(key);
        if (n == null || (n instanceof Scalar s && s.isNull())) {
            return List.of();
        }
        if (n instanceof Seq seq) {
            return seq.items();
        }
        wrongType(n, "'" + key + "' of " + what, "a list", diagnostics);
        return List.of();
    }

    /** Reports every key that was not read. */
    void finish() {
        for (String key : map.entries().keySet()) {
            if (!read.contains(key)) {
                diagnostics.add(Diagnostic.at(keyAt(key), "yaml.unknown-key", Severity.WARNING,
                        "key '" + key + "' is not known in " + what + "; it is ignored"));
            }
        }
    }
}
