package dev.parley.buildpackci.slug;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One service of {@code services/} as slug assembly needs it: its name, its runnable jar and whether it owns a
 * database schema (Flyway migrations under {@code src/main/resources/db/migration}), which adds a release phase.
 *
 * @param name the service's directory name, also its app suffix
 * @param jar the Spring Boot executable jar ({@code services/<name>/target/<name>-exec.jar} after the build)
 * @param ownsSchema whether the service has Flyway migrations to run in the release phase
 */
public record ServiceBuild(String name, Path jar, boolean ownsSchema) {

    public ServiceBuild {
        if (name == null || !name.matches("[a-z][a-z0-9-]*")) {
            throw new IllegalArgumentException("Service name must be lowercase letters, digits and dashes, was '"
                    + name + "'");
        }
    }

    /** Every service of {@code <repository>/services}: each directory with a pom.xml, in name order. */
    public static List<ServiceBuild> discover(Path repository) {
        Path services = repository.resolve("services");
        try (Stream<Path> listing = Files.list(services)) {
            return listing.filter(dir -> Files.isRegularFile(dir.resolve("pom.xml")))
                .map(dir -> inRepository(repository, dir.getFileName().toString()))
                .sorted(java.util.Comparator.comparing(ServiceBuild::name))
                .toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list the services in " + services, ex);
        }
    }

    /** The service {@code name} of the repository, with the jar where the Maven build puts it. */
    public static ServiceBuild inRepository(Path repository, String name) {
        Path directory = repository.resolve("services").resolve(name);
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("No service directory " + directory);
        }
        return new ServiceBuild(name, directory.resolve("target").resolve(name + "-exec.jar"),
                hasMigrations(directory.resolve("src/main/resources/db/migration")));
    }

    /** The same service with its jar taken from elsewhere (for example a Maven dependency). */
    public ServiceBuild withJar(Path otherJar) {
        return new ServiceBuild(this.name, otherJar, this.ownsSchema);
    }

    /** The jar's file name inside the slug. */
    public String jarFileName() {
        return this.name + "-exec.jar";
    }

    private static boolean hasMigrations(Path migrations) {
        if (!Files.isDirectory(migrations)) {
            return false;
        }
        try (Stream<Path> files = Files.walk(migrations)) {
            return files.anyMatch(f -> Files.isRegularFile(f) && f.getFileName().toString().endsWith(".sql"));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot list " + migrations, ex);
        }
    }

}
