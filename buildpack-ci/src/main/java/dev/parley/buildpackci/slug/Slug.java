package dev.parley.buildpackci.slug;

import java.nio.file.Path;
import java.util.Map;

/**
 * An assembled slug: a gzip tarball with everything under {@code ./app}, ready for the Platform API.
 *
 * @param service the service it runs
 * @param file the tarball
 * @param sha256 hex SHA-256 of the tarball
 * @param sizeBytes the tarball's size
 * @param processTypes process type to command (the rendered Procfile)
 * @param commit the source commit it was built from
 * @param stack the Heroku stack it targets
 * @param javaVersion the Java version of its runtime image
 */
public record Slug(String service, Path file, String sha256, long sizeBytes, Map<String, String> processTypes,
        String commit, String stack, String javaVersion) {

    /** The checksum in the Platform API's form. */
    public String checksum() {
        return "SHA256:" + this.sha256;
    }

}
