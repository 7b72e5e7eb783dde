package dev.parley.gateway.channels;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

/** Reading webhook requests defensively: bounded bodies, strict form decoding, checked ids. */
public final class WebhookInput {

    private static final int MAX_ID_LENGTH = 256;

    private WebhookInput() {
    }

    /**
     * The raw body, refused with {@link PayloadTooLargeException} as soon as it is known to exceed {@code maxBytes}
     * (from {@code Content-Length}, else while reading), so a huge body is never held in memory.
     */
    public static byte[] body(HttpServletRequest request, long maxBytes) {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw new PayloadTooLargeException(maxBytes);
        }
        try (InputStream in = request.getInputStream()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                total += read;
                if (total > maxBytes) {
                    throw new PayloadTooLargeException(maxBytes);
                }
                out.write(buffer, 0, read);
            }
            return out.toByteArray();
        }
        catch (IOException e) {
            throw new UncheckedIOException("could not read the webhook body", e);
        }
    }

    /** Decodes an {@code application/x-www-form-urlencoded} body (UTF-8), keeping repeated keys in order. */
    public static Map<String, List<String>> form(byte[] body) {
        Map<String, List<String>> form = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return form;
        }
        for (String pair : text.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                form.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
            catch (IllegalArgumentException e) {
                throw new MalformedWebhookException("The form body is not valid application/x-www-form-urlencoded");
            }
        }
        return form;
    }

    /** The single value of form field {@code name}, or {@code null}. */
    public static String field(Map<String, List<String>> form, String name) {
        List<String> values = form.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }

    /** {@code value} when it is a usable platform id (1-256 characters, no control characters). */
    public static String requireId(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new MalformedWebhookException(name + " is required");
        }
        if (value.length() > MAX_ID_LENGTH || value.chars().anyMatch(Character::isISOControl)) {
            throw new MalformedWebhookException(name + " must be 1-" + MAX_ID_LENGTH
                    + " printable characters, was '" + abbreviate(value) + "'");
        }
        return value;
    }

    /** At most 64 characters of {@code value}, for messages. */
    public static String abbreviate(String value) {
        if (value == null) {
            return "null";
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 61) + "...";
    }
}
