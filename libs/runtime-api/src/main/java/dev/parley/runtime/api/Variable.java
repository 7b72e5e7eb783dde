package dev.parley.runtime.api;

/**
 * A context or custom variable, as in the Bot API.
 *
 * @param name  the variable's API name
 * @param type  {@code boolean}, {@code date}, {@code dateTime}, {@code money}, {@code number}, {@code text},
 *              {@code object}, {@code ref} or {@code list}
 * @param value a JSON value: string, number, boolean, list, map or {@code null}
 */
public record Variable(String name, String type, Object value) {
}
