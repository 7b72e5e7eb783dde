package dev.parley.botmodel;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.AliasEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads untrusted YAML into a small tree of maps, lists and string scalars with their positions. Built from
 * SnakeYAML Engine's event stream, so no object is ever constructed from a tag, and bounded: file size, code points,
 * nesting depth, total nodes after alias expansion (billion laughs) and number of aliases are all limited. Every
 * problem becomes an ERROR diagnostic with line and column, never an exception.
 */
final class YamlTree {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final long MAX_NODES = 200_000;
    static final int MAX_ALIASES = 1_000;

    private static final LoadSettings SETTINGS = LoadSettings.builder()
            .setLabel("parley-yaml")
            .setAllowDuplicateKeys(false)
            .setAllowRecursiveKeys(false)
            .setMaxAliasesForCollections(MAX_ALIASES)
            .setCodePointLimit(MAX_FILE_BYTES)
            .setParseComments(false)
            .setUseMarks(true)
            .build();

    private YamlTree() {
    }

    /** A YAML node with where it starts. */
    sealed interface Node {
        Location at();

        /** How many nodes this one stands for once aliases are expanded. */
        long weight();
    }

    /** A scalar; {@code plain} is false for quoted and block scalars (so {@code "null"} is a string). */
    record Scalar(String value, boolean plain, Location at) implements Node {
        /** Whether this is YAML's null: {@code ~}, {@code null} or nothing, unquoted. */
        boolean isNull() {
            return plain && (value.isEmpty() || value.equals("~") || value.equals("null") || value.equals("Null")
                    || value.equals("NULL"));
        }

        @Override
        public long weight() {
            return 1;
        }
    }

    /** A sequence. */
    record Seq(List<Node> items, Location at, long weight) implements Node {
    }

    /** A mapping with string keys, in document order; {@code keys} holds where each key is written. */
    record MapNode(Map<String, Node> entries, Map<String, Location> keys, Location at, long weight) implements Node {
    }

    /** The root node of the file, or {@code null} after adding at least one ERROR. */
    static Node read(SourceFile file, List<Diagnostic> diagnostics) {
        String name = file.name();
        if (file.content().length > MAX_FILE_BYTES) {
            diagnostics.add(new Diagnostic(name, 0, 0, "file.too-large", Severity.ERROR,
                    "file is " + file.content().length + " bytes; the limit is " + MAX_FILE_BYTES + " bytes"));
            return null;
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file.content())).toString();
        } catch (CharacterCodingException e) {
            diagnostics.add(new Diagnostic(name, 0, 0, "yaml.malformed", Severity.ERROR,
                    "the file is not UTF-8 text"));
            return null;
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try {
            return new Builder(name).build(new Parse(SETTINGS).parseString(text));
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            if (e.getContext() != null && !e.getContext().isBlank()) {
                problem = e.getContext() + ": " + problem;
            }
            diagnostics.add(new Diagnostic(name, mark.map(m -> m.getLine() + 1).orElse(0),
                    mark.map(m -> m.getColumn() + 1).orElse(0), "yaml.malformed", Severity.ERROR,
                    "malformed YAML: " + oneLine(problem)));
            return null;
        } catch (YamlEngineException e) {
            diagnostics.add(new Diagnostic(name, 0, 0, "yaml.malformed", Severity.ERROR,
                    "unreadable YAML: " + oneLine(String.valueOf(e.getMessage()))));
            return null;
        } catch (LimitExceeded e) {
            diagnostics.add(e.diagnostic);
            return null;
        } catch (RuntimeException e) {
            // the parser signals a few limit breaches with other unchecked exceptions; never let them escape
            diagnostics.add(new Diagnostic(name, 0, 0, "yaml.malformed", Severity.ERROR,
                    "unreadable YAML: " + oneLine(String.valueOf(e.getMessage()))));
            return null;
        }
    }

    private static String oneLine(String s) {
        String line = s.replaceAll("\\s+", " ").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    /** Stops the build with one diagnostic. */
    private static final class LimitExceeded extends RuntimeException {
        final transient Diagnostic diagnostic;

        LimitExceeded(Diagnostic diagnostic) {
            super(diagnostic.message(), null, false, false);
            this.diagnostic = diagnostic;
        }
    }

    private static final class Builder {
        private final String file;
        private final Deque<Open> stack = new ArrayDeque<>();
        private final Map<String, Node> anchors = new HashMap<>();
        private Node root;
        private int documents;
        private int aliases;

        Builder(String file) {
            this.file = file;
        }

        /** A collection being built. */
        private static final class Open {
            final boolean mapping;
            final Location at;
            final String anchor;
            final List<Node> items = new ArrayList<>();
            final Map<String, Node> entries = new LinkedHashMap<>();
            final Map<String, Location> keys = new LinkedHashMap<>();
            String pendingKey;
            Location pendingKeyAt;
            long weight = 1;

            Open(boolean mapping, Location at, String anchor) {
                this.mapping = mapping;
                this.at = at;
                this.anchor = anchor;
            }
        }

        Node build(Iterable<Event> events) {
            for (Event event : events) {
                switch (event.getEventId()) {
                    case DocumentStart -> {
                        if (++documents > 1) {
                            throw limit(event, "yaml.several-documents",
                                    "the file holds more than one YAML document; a bot is one document");
                        }
                    }
                    case MappingStart, SequenceStart -> {
                        if (stack.size() >= MAX_DEPTH) {
                            throw limit(event, "yaml.too-deep", "the YAML is nested deeper than " + MAX_DEPTH
                                    + " levels");
                        }
                        stack.push(new Open(event.getEventId() == Event.ID.MappingStart, at(event),
                                anchor((NodeEvent) event)));
                    }
                    case MappingEnd, SequenceEnd -> {
                        Open open = stack.pop();
                        Node node = open.mapping
                                ? new MapNode(Collections.unmodifiableMap(open.entries),
                                        Collections.unmodifiableMap(open.keys), open.at, open.weight)
                                : new Seq(List.copyOf(open.items), open.at, open.weight);
                        complete(node, open.anchor);
                    }
                    case Scalar -> {
                        ScalarEvent s = (ScalarEvent) event;
                        complete(new Scalar(s.getValue(), s.isPlain(), at(event)), anchor(s));
                    }
                    case Alias -> {
                        if (++aliases > MAX_ALIASES) {
                            throw limit(event, "yaml.too-many-aliases", "the YAML uses more than " + MAX_ALIASES
                                    + " aliases");
                        }
                        String name = ((AliasEvent) event).getAlias().getValue();
                        Node target = anchors.get(name);
                        if (target == null) {
                            throw limit(event, "yaml.unknown-alias", "alias '*" + name
                                    + "' refers to no complete anchor (undefined, or a recursive reference)");
                        }
                        complete(target, null);
                    }
                    default -> {
                        // stream and document boundaries, comments
                    }
                }
            }
            return root;
        }

        private void complete(Node node, String anchor) {
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            if (stack.isEmpty()) {
                root = node;
                return;
            }
            Open parent = stack.peek();
            if (!parent.mapping) {
                parent.items.add(node);
            } else if (parent.pendingKey == null) {
                if (!(node instanceof Scalar key)) {
                    throw limit(node.at(), "yaml.complex-key", "a mapping key must be a plain text, not a "
                            + (node instanceof Seq ? "list" : "mapping"));
                }
                if (parent.entries.containsKey(key.value())) {
                    throw limit(key.at(), "yaml.duplicate-key", "key '" + key.value() + "' appears twice");
                }
                parent.pendingKey = key.value();
                parent.pendingKeyAt = key.at();
                return;
            } else {
                parent.entries.put(parent.pendingKey, node);
                parent.keys.put(parent.pendingKey, parent.pendingKeyAt);
                parent.pendingKey = null;
            }
            parent.weight += node.weight();
            if (parent.weight > MAX_NODES) {
                throw limit(node.at(), "yaml.too-large", "the YAML expands to more than " + MAX_NODES
                        + " nodes (aliases included)");
            }
        }

        private String anchor(NodeEvent event) {
            return event.getAnchor().map(a -> a.getValue()).orElse(null);
        }

        private Location at(Event event) {
            return event.getStartMark().map(m -> new Location(file, m.getLine() + 1, m.getColumn() + 1))
                    .orElse(new Location(file, 0, 0));
        }

        private LimitExceeded limit(Event event, String code, String message) {
            return limit(at(event), code, message);
        }

        private LimitExceeded limit(Location at, String code, String message) {
            return new LimitExceeded(Diagnostic.at(at, code, Severity.ERROR, message));
        }
    }
}
