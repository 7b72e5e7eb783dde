package dev.parley.platform.client;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides which destinations are Parley services and may receive the internal credential. The credential must never
 * reach a third party (customer callout endpoints, log delivery targets, channel APIs).
 */
final class InternalHosts {

    /** Domains that never resolve to a third party on the public internet (RFC 6761, RFC 2606, Heroku spaces). */
    private static final List<String> RESERVED_SUFFIXES = List.of(".localhost", ".local", ".internal", ".localspace",
            ".test", ".example", ".invalid", "example.com", "example.net", "example.org");

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");

    private final List<String> configured;

    InternalHosts(List<String> configured) {
        this.configured = configured.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    boolean isInternal(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String entry : this.configured) {
            if (entry.startsWith("*.") ? h.endsWith(entry.substring(1)) : h.equals(entry)) {
                return true;
            }
        }
        if (h.equals("localhost") || h.equals("::1") || LOOPBACK_V4.matcher(h).matches()) {
            return true;
        }
        if (!h.contains(".") && !h.contains(":")) {
            return true; // single-label names (docker-style service names) are never public hosts
        }
        for (String suffix : RESERVED_SUFFIXES) {
            if (h.endsWith(suffix) && (suffix.startsWith(".") || h.equals(suffix) || h.endsWith("." + suffix))) {
                return true;
            }
        }
        return false;
    }

}
