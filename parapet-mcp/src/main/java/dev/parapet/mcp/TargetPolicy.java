package dev.parapet.mcp;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which hosts an assistant may ask the MCP server to scan. By default only loopback and private addresses
 * (127.0.0.0/8, ::1, 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, fc00::/7): a prompt injected into an assistant must
 * not be able to turn Parapet against someone else's server. {@code --allow-target} host globs ({@code *} matches
 * any run of characters, case ignored) admit further hosts by name or literal address.
 *
 * <p>A host name is resolved once, and every address it resolves to must be in the allowed ranges: a name that
 * resolves to both a private and a public address is refused. A literal IP address is judged as written and never
 * looked up. Immutable and thread-safe.
 */
public final class TargetPolicy {

    /** Looks a host name up; replaced in tests to prove literal addresses are never resolved. */
    @FunctionalInterface
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private final List<String> allowPatterns;
    private final List<Pattern> allowed;
    private final Resolver resolver;

    public TargetPolicy(List<String> allowPatterns, Resolver resolver) {
        this.allowPatterns = List.copyOf(allowPatterns);
        this.allowed = this.allowPatterns.stream().map(TargetPolicy::glob).toList();
        this.resolver = resolver;
    }

    public static TargetPolicy withSystemResolver(List<String> allowPatterns) {
        return new TargetPolicy(allowPatterns, InetAddress::getAllByName);
    }

    /**
     * Accepts {@code target} or explains in one line why not.
     *
     * @throws ToolException when the target is not an http(s) URL with a host, or its host is not allowed
     */
    public void check(URI target) {
        String host = target.getHost();
        if (host == null || host.isBlank()) {
            throw new ToolException("the URL " + target + " has no host");
        }
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        String lower = bare.toLowerCase(Locale.ROOT);
        if (allowed.stream().anyMatch(p -> p.matcher(lower).matches())) {
            return;
        }
        InetAddress[] addresses = literal(lower);
        if (addresses == null) {
            try {
                addresses = resolver.resolve(lower);
            } catch (UnknownHostException e) {
                throw new ToolException("cannot resolve the host " + host + ": " + e.getMessage());
            }
        }
        for (InetAddress a : addresses) {
            if (!loopbackOrPrivate(a)) {
                throw new ToolException("target " + host + " (" + a.getHostAddress() + ") is outside the loopback "
                        + "and private ranges and no --allow-target pattern admits it" + patterns()
                        + "; start 'parapet mcp' with --allow-target " + host + " to allow it");
            }
        }
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

    private static Pattern glob(String pattern) {
        String p = pattern.strip().toLowerCase(Locale.ROOT);
        if (p.isEmpty()) {
            throw new IllegalArgumentException("--allow-target must not be empty");
        }
        List<String> parts = java.util.Arrays.stream(p.split("\\*", -1)).map(Pattern::quote).toList();
        return Pattern.compile(String.join(".*", parts));
    }
}
