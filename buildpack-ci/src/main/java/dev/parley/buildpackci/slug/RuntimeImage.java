package dev.parley.buildpackci.slug;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.spi.ToolProvider;

/**
 * The JDK runtime image every slug carries under {@code /app/jdk}: a jlink image of a fixed module list, made once
 * per JDK and module list and kept in a cache directory together with its gzip-compressed tar fragment.
 *
 * <p>{@code jdeps --print-module-deps} on a Spring Boot jar misses what Spring loads reflectively, so the list is
 * fixed and verified by booting the services on it (SlugBootIntegrationTests does it for session-store).
 */
public final class RuntimeImage {

    /**
     * The modules of the image, each needed by at least one library of the services.
     * java.compiler: javax.lang.model for Spring Data's repository processing at start;
     * java.desktop: java.beans for Spring's bean introspection; java.instrument: agents (Spring, Byte Buddy);
     * java.logging: JUL (Tomcat, bridges); java.management and jdk.management: JMX and process metrics (Micrometer,
     * HikariCP, Kafka); java.naming: JNDI (Spring, Tomcat, PostgreSQL driver, Logback); java.net.http: the JDK HTTP
     * client Spring's RestClient falls back to; java.security.jgss and java.security.sasl: Kafka and PostgreSQL
     * authentication; java.sql: JDBC; java.xml: XML parsers; jdk.crypto.ec: EC keys and TLS on JDK 21 (an empty
     * module on newer JDKs); jdk.jfr: flight recordings for operators; jdk.net: socket options (Lettuce keep-alive);
     * jdk.unsupported: sun.misc.Unsafe (Netty, Lettuce, Kafka); jdk.zipfs: zip file systems (classpath scanning).
     */
    public static final List<String> MODULES = List.of("java.base", "java.compiler", "java.desktop",
            "java.instrument", "java.logging", "java.management", "java.naming", "java.net.http",
            "java.security.jgss", "java.security.sasl", "java.sql", "java.xml", "jdk.crypto.ec", "jdk.jfr",
            "jdk.management", "jdk.net", "jdk.unsupported", "jdk.zipfs");

    /** Size options: no debug symbols, headers or man pages. jimage compression is left to the slug's gzip. */
    static final List<String> OPTIONS = List.of("--strip-debug", "--no-header-files", "--no-man-pages");

    /** Where the image lives inside a slug. */
    static final String SLUG_PATH = "./app/jdk";

    private final Path image;

    private final Path tarFragment;

    private final String javaVersion;

    private RuntimeImage(Path image, Path tarFragment, String javaVersion) {
        this.image = image;
        this.tarFragment = tarFragment;
        this.javaVersion = javaVersion;
    }

    /**
     * The image linked from {@code jdk} (a JDK home with jlink), made now or taken from {@code cache} when an earlier
     * run made it from the same JDK and modules.
     */
    public static RuntimeImage prepare(Path jdk, Path cache, Consumer<String> log) {
        try {
            Files.createDirectories(cache);
            String javaVersion = javaVersion(jdk);
            String key = key(jdk, javaVersion);
            Path image = cache.resolve("jdk-" + key);
            Path fragment = cache.resolve("jdk-" + key + ".tar.gz");
            if (Files.isRegularFile(fragment) && Files.isDirectory(image)) {
                log.accept("Runtime image: reusing " + image + " (Java " + javaVersion + ")");
                return new RuntimeImage(image, fragment, javaVersion);
            }
            long start = System.nanoTime();
            Path linking = cache.resolve("jdk-" + key + ".linking");
            deleteTree(linking);
            link(jdk, linking);
            deleteTree(image);
            Files.move(linking, image, StandardCopyOption.ATOMIC_MOVE);
            Path partial = cache.resolve("jdk-" + key + ".tar.gz.partial");
            try (OutputStream out = Files.newOutputStream(partial); TarWriter tar = new TarWriter(out, false)) {
                tar.directory("./app");
                tar.tree(SLUG_PATH, image);
            }
            Files.move(partial, fragment, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.accept(String.format("Runtime image: linked Java %s (%d modules) in %.1f s, %d MB compressed",
                    javaVersion, MODULES.size(), (System.nanoTime() - start) / 1e9, Files.size(fragment) >> 20));
            return new RuntimeImage(image, fragment, javaVersion);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot prepare the runtime image in " + cache, ex);
        }
    }

    /** An image made elsewhere (tests use a tiny stand-in). */
    static RuntimeImage of(Path image, Path tarFragment, String javaVersion) {
        return new RuntimeImage(image, tarFragment, javaVersion);
    }

    /** The linked image (a directory with bin/java). */
    public Path image() {
        return this.image;
    }

    /** The image as a gzip member of tar entries under {@code ./app/jdk}, without the end-of-archive marker. */
    Path tarFragment() {
        return this.tarFragment;
    }

    /** The Java version of the image, e.g. {@code 25.0.3}. */
    public String javaVersion() {
        return this.javaVersion;
    }

    private static void link(Path jdk, Path output) throws IOException {
        List<String> arguments = new ArrayList<>();
        arguments.add("--add-modules");
        arguments.add(String.join(",", available(jdk)));
        arguments.addAll(OPTIONS);
        arguments.add("--output");
        arguments.add(output.toString());
        Optional<ToolProvider> inProcess = isRunningJdk(jdk) ? ToolProvider.findFirst("jlink") : Optional.empty();
        if (inProcess.isPresent()) {
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            PrintWriter writer = new PrintWriter(messages, true, StandardCharsets.UTF_8);
            int status = inProcess.get().run(writer, writer, arguments.toArray(String[]::new));
            if (status != 0) {
                throw new RuntimeImageException("jlink failed (" + status + "): " + messages.toString(StandardCharsets.UTF_8));
            }
            return;
        }
        Path jlink = jdk.resolve("bin").resolve("jlink");
        if (!Files.isExecutable(jlink)) {
            throw new RuntimeImageException(jdk + " has no bin/jlink: point --jdk at a JDK, not a JRE");
        }
        List<String> command = new ArrayList<>();
        command.add(jlink.toString());
        command.addAll(arguments);
        run(command, "jlink");
    }

    /** MODULES less those this JDK lacks (only jdk.crypto.ec is expected to go, once a JDK drops it). */
    private static List<String> available(Path jdk) throws IOException {
        String listed = run(List.of(jdk.resolve("bin").resolve("java").toString(), "--list-modules"), "java --list-modules");
        List<String> present = listed.lines().map(l -> l.strip().split("@")[0]).toList();
        List<String> missing = MODULES.stream().filter(m -> !present.contains(m)).toList();
        if (missing.stream().anyMatch(m -> !m.equals("jdk.crypto.ec"))) {
            throw new RuntimeImageException("The JDK " + jdk + " lacks modules " + missing);
        }
        return MODULES.stream().filter(present::contains).toList();
    }

    private static String javaVersion(Path jdk) throws IOException {
        Path release = jdk.resolve("release");
        if (!Files.isRegularFile(release)) {
            throw new RuntimeImageException(jdk + " is not a JDK home (it has no release file)");
        }
        java.util.Map<String, String> facts = new java.util.HashMap<>();
        for (String line : Files.readAllLines(release)) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                facts.put(line.substring(0, equals), line.substring(equals + 1).replace("\"", ""));
            }
        }
        String version = facts.getOrDefault("JAVA_RUNTIME_VERSION", facts.get("JAVA_VERSION"));
        if (version == null) {
            throw new RuntimeImageException(release + " names no Java version");
        }
        return version;
    }

    private static boolean isRunningJdk(Path jdk) throws IOException {
        return jdk.toRealPath().equals(Path.of(System.getProperty("java.home")).toRealPath());
    }

    private static String key(Path jdk, String javaVersion) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((jdk.toRealPath() + "|" + javaVersion + "|" + MODULES + "|" + OPTIONS)
                .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest()).substring(0, 12);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String run(List<String> command, String what) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new RuntimeImageException(what + " did not finish within 5 minutes");
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new RuntimeImageException(what + " was interrupted");
        }
        if (process.exitValue() != 0) {
            throw new RuntimeImageException(what + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

}
