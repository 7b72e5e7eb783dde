package dev.parley.botmodel;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads untrusted XML into an {@link XmlNode} tree with the JDK's StAX parser. DTDs (and so every entity declaration,
 * external or not) are refused, and size, depth and element-count limits bound the work; every problem becomes an
 * ERROR diagnostic with line and column, never an exception.
 */
final class SecureXmlReader {

    static final int MAX_FILE_BYTES = 2 * 1024 * 1024;
    static final int MAX_DEPTH = 64;
    static final int MAX_ELEMENTS = 100_000;

    private static final XMLInputFactory FACTORY = newFactory();

    private SecureXmlReader() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newDefaultFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        return factory;
    }

    /** Parses one file; returns {@code null} (after adding an ERROR) when the file is not well-formed or too big. */
    static XmlNode read(SourceFile file, List<Diagnostic> diagnostics) {
        String name = file.name();
        if (file.content().length > MAX_FILE_BYTES) {
            diagnostics.add(new Diagnostic(name, 0, 0, "file.too-large", Severity.ERROR,
                    "file is " + file.content().length + " bytes; the limit is " + MAX_FILE_BYTES + " bytes"));
            return null;
        }
        XMLStreamReader reader = null;
        Deque<Builder> stack = new ArrayDeque<>();
        XmlNode root = null;
        int elements = 0;
        try {
            reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(file.content()));
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        error(diagnostics, name, reader.getLocation(), "xml.doctype-forbidden",
                                "DOCTYPE declarations are not allowed in bot metadata");
                        return null;
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        error(diagnostics, name, reader.getLocation(), "xml.entity-forbidden",
                                "entity reference '&" + reader.getLocalName() + ";' is not allowed");
                        return null;
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        Location at = reader.getLocation();
                        if (stack.size() >= MAX_DEPTH) {
                            error(diagnostics, name, at, "xml.too-deep",
                                    "element <" + reader.getLocalName() + "> is nested deeper than " + MAX_DEPTH
                                            + " levels");
                            return null;
                        }
                        if (++elements > MAX_ELEMENTS) {
                            error(diagnostics, name, at, "xml.too-many-elements",
                                    "the file has more than " + MAX_ELEMENTS + " elements");
                            return null;
                        }
                        stack.push(new Builder(reader.getLocalName(),
                                new dev.parley.botmodel.Location(name, at.getLineNumber(), startColumn(reader, at))));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        XmlNode node = stack.pop().build();
                        if (stack.isEmpty()) {
                            root = node;
                        } else {
                            stack.peek().children.add(node);
                        }
                    }
                    default -> {
                        // comments, processing instructions, document start/end: nothing to keep
                    }
                }
            }
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            String message = e.getMessage() == null ? "malformed XML" : e.getMessage();
            // StAX prefixes the message with "ParseError at [row,col]:[..]\nMessage: "; keep the readable part
            int idx = message.indexOf("Message: ");
            if (idx >= 0) {
                message = message.substring(idx + "Message: ".length());
            }
            diagnostics.add(new Diagnostic(name, at == null ? 0 : Math.max(at.getLineNumber(), 0),
                    at == null ? 0 : Math.max(at.getColumnNumber(), 0), "xml.malformed", Severity.ERROR,
                    "malformed XML: " + message.strip()));
            return null;
        } catch (RuntimeException e) {
            // the JDK parser signals some limit breaches with unchecked exceptions; never let them escape
            diagnostics.add(new Diagnostic(name, 0, 0, "xml.malformed", Severity.ERROR,
                    "unreadable XML: " + e.getMessage()));
            return null;
        } finally {
            close(reader);
        }
        if (root == null) {
            diagnostics.add(new Diagnostic(name, 1, 1, "xml.malformed", Severity.ERROR, "the file has no root element"));
        }
        return root;
    }

    /**
     * StAX reports where a start tag ends; diagnostics should point where it begins. For a plain {@code <name>} on
     * one line that is the end column minus the tag's length; tags with attributes keep the end column.
     */
    private static int startColumn(XMLStreamReader reader, Location at) {
        int end = at.getColumnNumber();
        if (reader.getAttributeCount() == 0 && reader.getNamespaceCount() == 0
                && (reader.getPrefix() == null || reader.getPrefix().isEmpty())) {
            int start = end - reader.getLocalName().length() - 2;
            if (start >= 1) {
                return start;
            }
        }
        return end;
    }

    private static void error(List<Diagnostic> diagnostics, String file, Location at, String code, String message) {
        diagnostics.add(new Diagnostic(file, Math.max(at.getLineNumber(), 0), Math.max(at.getColumnNumber(), 0), code,
                Severity.ERROR, message));
    }

    private static void close(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing to release beyond the in-memory stream
            }
        }
    }

    private static final class Builder {
        final String name;
        final dev.parley.botmodel.Location location;
        final StringBuilder text = new StringBuilder();
        final List<XmlNode> children = new ArrayList<>();

        Builder(String name, dev.parley.botmodel.Location location) {
            this.name = name;
            this.location = location;
        }

        XmlNode build() {
            return new XmlNode(name, text.toString(), List.copyOf(children), location);
        }
    }
}
