package dev.parapet.checks.authentication;

import dev.parapet.spi.Identity;
import dev.parapet.spi.ProbeRequest;

import java.net.URI;
import java.util.Locale;

/**
 * The ways a request can reach a protected handler while an access rule, matched on the exact method or path,
 * looks away. Each builds an anonymous probe for a path; the same variant of a made-up sibling path is its control.
 */
enum BypassVariant {
    /** HEAD routed to the GET handler while the rule guards only GET. */
    HEAD("HEAD instead of GET"),
    /** OPTIONS let through for CORS preflight, yet handled like GET. */
    OPTIONS("OPTIONS instead of GET"),
    /** OPTIONS let through, then the framework honours a method-override header and runs the GET handler. */
    METHOD_OVERRIDE("OPTIONS with X-HTTP-Method-Override: GET"),
    TRAILING_SLASH("a trailing slash"),
    UPPER_CASE("the path in upper case"),
    DOT_SEGMENT("an encoded dot segment (%2e)"),
    DOUBLE_SLASH("a doubled slash");

    private final String description;

    BypassVariant(String description) {
        this.description = description;
    }

    String description() {
        return description;
    }

    /** The anonymous probe of this variant for {@code uri} (an absolute URL with a path). */
    ProbeRequest probe(URI uri) {
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return build(uri, path);
    }

    private ProbeRequest build(URI uri, String path) {
        return switch (this) {
            case OPTIONS -> ProbeRequest.of("OPTIONS", uri).as(Identity.ANONYMOUS);
            case METHOD_OVERRIDE -> ProbeRequest.of("OPTIONS", uri).as(Identity.ANONYMOUS)
                    .withHeader("X-HTTP-Method-Override", "GET");
            case TRAILING_SLASH -> ProbeRequest.get(withPath(uri, path.endsWith("/") ? path : path + "/"))
                    .as(Identity.ANONYMOUS);
            case UPPER_CASE -> ProbeRequest.get(withPath(uri, path.toUpperCase(Locale.ROOT))).as(Identity.ANONYMOUS);
            case DOT_SEGMENT -> ProbeRequest.get(withPath(uri, insertBeforeLast(path, "%2e/")))
                    .as(Identity.ANONYMOUS);
            case DOUBLE_SLASH -> ProbeRequest.get(withPath(uri, insertBeforeLast(path, "/"))).as(Identity.ANONYMOUS);
            case HEAD -> ProbeRequest.of("HEAD", uri).as(Identity.ANONYMOUS);
        };
    }

    private static String insertBeforeLast(String path, String segment) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        int slash = trimmed.lastIndexOf('/');
        return trimmed.substring(0, slash + 1) + segment + trimmed.substring(slash + 1);
    }

    private static URI withPath(URI uri, String rawPath) {
        return URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + rawPath
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
    }
}
