package dev.parapet.checks.ssrf;

import java.net.URI;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies the scanned host from its name alone (checks do no I/O, so no DNS): loopback and private literals,
 * {@code localhost}, single-label names and the private suffixes ({@code .local}, {@code .internal},
 * {@code .localhost}, {@code .lan}, {@code .home.arpa}) count as non-public. For a non-public target Parapet names
 * only loopback and {@code file://} values, so the server under test is never asked to connect anywhere else.
 */
final class TargetHost {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private TargetHost() {
    }

    /** The probe scopes a scan of {@code target} may use. */
    static Set<InternalTargets.Scope> allowedScopes(URI target) {
        return isPublic(target.getHost()) ? EnumSet.allOf(InternalTargets.Scope.class)
                : EnumSet.of(InternalTargets.Scope.LOOPBACK);
    }

    static boolean isPublic(String rawHost) {
        if (rawHost == null || rawHost.isBlank()) {
            return false;
        }
        String host = rawHost.toLowerCase(Locale.ROOT).replaceAll("^\\[|]$", "");
        Matcher v4 = IPV4.matcher(host);
        if (v4.matches()) {
            int a = Integer.parseInt(v4.group(1));
            int b = Integer.parseInt(v4.group(2));
            return !(a == 127 || a == 10 || a == 0 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                    || (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127));
        }
        if (host.contains(":")) {
            return !(host.equals("::1") || host.equals("::") || host.startsWith("fc") || host.startsWith("fd")
                    || host.startsWith("fe80:") || host.startsWith("::ffff:"));
        }
        return !(host.equals("localhost") || !host.contains(".") || host.endsWith(".localhost")
                || host.endsWith(".local") || host.endsWith(".internal") || host.endsWith(".lan")
                || host.endsWith(".home.arpa"));
    }

    /** Whether {@code uri} points at loopback or the local file system: the only values sent to a private target. */
    static boolean isLoopbackOrFile(URI uri) {
        if ("file".equalsIgnoreCase(uri.getScheme())) {
            return true;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("[::1]") || host.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    }
}
