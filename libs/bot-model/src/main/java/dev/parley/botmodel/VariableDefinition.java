package dev.parley.botmodel;

/**
 * A context or conversation variable.
 *
 * @param developerName  the API name used in merge fields ({@code {!Name}})
 * @param label          the display label
 * @param dataType       {@code Text}, {@code Id}, {@code Number}, {@code Boolean}, {@code Object}, ...
 * @param collectionType {@code List} or {@code null}
 * @param description    the description, or {@code null}
 */
public record VariableDefinition(String developerName, String label, String dataType, String collectionType,
        String description) {
}
