package dev.parley.registry.api;

/**
 * One source file of a bot version.
 *
 * @param name          the file's name as uploaded (a path inside the zip for zip uploads)
 * @param contentBase64 the file's bytes, Base64-encoded (standard alphabet, padded)
 */
public record SourceFileContent(String name, String contentBase64) {
}
