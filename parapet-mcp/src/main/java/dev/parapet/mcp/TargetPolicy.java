package dev.parapet.mcp;

import dev.parapet.http.AllowPattern;
import dev.parapet.http.PinnedAddresses;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts an assistant may ask the MCP server to scan. By default only loopback and private addresses
 * (127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7): a prompt injected into an assistant must
 * not be able to turn Parapet against someone else's server. {@code --allow-target} patterns admit more (see
 * {@link AllowPattern}): address patterns ({@code 10.0.0.0/24}, {@code 10.0.0.*}) admit the addresses a target
 * resolves to, name patterns ({@code *.staging.example.com}) admit a host name exactly.
 *
 * <p>A host name is resolved once, and every address it resolves to must be allowed (a name that resolves to both
 * a private and a public address is refused) unless a name pattern admits the name itself. A literal IP address is
 * judged as written and never looked up. {@link #admit} pins the name to the addresses checked for the length of the
 * scan, so the scan connects to those addresses and no later DNS answer can move it (DNS rebinding). Immutable and
 * thread-safe.
 */
public final class TargetPolicy {

    /** Looks a host name up; replaced in tests to prove literal addresses are never resolved. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> allowPatterns;
    private final List<AllowPattern> allowed;
    private final Resolver resolver;

    /** @throws IllegalArgumentException naming a pattern that is neither an address pattern nor a host name */
    public TargetPolicy(List<String> allowPatterns, Resolver resolver) {
        this.allowPatterns = allowPatterns.stream().map(String::strip).toList();
        this.allowed = this.allowPatterns.stream().map(AllowPattern::parse).toList();
        this.resolver = resolver;
    }

    public static TargetPolicy withSystemResolver(List<String> allowPatterns) {
        return new TargetPolicy(allowPatterns, InetAddress::getAllByName);
    }

    /**
     * Accepts {@code target} or explains in one line why not; returns its addresses as resolved once (a name a name
     * pattern admits is resolved too, so the scan can be pinned to what was looked up).
     *
     * @throws ToolException when the target is not an http(s) URL with a host, or its host is not allowed
     */
    public List<InetAddress> check(URI target) {
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            throw new ToolException("the URL " + target + " has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        InetAddress[] literal = literal(lower);
        if (literal != null) {
            judge(host, literal);
            return List.of(literal);
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(lower);
        } catch (UnknownHostException e) {
            throw new ToolException("cannot resolve the host " + host + ": " + e.getMessage());
        }
        if (addresses.length == 0) {
            throw new ToolException("cannot resolve the host " + host + ": no address");
        }
        if (allowed.stream().noneMatch(p -> p.admitsName(lower))) {
            judge(host, addresses);
        }
        return List.of(addresses);
    }

    /**
     * {@link #check}s {@code target} and pins its host name to the checked addresses until the returned pin is
     * closed; close it when the scan ends. A literal address needs no pin (the returned one holds nothing).
     */
    public PinnedAddresses.Pin admit(URI target) {
        List<InetAddress> addresses = check(target);
        String host = target.getHost();
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (literal(bare.toLowerCase(Locale.ROOT)) != null) {
            return PinnedAddresses.none();
        }
        return PinnedAddresses.pin(bare, addresses);
    }

    private void judge(String host, InetAddress[] addresses) {
        for (InetAddress a : addresses) {
            if (!loopbackOrPrivate(a) && allowed.stream().noneMatch(p -> p.admitsAddress(a))) {
                throw new ToolException("target " + host + " (" + a.getHostAddress() + ") is outside the loopback "
                        + "and private ranges and no --allow-target pattern admits it" + patterns()
                        + "; start 'parapet mcp' with --allow-target " + suggestion(host, a) + " to allow it");
            }
        }
    }

    private static String suggestion(String host, InetAddress a) {
        return literal(host.toLowerCase(Locale.ROOT).replace("[", "").replace("]", "")) != null
                ? a.getHostAddress() : host;
    }

    private String patterns() {
        return allowPatterns.isEmpty() ? "" : " (patterns: " + String.join(", ", allowPatterns) + ")";
    }

    /** The address a literal IPv4 or IPv6 host denotes, or null for a host name (which must be resolved). */
    static InetAddress[] literal(String host) {
        boolean v4 = IPV4.matcher(host).matches();
        boolean v6 = host.contains(":");
        if (!v4 && !v6) {
            return null;
        }
        try {
            // getByName performs no lookup for a literal address: it only parses it.
            return new InetAddress[]{InetAddress.getByName(v6 ? "[" + host + "]" : host)};
        } catch (UnknownHostException e) {
            throw new ToolException("the host " + host + " is not a valid IP address");
        }
    }

    static boolean loopbackOrPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return true;
        }
        if (b.length == 4) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 10 || first == 172 && second >= 16 && second <= 31 || first == 192 && second == 168;
        }
        return (b[0] & 0xfe) == 0xfc;
    }
}
