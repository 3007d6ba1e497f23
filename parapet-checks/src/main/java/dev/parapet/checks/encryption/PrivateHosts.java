package dev.parapet.checks.encryption;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Decides from the host name alone, without DNS (checks do no I/O), whether a target sits on loopback or a private
 * network: loopback and RFC 1918 / RFC 4193 / link-local literals, {@code localhost}, single-label names (container
 * and compose service names) and the reserved private suffixes {@code .local}, {@code .internal},
 * {@code .localhost}, {@code .lan}, {@code .home.arpa}. Such services usually sit behind a proxy that terminates TLS.
 */
final class PrivateHosts {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private PrivateHosts() {
    }

    static boolean isLoopbackOrPrivate(String rawHost) {
        if (rawHost == null || rawHost.isBlank()) {
            return false;
        }
        String host = rawHost.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        var v4 = IPV4.matcher(host);
        if (v4.matches()) {
            int a = Integer.parseInt(v4.group(1));
            int b = Integer.parseInt(v4.group(2));
            return a == 127 || a == 10 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127);
        }
        if (host.contains(":")) {
            return host.equals("::1") || host.startsWith("fc") || host.startsWith("fd") || host.startsWith("fe80:");
        }
        return host.equals("localhost") || !host.contains(".") || host.endsWith(".localhost")
                || host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".lan")
                || host.endsWith(".home.arpa");
    }
}
