package dev.parapet.http;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolverProvider;
import java.util.List;
import java.util.stream.Stream;

/**
 * The process's host-name resolver: the JDK's own, except for names a scan pinned ({@link PinnedAddresses}), which
 * answer their checked addresses without a lookup. Registered in {@code META-INF/services}; the JDK loads it on the
 * first lookup. Thread-safe.
 */
public final class PinningResolverProvider extends InetAddressResolverProvider {

    @Override
    public InetAddressResolver get(Configuration configuration) {
        InetAddressResolver builtin = configuration.builtinResolver();
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                var pinned = PinnedAddresses.lookup(host);
                if (pinned.isEmpty()) {
                    return builtin.lookupByName(host, policy);
                }
                List<InetAddress> allowed = pinned.get().stream().filter(a -> admits(policy, a)).toList();
                if (allowed.isEmpty()) {
                    throw new UnknownHostException(host + ": its checked addresses are not of the family asked for");
                }
                return allowed.stream();
            }

            @Override
            public String lookupByAddress(byte[] addr) throws UnknownHostException {
                return builtin.lookupByAddress(addr);
            }
        };
    }

    private static boolean admits(InetAddressResolver.LookupPolicy policy, InetAddress a) {
        int c = policy.characteristics();
        return a instanceof Inet4Address && (c & InetAddressResolver.LookupPolicy.IPV4) != 0
                || a instanceof Inet6Address && (c & InetAddressResolver.LookupPolicy.IPV6) != 0;
    }

    @Override
    public String name() {
        return "parapet-pinning";
    }
}
