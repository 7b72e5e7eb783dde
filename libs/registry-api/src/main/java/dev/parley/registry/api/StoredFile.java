package dev.parley.registry.api;

/**
 * A file stored with a version.
 *
 * @param name   the name as uploaded (a path inside the zip for zip uploads)
 * @param size   its size in bytes
 * @param parsed whether it was read as bot metadata (zip entries that are not bot files are kept, not parsed)
 */
public record StoredFile(String name, long size, boolean parsed) {
}
