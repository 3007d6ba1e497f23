package dev.parapet.engine;

import dev.parapet.config.ScanConfig;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the scan's canary listens and how the target reaches it. Decided from the configuration alone, without DNS:
 *
 * <ul>
 *   <li>No {@code --oob-url} and a loopback or private target ({@code 127.0.0.0/8}, {@code ::1}, {@code localhost},
 *       RFC 1918, link-local, CGNAT, single-label and {@code .local/.internal/.lan/.home.arpa} names): bind
 *       {@code 127.0.0.1} on a random free port; probes carry {@code http://127.0.0.1:<port>/<token>}.</li>
 *   <li>{@code --oob-url}: listen on that URL's port (80/443 when it names none; the listener speaks plain HTTP, so
 *       an https URL needs TLS terminated in front of it) and plant URLs built on it. The bind address is
 *       {@code 127.0.0.1} when the URL's host is loopback or {@code localhost}; the address itself when it is an IP
 *       literal of one of this machine's interfaces; otherwise all interfaces ({@code 0.0.0.0}), because the address
 *       the target reaches may belong to a NAT, a port forward or a tunnel in front of this machine.</li>
 *   <li>A public target without {@code --oob-url}: no canary; loopback would be unreachable from it.</li>
 * </ul>
 *
 * @param bindAddress the local address to bind
 * @param port        the local port; 0 picks a free one
 * @param base        the URL tokens are planted under; empty means {@code http://<bindAddress>:<bound port>}
 */
record CanaryPlan(InetAddress bindAddress, int port, Optional<URI> base) {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    static Optional<CanaryPlan> of(ScanConfig config) {
        try {
            if (!config.oobUrl().isEmpty()) {
                URI base = URI.create(config.oobUrl());
                int port = base.getPort() > 0 ? base.getPort() : "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
                return Optional.of(new CanaryPlan(bindAddressFor(base.getHost()), port, Optional.of(base)));
            }
            if (isLocal(config.target().getHost())) {
                return Optional.of(new CanaryPlan(InetAddress.getByName("127.0.0.1"), 0, Optional.empty()));
            }
            return Optional.empty();
        } catch (UnknownHostException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The URL planted for {@code token} when the listener is bound to {@code boundPort}. */
    URI urlFor(String token, int boundPort) {
        String root = base.map(URI::toString).orElse("http://" + bindAddress.getHostAddress() + ":" + boundPort);
        return URI.create((root.endsWith("/") ? root : root + "/") + token);
    }

    /** What the user should read in a log line: {@code 127.0.0.1:43121}. */
    String describe(int boundPort) {
        return bindAddress.getHostAddress() + ":" + boundPort;
    }

    static InetAddress bindAddressFor(String rawHost) throws UnknownHostException {
        String host = rawHost == null ? "" : rawHost.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        if (host.equals("localhost") || host.endsWith(".localhost") || host.equals("::1") || host.startsWith("127.")
                && IPV4.matcher(host).matches()) {
            return InetAddress.getByName("127.0.0.1");
        }
        if (IPV4.matcher(host).matches() || host.contains(":")) {
            InetAddress literal = InetAddress.getByName(host); // a literal: no lookup happens
            try {
                if (NetworkInterface.getByInetAddress(literal) != null) {
                    return literal;
                }
            } catch (SocketException ignored) {
                // fall through to all interfaces
            }
        }
        return InetAddress.getByName("0.0.0.0");
    }

    /** Loopback, private, link-local or a name that only resolves on a local network. */
    static boolean isLocal(String rawHost) {
        if (rawHost == null || rawHost.isBlank()) {
            return false;
        }
        String host = rawHost.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        Matcher v4 = IPV4.matcher(host);
        if (v4.matches()) {
            int a = Integer.parseInt(v4.group(1));
            int b = Integer.parseInt(v4.group(2));
            return a == 127 || a == 10 || a == 0 || a == 172 && b >= 16 && b <= 31 || a == 192 && b == 168
                    || a == 169 && b == 254 || a == 100 && b >= 64 && b <= 127;
        }
        if (host.contains(":")) {
            return host.equals("::1") || host.startsWith("fc") || host.startsWith("fd") || host.startsWith("fe80:");
        }
        return host.equals("localhost") || !host.contains(".") || host.endsWith(".localhost")
                || host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".lan")
                || host.endsWith(".home.arpa");
    }
}
