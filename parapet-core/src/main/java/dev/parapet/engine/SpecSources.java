package dev.parapet.engine;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs an API description (and the documents it refers to) may be fetched from: the scan's scope, plus the
 * hosts the user named with {@code --spec-host}. An entry {@code host} allows that host on any port, an entry
 * {@code host:port} that port only; IPv6 literals are written in brackets ({@code [::1]:8443}). Only {@code http}
 * and {@code https} URLs are ever allowed. Immutable and thread-safe.
 */
final class SpecSources {

    private final ScopeGuard scope;
    private final List<String> hosts;

    SpecSources(ScopeGuard scope, List<String> specHosts) {
        this.scope = scope;
        this.hosts = specHosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty())
                .toList();
    }

    boolean allows(URI uri) {
        if (scope.allows(uri)) {
            return true;
        }
        if (uri == null || uri.getHost() == null || uri.getScheme() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return hosts.contains(host) || hosts.contains(host + ":" + port);
    }

    /** What the user would pass to allow {@code uri}: {@code host}, or {@code host:port} when the URL names a port. */
    static String hostOption(URI uri) {
        String host = uri.getHost() == null ? String.valueOf(uri.getAuthority()) : uri.getHost();
        return uri.getPort() >= 0 ? host + ":" + uri.getPort() : host;
    }
}
