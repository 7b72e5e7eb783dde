package dev.parley.botmodel;

/**
 * A finding about a bot definition, pointing at a place in a source file.
 *
 * @param file     the source file name, or {@code null} when the finding is about the bot as a whole
 * @param line     1-based line, 0 when unknown
 * @param column   1-based column, 0 when unknown
 * @param code     a stable machine-readable code, e.g. {@code xml.malformed}, {@code element.unsupported}
 * @param severity how serious it is
 * @param message  a human-readable explanation naming the element or value concerned
 */
public record Diagnostic(String file, int line, int column, String code, Severity severity, String message) {

    static Diagnostic at(Location location, String code, Severity severity, String message) {
        if (location == null) {
            return new Diagnostic(null, 0, 0, code, severity, message);
        }
        return new Diagnostic(location.file(), location.line(), location.column(), code, severity, message);
    }

    @Override
    public String toString() {
        return severity + " " + (file == null ? "" : file + ":" + line + ":" + column + " ") + code + ": " + message;
    }
}
