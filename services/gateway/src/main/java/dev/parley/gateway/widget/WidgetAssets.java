package dev.parley.gateway.widget;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * The widget script as served: read once from the classpath, with its content hash (the first 16 hex digits of its
 * SHA-256) and a gzip copy made at startup, so serving it costs nothing per request.
 */
final class WidgetAssets {

    static final String SCRIPT_RESOURCE = "widget/parley-chat.js";

    static final String DEMO_RESOURCE = "widget/demo.html";

    private final byte[] script;

    private final byte[] scriptGzip;

    private final String hash;

    private final String demoTemplate;

    private WidgetAssets(byte[] script, String demoTemplate) {
        this.script = script;
        this.scriptGzip = gzip(script);
        this.hash = sha256(script).substring(0, 16);
        this.demoTemplate = demoTemplate;
    }

    static WidgetAssets load() {
        return new WidgetAssets(read(SCRIPT_RESOURCE), new String(read(DEMO_RESOURCE),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    byte[] script() {
        return script.clone();
    }

    byte[] scriptGzip() {
        return scriptGzip.clone();
    }

    /** The content hash: the ETag, and the versioned file name {@code parley-chat.<hash>.js}. */
    String hash() {
        return hash;
    }

    String demoTemplate() {
        return demoTemplate;
    }

    private static byte[] read(String resource) {
        try (InputStream in = WidgetAssets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + resource);
            }
            return in.readAllBytes();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 3);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out) {
            {
                def.setLevel(java.util.zip.Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(data);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
