package dev.parley.buildpackci.platformapi;

import java.util.Map;

/**
 * A slug as the Platform API returns it.
 *
 * @param id the slug's id, what releases name
 * @param blob where to PUT the tarball (a pre-signed URL)
 * @param checksum {@code SHA256:<hex>}
 * @param commit the source commit
 * @param processTypes process type to command
 * @param stack the stack
 * @param size the size in bytes once known
 */
public record SlugInfo(String id, Blob blob, String checksum, String commit, Map<String, String> processTypes,
        Named stack, Long size) {

    /**
     * Where the slug's bytes go.
     *
     * @param method the HTTP method, {@code put}
     * @param url the pre-signed URL
     */
    public record Blob(String method, String url) {
    }

}
