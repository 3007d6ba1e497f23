package dev.parapet.engine;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decides which URLs a scan may reach: the target's origin plus the extra origins the user named with
 * {@code --scope}. Origins compare scheme, host and effective port. Immutable and thread-safe.
 */
public final class ScopeGuard {

    private record Origin(String scheme, String host, int port) {
    }

    private final List<Origin> origins = new ArrayList<>();

    public ScopeGuard(URI target, List<URI> extra) {
        origins.add(originOf(target));
        extra.forEach(u -> origins.add(originOf(u)));
    }

    public boolean allows(URI uri) {
        if (uri == null || uri.getScheme() == null || uri.getHost() == null) {
            return false;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return false;
        }
        return origins.contains(originOf(uri));
    }

    private static Origin originOf(URI u) {
        String scheme = u.getScheme().toLowerCase(Locale.ROOT);
        int port = u.getPort() >= 0 ? u.getPort() : scheme.equals("https") ? 443 : 80;
        return new Origin(scheme, u.getHost().toLowerCase(Locale.ROOT), port);
    }
}
