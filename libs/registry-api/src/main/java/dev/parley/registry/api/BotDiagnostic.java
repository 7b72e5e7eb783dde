package dev.parley.registry.api;

/**
 * A finding about an uploaded bot, compiler style.
 *
 * @param file     the file it is about (a path inside the zip for zip uploads), or {@code null} for the bot as a whole
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param code     a stable code, e.g. {@code dialog.unknown}
 * @param severity {@code ERROR}, {@code WARNING} or {@code INFO}; only errors refuse an upload
 * @param message  what is wrong, naming the element or value concerned
 */
public record BotDiagnostic(String file, int line, int column, String code, String severity, String message) {
}
