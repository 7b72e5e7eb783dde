package dev.parley.buildpackci.platformapi;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One process type's change in {@code PATCH /apps/{app}/formation}.
 *
 * @param type the process type, e.g. web
 * @param quantity dynos to run, or null to leave
 * @param size dyno size, or null to leave
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FormationUpdate(String type, Integer quantity, String size) {
}
