package dev.parley.callout.http;

import java.net.Inet6Address;
import java.net.InetAddress;

/**
 * Which IP addresses an endpoint may reach. Public unicast addresses always; loopback, private, link-local,
 * unique-local, carrier-grade NAT, reserved and unspecified addresses only with the private-network allowance;
 * multicast and the cloud metadata address never. IPv4 addresses embedded in IPv6 (mapped, compatible, NAT64, 6to4)
 * are judged as IPv4.
 */
public final class AddressRules {

    private AddressRules() {
    }

    /** Why {@code address} is refused, or {@code null} when it may be reached. */
    public static String refusal(InetAddress address, boolean allowPrivateNetwork) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet6Address) {
            byte[] embedded = embeddedIpv4(bytes);
            if (embedded != null) {
                return refusal4(embedded, allowPrivateNetwork);
            }
            return refusal6(bytes, allowPrivateNetwork);
        }
        return refusal4(bytes, allowPrivateNetwork);
    }

    private static String refusal4(byte[] a, boolean allowPrivate) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        int b2 = a[2] & 0xff;
        int b3 = a[3] & 0xff;
        if (b0 == 169 && b1 == 254 && b2 == 169 && b3 == 254) {
            return "the cloud metadata address";
        }
        if (b0 >= 224) {
            return b0 < 240 ? "a multicast address" : "a reserved or broadcast address";
        }
        String privateKind = null;
        if (b0 == 0) {
            privateKind = "an unspecified (0.0.0.0/8) address";
        } else if (b0 == 127) {
            privateKind = "a loopback address";
        } else if (b0 == 10 || (b0 == 172 && (b1 & 0xf0) == 16) || (b0 == 192 && b1 == 168)) {
            privateKind = "a private (site-local) address";
        } else if (b0 == 169 && b1 == 254) {
            privateKind = "a link-local address";
        } else if (b0 == 100 && (b1 & 0xc0) == 64) {
            privateKind = "a carrier-grade NAT address";
        } else if ((b0 == 192 && b1 == 0 && b2 == 0) || (b0 == 198 && (b1 & 0xfe) == 18)) {
            privateKind = "a reserved address";
        }
        return (privateKind == null || allowPrivate) ? null : privateKind;
    }

    private static String refusal6(byte[] a, boolean allowPrivate) {
        int b0 = a[0] & 0xff;
        int b1 = a[1] & 0xff;
        if (b0 == 0xff) {
            return "a multicast address";
        }
        if (b0 == 0xfd && b1 == 0x00 && a[2] == 0x0e && (a[3] & 0xff) == 0xc2 && isMetadata6Tail(a)) {
            return "the cloud metadata address";
        }
        String privateKind = null;
        if (isZero(a, 0, 15) && (a[15] == 0 || a[15] == 1)) {
            privateKind = a[15] == 0 ? "an unspecified address" : "a loopback address";
        } else if (b0 == 0xfe && (b1 & 0xc0) == 0x80) {
            privateKind = "a link-local address";
        } else if (b0 == 0xfe && (b1 & 0xc0) == 0xc0) {
            privateKind = "a site-local address";
        } else if ((b0 & 0xfe) == 0xfc) {
            privateKind = "a unique-local address";
        }
        return (privateKind == null || allowPrivate) ? null : privateKind;
    }

    /** fd00:ec2::254, the IPv6 instance metadata address. */
    private static boolean isMetadata6Tail(byte[] a) {
        return isZero(a, 4, 14) && (a[14] & 0xff) == 0x02 && (a[15] & 0xff) == 0x54;
    }

    /** The IPv4 address inside ::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d or 2002:aabb:ccdd::, else null. */
    private static byte[] embeddedIpv4(byte[] a) {
        boolean mapped = isZero(a, 0, 10) && (a[10] & 0xff) == 0xff && (a[11] & 0xff) == 0xff;
        boolean compatible = isZero(a, 0, 12) && !isZero(a, 12, 15);
        boolean nat64 = (a[0] & 0xff) == 0x00 && (a[1] & 0xff) == 0x64 && (a[2] & 0xff) == 0xff
                && (a[3] & 0xff) == 0x9b && isZero(a, 4, 12);
        if (mapped || compatible || nat64) {
            return new byte[] { a[12], a[13], a[14], a[15] };
        }
        if ((a[0] & 0xff) == 0x20 && (a[1] & 0xff) == 0x02) {
            return new byte[] { a[2], a[3], a[4], a[5] };
        }
        return null;
    }

    private static boolean isZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
