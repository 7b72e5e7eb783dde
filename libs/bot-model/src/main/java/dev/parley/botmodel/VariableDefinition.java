package dev.parley.botmodel;

import java.util.List;

/**
 * A context or conversation variable.
 *
 * @param developerName  the API name used in merge fields ({@code {!Name}})
 * @param label          the display label
 * @param dataType       {@code Text}, {@code Id}, {@code Number}, {@code Boolean}, {@code Object}, {@code Date},
 *                       {@code DateTime}, {@code Currency}
 * @param collectionType {@code List} or {@code null}
 * @param description    the description, or {@code null}
 * @param sObjectType    {@code SObjectType}: the record type an {@code Id} variable points at, or {@code null}
 * @param visibility     {@code internal} or {@code external} (external variables may be set through the API), or
 *                       {@code null} when absent
 * @param mappings       for context variables: the channel fields that fill it (empty for conversation variables)
 * @param location       where the variable starts, or {@code null}
 */
public record VariableDefinition(String developerName, String label, String dataType, String collectionType,
        String description, String sObjectType, String visibility, List<ContextVariableMapping> mappings,
        Location location) {

    public VariableDefinition {
        mappings = List.copyOf(mappings);
    }

    /** The original shape: no record type, visibility, mappings or location. */
    public VariableDefinition(String developerName, String label, String dataType, String collectionType,
            String description) {
        this(developerName, label, dataType, collectionType, description, null, null, List.of(), null);
    }

    /** Whether this is a {@code List} variable. */
    public boolean isList() {
        return "List".equals(collectionType);
    }
}
