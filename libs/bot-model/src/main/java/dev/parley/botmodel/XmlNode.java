package dev.parley.botmodel;

import java.util.List;
import java.util.Optional;

/** A parsed XML element with its position: the small tree the metadata mapper walks. */
record XmlNode(String name, String text, List<XmlNode> children, Location location) {

    Optional<XmlNode> child(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).findFirst();
    }

    List<XmlNode> all(String childName) {
        return children.stream().filter(c -> c.name.equals(childName)).toList();
    }

    /** The trimmed text of the first child with this name, or {@code null}. */
    String value(String childName) {
        return child(childName).map(c -> c.text.strip()).orElse(null);
    }
}
