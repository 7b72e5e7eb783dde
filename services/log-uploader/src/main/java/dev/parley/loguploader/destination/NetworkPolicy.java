package dev.parley.loguploader.destination;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Which endpoints destinations may point at: https only and public addresses only, unless the operator allows
 * otherwise. Checked when an admin saves a destination and again for every address the delivery client resolves,
 * so a host name that later resolves to a private address is refused too.
 */
@Component
public class NetworkPolicy {

    private final boolean allowHttp;
    private final boolean allowPrivateNetwork;

    @Autowired
    public NetworkPolicy(DestinationProperties properties) {
        this(properties.allowHttp(), properties.allowPrivateNetwork());
    }

    NetworkPolicy(boolean allowHttp, boolean allowPrivateNetwork) {
        this.allowHttp = allowHttp;
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    /** Why this URL may not be a destination, or empty when it may. */
    public Optional<String> refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            return Optional.of(allowHttp ? "url must use https or http" : "url must use https");
        }
        if (url.getRawUserInfo() != null) {
            return Optional.of("url must not carry credentials; use authHeaderName and authHeaderValue");
        }
        String host = url.getHost();
        if (host == null || host.isBlank()) {
            return Optional.of("url must name a host");
        }
        if (url.getRawFragment() != null) {
            return Optional.of("url must not have a fragment");
        }
        if (allowPrivateNetwork) {
            return Optional.empty();
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[") || name.matches("[0-9.]+")) {
            Optional<InetAddress> literal = literal(name);
            if (literal.isEmpty()) {
                return Optional.of("url host is not a valid IP address");
            }
            return isForbidden(literal.get())
                    ? Optional.of("url must not point at a loopback, private or link-local address")
                    : Optional.empty();
        }
        if (!name.contains(".") || name.equals("localhost") || name.endsWith(".localhost") || name.endsWith(".local")
                || name.endsWith(".internal") || name.endsWith(".localdomain")) {
            return Optional.of("url must name a public host");
        }
        return Optional.empty();
    }

    /** Whether a resolved address may not be called. */
    public boolean isForbidden(InetAddress address) {
        if (allowPrivateNetwork) {
            return false;
        }
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0                                     // "this network"
                    || (first == 100 && second >= 64 && second <= 127) // carrier-grade NAT
                    || (first == 192 && second == 0 && (b[2] & 0xff) == 0) // IETF protocol assignments
                    || (first == 198 && (second == 18 || second == 19))    // benchmarking
                    || first >= 240;                                       // reserved and broadcast
        }
        if (address instanceof Inet6Address) {
            int first = b[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return true; // unique local fc00::/7
            }
            boolean v4Compatible = true;
            for (int i = 0; i < 12; i++) {
                v4Compatible &= b[i] == 0;
            }
            boolean nat64 = first == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
            if (v4Compatible || nat64) {
                try {
                    return isForbidden(InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]}));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
        }
        return false;
    }

    private static Optional<InetAddress> literal(String host) {
        try {
            if (host.startsWith("[")) {
                // a bracketed IPv6 literal is parsed, never looked up
                return host.matches("\\[[0-9a-f:.]+]") ? Optional.of(InetAddress.getByName(host)) : Optional.empty();
            }
            String[] parts = host.split("\\.", -1);
            if (parts.length != 4) {
                return Optional.empty();
            }
            byte[] octets = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || Integer.parseInt(parts[i]) > 255) {
                    return Optional.empty();
                }
                octets[i] = (byte) Integer.parseInt(parts[i]);
            }
            return Optional.of(InetAddress.getByAddress(octets));
        } catch (UnknownHostException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
