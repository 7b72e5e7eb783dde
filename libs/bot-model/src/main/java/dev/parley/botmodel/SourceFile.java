package dev.parley.botmodel;

import java.util.Objects;

/**
 * A file as uploaded; {@code name} is only used to classify the file and in diagnostics.
 *
 * @param name    the file name (may include folders)
 * @param content the raw bytes
 */
public record SourceFile(String name, byte[] content) {

    public SourceFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
