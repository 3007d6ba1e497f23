package dev.parapet.server;

import dev.parapet.http.AllowPattern;
import dev.parapet.http.PinnedAddresses;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which targets the server scans. A server is reachable by many people, so by default it refuses every target that
 * resolves to an address a scan must not be pointed at from inside the network: loopback, unspecified
 * ({@code 0.0.0.0}, {@code ::}), private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10,
 * which holds the cloud metadata address 169.254.169.254; fd00:ec2::254 is in fc00::/7), CGNAT (100.64/10),
 * multicast and broadcast. {@code --allow-target} patterns ({@link AllowPattern}: the server's and the tenant's)
 * admit more: an address pattern admits the addresses it covers, a name pattern admits a host name whatever it
 * resolves to.
 *
 * <p>A name is resolved once and every address must be admitted; {@link #admit} then pins the name to those
 * addresses ({@link PinnedAddresses}) for the length of the scan, so the engine connects to what was checked and a
 * later DNS answer cannot move it. A literal address is judged as written. Immutable and thread-safe.
 */
final class ServerTargetPolicy {

    /** Looks a host name up; tests pass their own to show names are judged by what they resolve to. */
    @FunctionalInterface
    interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    /** The target is not one this server scans; the message says why and what an administrator could allow. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final List<String> patterns;
    private final List<AllowPattern> allowed;
    private final Resolver resolver;

    /** @throws IllegalArgumentException naming a pattern that is neither an address pattern nor a host name */
    ServerTargetPolicy(List<String> patterns, Resolver resolver) {
        this.patterns = patterns.stream().map(String::strip).toList();
        this.allowed = this.patterns.stream().map(AllowPattern::parse).toList();
        this.resolver = resolver;
    }

    static ServerTargetPolicy of(List<String> patterns) {
        return new ServerTargetPolicy(patterns, InetAddress::getAllByName);
    }

    /** Checks {@code target} and pins its host to the checked addresses until the returned pin is closed. */
    PinnedAddresses.Pin admit(URI target) {
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            throw new Refused("the URL " + target + " has no host");
        }
        String bare = (host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host)
                .toLowerCase(Locale.ROOT);
        InetAddress literal = literal(bare);
        if (literal != null) {
            judge(host, literal);
            return PinnedAddresses.none();
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(bare);
        } catch (UnknownHostException e) {
            throw new Refused("cannot resolve the host " + host);
        }
        if (addresses.length == 0) {
            throw new Refused("cannot resolve the host " + host);
        }
        if (allowed.stream().noneMatch(p -> p.admitsName(bare))) {
            for (InetAddress a : addresses) {
                judge(host, a);
            }
        }
        return PinnedAddresses.pin(bare, List.of(addresses));
    }

    private void judge(String host, InetAddress a) {
        if (internal(a) && allowed.stream().noneMatch(p -> p.admitsAddress(a))) {
            throw new Refused("target " + host + " resolves to " + a.getHostAddress() + ", an internal address "
                    + "(loopback, private, link-local, CGNAT, metadata or unspecified) that this server does not scan"
                    + (patterns.isEmpty() ? "" : " (allowed: " + String.join(", ", patterns) + ")")
                    + "; an administrator can allow it with --allow-target");
        }
    }

    /** Whether {@code a} is an address a server-side scan must not reach unless an administrator allows it. */
    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isAnyLocalAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first == 100 && second >= 64 && second <= 127
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first >= 240;
        }
        Inet6Address v6 = (Inet6Address) a;
        if (v6.isIPv4CompatibleAddress()) {
            return true;
        }
        return (b[0] & 0xfe) == 0xfc || (b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80;
    }

    /** The address a literal IPv4 or IPv6 host denotes, or null for a name (which must be resolved). */
    private static InetAddress literal(String host) {
        boolean v4 = host.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!v4 && !host.contains(":")) {
            return null;
        }
        try {
            // getByName performs no lookup for a literal address: it only parses it
            return InetAddress.getByName(v4 ? host : "[" + host + "]");
        } catch (UnknownHostException e) {
            throw new Refused("the host " + host + " is not a valid IP address");
        }
    }
}
