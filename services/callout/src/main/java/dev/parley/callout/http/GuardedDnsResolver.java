package dev.parley.callout.http;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host once, refuses it when any of its addresses breaks {@link AddressRules}, and hands exactly the
 * checked addresses to the connection operator, which connects to them: a second lookup that could answer
 * differently (DNS rebinding) never happens.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final boolean allowPrivateNetwork;

    GuardedDnsResolver(boolean allowPrivateNetwork) {
        this.allowPrivateNetwork = allowPrivateNetwork;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(strip(host));
        for (InetAddress address : addresses) {
            String refusal = AddressRules.refusal(address, allowPrivateNetwork);
            if (refusal != null) {
                throw new TargetBlockedException(host, address.getHostAddress(), refusal);
            }
        }
        return addresses;
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        List<InetSocketAddress> result = new ArrayList<>();
        for (InetAddress address : resolve(host)) {
            result.add(new InetSocketAddress(address, port));
        }
        return result;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host; // no reverse lookups
    }

    private static String strip(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }
}
