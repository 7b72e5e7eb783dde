package dev.parley.buildpackci.slug;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code slugs.json} next to the assembled slugs: what {@code bin/deploy} uploads. File names are relative to the
 * manifest's directory.
 *
 * @param slugs one entry per service
 */
public record SlugManifest(List<Entry> slugs) {

    /** The manifest's file name in the slug directory. */
    public static final String FILE_NAME = "slugs.json";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * One slug.
     *
     * @param service the service
     * @param file the tarball's file name
     * @param sha256 hex SHA-256 of the tarball
     * @param sizeBytes its size
     * @param processTypes the rendered Procfile
     * @param commit the source commit
     * @param stack the Heroku stack
     * @param javaVersion the runtime image's Java version
     */
    public record Entry(String service, String file, String sha256, long sizeBytes, Map<String, String> processTypes,
            String commit, String stack, String javaVersion) {

        /** The checksum in the Platform API's form. */
        public String checksum() {
            return "SHA256:" + this.sha256;
        }

    }

    /** The manifest of {@code slugs}, all in one directory. */
    public static SlugManifest of(List<Slug> slugs) {
        return new SlugManifest(slugs.stream()
            .map(s -> new Entry(s.service(), s.file().getFileName().toString(), s.sha256(), s.sizeBytes(),
                    s.processTypes(), s.commit(), s.stack(), s.javaVersion()))
            .toList());
    }

    public void write(Path directory) {
        JSON.writerWithDefaultPrettyPrinter().writeValue(directory.resolve(FILE_NAME).toFile(), this);
    }

    public static SlugManifest read(Path directory) {
        Path file = directory.resolve(FILE_NAME);
        if (!file.toFile().isFile()) {
            throw new IllegalArgumentException("No " + FILE_NAME + " in " + directory
                    + ": assemble the slugs first (bin/assemble-slugs)");
        }
        return JSON.readValue(file.toFile(), SlugManifest.class);
    }

    /** The entry of {@code service}. */
    public Entry slug(String service) {
        return this.slugs.stream()
            .filter(s -> s.service().equals(service))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No slug for service " + service + " in the manifest"));
    }

}
