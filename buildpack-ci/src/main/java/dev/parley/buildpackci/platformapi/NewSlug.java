package dev.parley.buildpackci.platformapi;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Body of {@code POST /apps/{app}/slugs}.
 *
 * @param processTypes process type to command
 * @param checksum {@code SHA256:<hex>} of the tarball
 * @param commit the source commit
 * @param commitDescription what the commit is, for people reading releases
 * @param stack the stack the slug was built for, e.g. heroku-24
 * @param buildpackProvidedDescription shown as the slug's language
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NewSlug(Map<String, String> processTypes, String checksum, String commit, String commitDescription,
        String stack, String buildpackProvidedDescription) {
}
