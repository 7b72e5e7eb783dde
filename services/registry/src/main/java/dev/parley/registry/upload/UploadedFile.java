package dev.parley.registry.upload;

import java.util.Objects;

/**
 * One file of an upload, or one entry of an uploaded zip.
 *
 * @param name    the name as uploaded, checked to be a safe relative path
 * @param content its bytes
 * @param parsed  whether it is read as bot metadata (every file of a plain upload; the bot files of a zip)
 */
public record UploadedFile(String name, byte[] content, boolean parsed) {

    public UploadedFile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(content, "content");
    }
}
