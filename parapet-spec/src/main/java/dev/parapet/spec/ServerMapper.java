package dev.parapet.spec;

import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.servers.ServerVariable;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reconciles the spec's servers with the scanned URL: the spec's host is never used, only its base path, which is
 * put under the target's origin. A spec saying {@code https://api.example.com/v1} while the scan targets
 * {@code http://127.0.0.1:8080} maps {@code /users} to {@code http://127.0.0.1:8080/v1/users}. Without a usable
 * server path the target's own path is the base.
 */
final class ServerMapper {

    private ServerMapper() {
    }

    /**
     * Server URLs with {@code {variables}} replaced by their defaults (first enum value when no default). The bare
     * {@code /} the parser supplies when a document declares no servers says nothing and is left out.
     */
    static List<String> urls(List<Server> servers) {
        List<String> out = new ArrayList<>();
        if (servers == null) {
            return out;
        }
        for (Server s : servers) {
            if (s == null || s.getUrl() == null || s.getUrl().isBlank() || s.getUrl().equals("/")) {
                continue;
            }
            String url = s.getUrl();
            Map<String, ServerVariable> vars = s.getVariables() == null ? Map.of() : s.getVariables();
            for (var e : vars.entrySet()) {
                ServerVariable v = e.getValue();
                String value = v == null ? "" : v.getDefault() != null ? v.getDefault()
                        : v.getEnum() != null && !v.getEnum().isEmpty() ? v.getEnum().getFirst() : "";
                url = url.replace("{" + e.getKey() + "}", value);
            }
            out.add(url);
        }
        return out;
    }

    /** The path prefix, without trailing slash ({@code ""} for the root), operations are mapped under. */
    static String basePath(List<String> serverUrls, URI target) {
        for (String url : serverUrls) {
            String path = pathOf(url);
            if (path != null) {
                return trim(path);
            }
        }
        return trim(target.getRawPath() == null ? "" : target.getRawPath());
    }

    private static String pathOf(String url) {
        try {
            URI u = URI.create(url.replace(" ", "%20"));
            String p = u.getRawPath();
            return p == null || p.isEmpty() || p.equals("/") ? null : p;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String trim(String p) {
        String s = p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
        return s.isEmpty() || s.startsWith("/") ? s : "/" + s;
    }
}
