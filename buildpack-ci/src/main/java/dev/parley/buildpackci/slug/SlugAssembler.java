package dev.parley.buildpackci.slug;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Assembles one service's slug: the runtime image under {@code ./app/jdk}, {@code ./app/.profile.d/java.sh}
 * (JAVA_HOME, PATH, memory options for the dyno), the service jar and the rendered Procfile, as one gzip tarball.
 * Checks it against Heroku's size limit and checksums it.
 */
public final class SlugAssembler {

    /** Heroku refuses compressed slugs above 500 MB. */
    public static final long MAX_BYTES = 500L << 20;

    /** Heroku warns above 300 MB: deploys slow down and dynos start later. */
    public static final long WARN_BYTES = 300L << 20;

    private final RuntimeImage runtime;

    private final ProcfileTemplate procfile;

    private final String stack;

    private final String commit;

    private final Consumer<String> log;

    private final byte[] profileScript;

    private final long maxBytes;

    private final long warnBytes;

    public SlugAssembler(RuntimeImage runtime, ProcfileTemplate procfile, String stack, String commit,
            Consumer<String> log) {
        this(runtime, procfile, stack, commit, log, MAX_BYTES, WARN_BYTES);
    }

    SlugAssembler(RuntimeImage runtime, ProcfileTemplate procfile, String stack, String commit, Consumer<String> log,
            long maxBytes, long warnBytes) {
        this.maxBytes = maxBytes;
        this.warnBytes = warnBytes;
        this.runtime = runtime;
        this.procfile = procfile;
        this.stack = stack;
        this.commit = commit;
        this.log = log;
        this.profileScript = resource("java.sh");
    }

    /** Writes {@code <directory>/<service>.tgz} and returns it with its checksum. */
    public Slug assemble(ServiceBuild service, Path directory) {
        if (!Files.isRegularFile(service.jar())) {
            throw new MissingServiceJarException(service.name(), service.jar());
        }
        Map<String, String> processTypes = this.procfile.render(service);
        Path target = directory.resolve(service.name() + ".tgz");
        Path partial = directory.resolve(service.name() + ".tgz.partial");
        long start = System.nanoTime();
        try {
            Files.createDirectories(directory);
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                try (InputStream runtimePart = Files.newInputStream(this.runtime.tarFragment())) {
                    runtimePart.transferTo(out);
                }
                try (TarWriter tar = new TarWriter(out, true)) {
                    tar.directory("./app/.profile.d");
                    tar.file("./app/.profile.d/java.sh", this.profileScript, false);
                    tar.file("./app/Procfile", ProcfileTemplate.procfile(processTypes)
                        .getBytes(StandardCharsets.UTF_8), false);
                    tar.file("./app/" + service.jarFileName(), service.jar());
                }
            }
            long size = Files.size(partial);
            if (size > this.maxBytes) {
                Files.delete(partial);
                throw new SlugTooLargeException(service.name(), size, this.maxBytes);
            }
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Slug slug = new Slug(service.name(), target, HexFormat.of().formatHex(sha256.digest()), size,
                    processTypes, this.commit, this.stack, this.runtime.javaVersion());
            this.log.accept(String.format("Slug %-16s %4d MB  %.1f s  %s  process types %s", service.name(),
                    size >> 20, (System.nanoTime() - start) / 1e9, slug.checksum(), processTypes.keySet()));
            if (size > this.warnBytes) {
                this.log.accept("WARNING: the slug of " + service.name() + " is " + (size >> 20)
                        + " MB; Heroku recommends staying below " + (this.warnBytes >> 20) + " MB");
            }
            return slug;
        }
        catch (IOException ex) {
            throw new UncheckedIOException("Cannot assemble the slug of " + service.name() + " in " + directory, ex);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = SlugAssembler.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + name + " next to " + SlugAssembler.class);
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

}
