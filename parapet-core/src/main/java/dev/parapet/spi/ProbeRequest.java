package dev.parapet.spi;

import dev.parapet.model.Headers;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * A request a check wants sent. {@code followRedirects}: follow in-scope redirects (default false, so checks see
 * redirects themselves). {@code identity}: whose credentials the engine attaches (default {@link Identity#PRIMARY},
 * which is anonymous when the user gave none). Two equal probes are sent once per scan; both callers see the same
 * exchange.
 */
public record ProbeRequest(String method, URI uri, Headers headers, String body, boolean followRedirects,
                           Identity identity) {

    public ProbeRequest {
        method = method.toUpperCase(Locale.ROOT);
        Objects.requireNonNull(uri, "uri");
        headers = headers == null ? Headers.EMPTY : headers;
        body = body == null ? "" : body;
        identity = identity == null ? Identity.PRIMARY : identity;
    }

    public ProbeRequest(String method, URI uri, Headers headers, String body, boolean followRedirects) {
        this(method, uri, headers, body, followRedirects, Identity.PRIMARY);
    }

    public static ProbeRequest get(URI uri) {
        return new ProbeRequest("GET", uri, Headers.EMPTY, "", false);
    }

    public static ProbeRequest of(String method, URI uri) {
        return new ProbeRequest(method, uri, Headers.EMPTY, "", false);
    }

    public ProbeRequest withHeader(String name, String value) {
        return new ProbeRequest(method, uri, headers.with(name, value), body, followRedirects, identity);
    }

    public ProbeRequest withBody(String contentType, String newBody) {
        return new ProbeRequest(method, uri, headers.with("Content-Type", contentType), newBody, followRedirects,
                identity);
    }

    public ProbeRequest followingRedirects() {
        return new ProbeRequest(method, uri, headers, body, true, identity);
    }

    /** The same request carrying {@code who}'s credentials instead. */
    public ProbeRequest as(Identity who) {
        return new ProbeRequest(method, uri, headers, body, followRedirects, who);
    }
}
