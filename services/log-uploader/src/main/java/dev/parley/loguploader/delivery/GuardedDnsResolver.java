package dev.parley.loguploader.delivery;

import dev.parley.loguploader.destination.NetworkPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves destination hosts and keeps only addresses the network policy allows. Checking here, where the
 * connection's address is chosen, also stops a name that an admin's DNS later points at a private address.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final NetworkPolicy policy;

    GuardedDnsResolver(NetworkPolicy policy) {
        this.policy = policy;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] permitted = Arrays.stream(SystemDefaultDnsResolver.INSTANCE.resolve(host))
                .filter(address -> !policy.isForbidden(address))
                .toArray(InetAddress[]::new);
        if (permitted.length == 0) {
            throw new ForbiddenAddressException(host);
        }
        return permitted;
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
    }

    /** The host resolves only to addresses destinations may not use. */
    static final class ForbiddenAddressException extends UnknownHostException {

        ForbiddenAddressException(String host) {
            super("host " + host + " resolves only to loopback, private or link-local addresses");
        }
    }
}
