package dev.parley.botmodel;

import java.util.List;

/**
 * A custom entity ({@code botMlDomain/mlSlotClasses}) a Collect step can extract.
 *
 * @param developerName   the API name a {@link VariableOperand#sourceName()} of type {@code MlSlotClass} refers to
 * @param label           the display label
 * @param description     the description, or {@code null}
 * @param dataType        the extracted value's type, e.g. {@code Text}
 * @param extractionType  {@code Pattern} (match {@link #extractionRegex()}) or {@code Value} (match a value or one
 *                        of its synonyms); {@code null} when absent
 * @param extractionRegex the regular expression for {@code Pattern}, or {@code null}
 * @param values          the values (and synonyms) for {@code Value}
 * @param location        where the slot class starts, or {@code null}
 */
public record SlotClassDefinition(String developerName, String label, String description, String dataType,
        String extractionType, String extractionRegex, List<SlotValue> values, Location location) {

    public SlotClassDefinition {
        values = List.copyOf(values);
    }

    /**
     * One value of a slot class ({@code mlSlotClassValues}).
     *
     * @param value     the canonical value stored in the variable
     * @param synonyms  {@code synonymGroup/terms}: other words that mean this value
     * @param languages {@code synonymGroup/languages}, e.g. {@code en_US}
     * @param location  where the value starts, or {@code null}
     */
    public record SlotValue(String value, List<String> synonyms, List<String> languages, Location location) {
        public SlotValue {
            synonyms = List.copyOf(synonyms);
            languages = List.copyOf(languages);
        }
    }
}
